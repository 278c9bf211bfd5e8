/**
 * Finding and opening prof.log inputs: files, zeekctl spool trees, rotated and archived files
 * (gzip detected by its magic bytes), and standard input, grouped by cluster node.
 *
 * <p>{@link org.proflog.source.InputFinder} turns command-line paths into
 * {@link org.proflog.source.DiscoveredInputs}: per node, the {@link org.proflog.source.InputSource}s
 * in time order, plus a {@link org.proflog.source.SourceProblem} for every path that could not be
 * used. Nothing here prints or exits.
 */
package org.proflog.source;
