package org.proflog.analysis;

/**
 * Every threshold of the analysis in one immutable record; {@link #defaults()} gives the values the
 * command line uses unless told otherwise.
 *
 * @param memoryLimitKiB memory limit for time-to-limit projections (0 = none)
 * @param warmupOverrideMicros warm-up length from a segment's start (-1 = detect automatically)
 * @param alpha significance level of the trend tests (one-sided)
 * @param minMemoryGrowthPctPerHour smallest memory growth worth a warning, % of its level per hour
 * @param minTableGrowthPct smallest growth of a table over the window worth a warning, % of its start
 * @param minTableGrowthEntries smallest absolute growth of a table over the window (entries)
 * @param minPoints fewest points a trend is judged on
 * @param criticalHours a projection to the memory limit within this many hours is critical
 * @param criticalGrowthPctPerHour growth at least this fast (% of level per hour) is critical
 * @param lagWarnSeconds sustained timer lag at least this long is a warning
 * @param outlierZ robust z-score above which a node is a cluster outlier
 */
public record AnalysisOptions(
    double memoryLimitKiB,
    long warmupOverrideMicros,
    double alpha,
    double minMemoryGrowthPctPerHour,
    double minTableGrowthPct,
    double minTableGrowthEntries,
    int minPoints,
    double criticalHours,
    double criticalGrowthPctPerHour,
    double lagWarnSeconds,
    double outlierZ) {

  public AnalysisOptions {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1");
    }
    if (minPoints < 3) {
      throw new IllegalArgumentException("minPoints must be at least 3");
    }
  }

  /** The defaults. */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(0, -1, 0.01, 0.5, 10.0, 100, 6, 24, 10.0, 2.0, 3.5);
  }

  /** A copy with a memory limit. */
  public AnalysisOptions withMemoryLimitKiB(double kib) {
    return new AnalysisOptions(kib, warmupOverrideMicros, alpha, minMemoryGrowthPctPerHour, minTableGrowthPct,
        minTableGrowthEntries, minPoints, criticalHours, criticalGrowthPctPerHour, lagWarnSeconds, outlierZ);
  }

  /** A copy with a fixed warm-up (-1 = automatic). */
  public AnalysisOptions withWarmupMicros(long micros) {
    return new AnalysisOptions(memoryLimitKiB, micros, alpha, minMemoryGrowthPctPerHour, minTableGrowthPct,
        minTableGrowthEntries, minPoints, criticalHours, criticalGrowthPctPerHour, lagWarnSeconds, outlierZ);
  }
}
