/**
 * Live following of a running cluster ({@code proflog watch}).
 *
 * <ul>
 *   <li>{@link org.proflog.watch.FileFollower}: {@code tail -F} of one path. Only complete lines are
 *       handed over; a partial last line (a writer mid-line, the newline-less 2.6+ Comm line) waits
 *       for its newline. Rotation (the path now names another file) finishes the old file from its
 *       still-open channel, then starts the new one at 0; truncation starts again at 0 and drops the
 *       old process's unfinished last line (its end can never arrive); a vanished file is finished.
 *   <li>Parsing: one long-lived fed {@link org.proflog.parse.ProfLogReader} per file, on the
 *       watcher's thread: each poll hands it the complete lines the follower read, and it parses
 *       them into the node's series at once (views, no Snapshot objects). The reader sees a live
 *       file exactly as it would see the whole file (era evidence, line numbers, the Comm line
 *       joined to the next separator), and it emits a snapshot only when the next one starts,
 *       which is when a live snapshot is known to be complete. Older files found at start
 *       (rotated, gzipped) are pumped from their streams a bounded piece per poll.
 *   <li>Series: one {@link org.proflog.series.SeriesBuilder} per node for the whole run; no raw
 *       snapshot is kept.
 *   <li>{@link org.proflog.watch.Watcher}: discovery (again and again, for late nodes), polling,
 *       and analysis ticks; all nodes are analyzed together at a tick when any changed, because the
 *       cluster detectors compare nodes. {@link org.proflog.watch.FindingDiff} turns the findings
 *       into new / changed (severity) / cleared events by {@link org.proflog.analysis.Finding#id()}.
 *   <li>{@link org.proflog.watch.WatchState}: per file its path, file key, size, a SHA-256 of its
 *       first (up to) 4 KiB and the bytes of complete lines consumed, saved atomically. Resuming
 *       re-reads every file from its start, quietly up to those offsets (the detectors need the
 *       whole history), then reports only what follows; a file renamed while proflog was down is
 *       found by its fingerprint.
 * </ul>
 */
package org.proflog.watch;
