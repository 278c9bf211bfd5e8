/**
 * Live following of a running cluster: {@link org.proflog.watch.FileFollower} ({@code tail -F} of
 * one path, complete lines only), {@link org.proflog.watch.Watcher} (discovery, per-node series
 * grown snapshot by snapshot, analysis ticks) and {@link org.proflog.watch.FindingDiff} (new,
 * changed and cleared findings).
 */
package org.proflog.watch;
