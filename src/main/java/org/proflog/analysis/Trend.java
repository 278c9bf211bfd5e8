package org.proflog.analysis;

import org.proflog.analysis.stats.MannKendall;
import org.proflog.analysis.stats.TheilSen;

/**
 * A trend of one window: the Theil-Sen line (slope per hour) and the Hamed-Rao corrected
 * Mann-Kendall test.
 *
 * <p>The line is fitted without the slope's confidence interval: no detector or evidence reads it
 * (significance comes from the Mann-Kendall test), and its two extra order statistics of the n²/2
 * pairwise slopes were most of the cost of a fit.
 */
record Trend(TheilSen.Result line, MannKendall.Result mk, double perHour) {

  static final String METHOD = "Theil-Sen + Mann-Kendall (Hamed-Rao)";

  /** The trend of a window (reused from the running analysis' {@link StatsMemo} when it saw the same window). */
  static Trend of(Window w) {
    return StatsMemo.trend(w, () -> compute(w));
  }

  private static Trend compute(Window w) {
    TheilSen.Result line = TheilSen.line(w.hoursAxis(), w.values());
    MannKendall.Result mk = MannKendall.testCorrected(w.values());
    return new Trend(line, mk, line.slope());
  }

  /** Significant upward trend at level alpha. */
  boolean rising(double alpha) {
    return mk.pIncreasing() < alpha && perHour > 0;
  }
}
