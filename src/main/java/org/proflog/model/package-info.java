/**
 * The data model: what one prof.log snapshot says, as immutable records.
 *
 * <p>A {@link org.proflog.model.Snapshot} is one call of Zeek's profile logger: every line that
 * shares the separator's timestamp, decoded into typed parts ({@link org.proflog.model.Memory},
 * {@link org.proflog.model.ThreadStats}, ...). A part the era does not print is {@code null}; a
 * numeric field a line does not carry is {@link org.proflog.model.Snapshot#ABSENT}. Values are
 * what Zeek printed, in its units (KiB for most {@code K} fields, bytes for Conns {@code mem}),
 * never corrected: correcting wraps and peaks is the series' and the analysis' job.
 */
package org.proflog.model;
