/**
 * Detectors that turn a node's series into findings, each with the evidence to check it.
 *
 * <p>Entry point: {@link org.proflog.analysis.Analyzer#analyze(java.util.List)} runs one
 * {@link org.proflog.analysis.Detector} per finding kind over every
 * {@link org.proflog.series.NodeSeries} (the latest segment, i.e. the running process, unless a
 * kind is about segments itself such as restarts) plus the cluster comparison
 * ({@link org.proflog.analysis.ClusterOutlierDetector}), with thresholds from one
 * {@link org.proflog.analysis.AnalysisOptions} record, and returns findings sorted by severity,
 * node, kind and subject with stable ids.
 *
 * <p>Domain rules every detector follows: growth during warm-up is not judged; the final snapshot of
 * a process (written at shutdown) is never evidence; growth explained by current connections is
 * load-following (info); growth is judged per hour of work done, not of wall-clock time; peak RSS
 * is a high-water mark judged by its new peaks, not by a trend test; a named global missing from a
 * listing was below Zeek's threshold; a table Zeek itself defines cannot be judged before its expiry
 * ({@link org.proflog.analysis.ZeekGlobals}). Statistics live in {@code analysis.stats}.
 */
package org.proflog.analysis;
