package org.proflog.analysis;

import org.proflog.analysis.stats.MannKendall;
import org.proflog.analysis.stats.TheilSen;

/**
 * A trend of one window: Theil-Sen slope per hour with its interval and the Hamed-Rao corrected
 * Mann-Kendall test.
 */
record Trend(TheilSen.Result fit, MannKendall.Result mk, double perHour, double lowerPerHour, double upperPerHour) {

  static final String METHOD = "Theil-Sen + Mann-Kendall (Hamed-Rao)";

  /** The trend of a window (reused from the running analysis' {@link StatsMemo} when it saw the same window). */
  static Trend of(Window w) {
    return StatsMemo.trend(w, () -> compute(w));
  }

  private static Trend compute(Window w) {
    TheilSen.Result fit = TheilSen.fit(w.hoursAxis(), w.values());
    MannKendall.Result mk = MannKendall.testCorrected(w.values());
    return new Trend(fit, mk, fit.slope(), fit.lower(), fit.upper());
  }

  /** Significant upward trend at level alpha. */
  boolean rising(double alpha) {
    return mk.pIncreasing() < alpha && perHour > 0;
  }
}
