/**
 * Robust statistics for profiling series, each tested against worked examples: the Theil-Sen slope
 * with Sen's confidence interval ({@link org.proflog.analysis.stats.TheilSen}), the Mann-Kendall
 * test with tie correction and the Hamed-Rao autocorrelation correction
 * ({@link org.proflog.analysis.stats.MannKendall}), rolling envelopes for sawtooth gauges
 * ({@link org.proflog.analysis.stats.Envelope}), new-peak statistics for high-water marks such as
 * peak RSS ({@link org.proflog.analysis.stats.PeakStats}), warm-up knees
 * ({@link org.proflog.analysis.stats.WarmUp}), mean shifts
 * ({@link org.proflog.analysis.stats.ChangePoints}) and robust relations between two series
 * ({@link org.proflog.analysis.stats.Relation}).
 *
 * <p>Cost is bounded: the pairwise methods thin long inputs deterministically to bucket medians
 * (at most a few hundred points), everything else is linear.
 */
package org.proflog.analysis.stats;
