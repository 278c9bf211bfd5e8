package org.proflog.analysis;

import org.proflog.analysis.stats.MannKendall;
import org.proflog.analysis.stats.TheilSen;

/**
 * A trend of one window: the Theil-Sen line (slope per hour) and the Hamed-Rao corrected
 * Mann-Kendall test.
 *
 * <p>Each part is computed when first asked for, and once. Most windows a detector tests are not
 * rising, and Kendall's S alone (O(n log n)) shows that for every window whose S is not positive:
 * its p-value for an upward trend is then at least one half. The line and the corrected test (two
 * Theil-Sen fits and all autocorrelation lags, quadratic in up to 300 points) are computed only for
 * the windows that need them, with the same values as when computed up front.
 *
 * <p>The line is fitted without the slope's confidence interval: no detector or evidence reads it
 * (significance comes from the Mann-Kendall test), and its two extra order statistics of the n²/2
 * pairwise slopes were most of the cost of a fit.
 *
 * <p>Not thread-safe: a trend belongs to the analysis of one node (see {@link StatsMemo}).
 */
final class Trend {

  static final String METHOD = "Theil-Sen + Mann-Kendall (Hamed-Rao)";

  /** Below this level a non-positive S settles {@link #rising} (far from the p-value of one half). */
  private static final double SHORTCUT_ALPHA = 0.25;

  private final Window window;
  private double[] thinned;
  private double s = Double.NaN;
  private TheilSen.Result line;
  private MannKendall.Result mk;

  private Trend(Window window) {
    this.window = window;
  }

  /** The trend of a window (reused from the running analysis' {@link StatsMemo} when it saw the same window). */
  static Trend of(Window w) {
    return StatsMemo.trend(w, () -> new Trend(w));
  }

  /** The Theil-Sen line of the values on hours since the window's start. */
  TheilSen.Result line() {
    if (line == null) {
      line = TheilSen.line(window.hoursAxis(), window.values());
    }
    return line;
  }

  /** The Hamed-Rao corrected Mann-Kendall test of the values. */
  MannKendall.Result mk() {
    if (mk == null) {
      mk = MannKendall.testCorrectedThinned(thinned(), s());
    }
    return mk;
  }

  /** Slope of the line, per hour. */
  double perHour() {
    return line().slope();
  }

  /** Kendall's tau of the values: {@code mk().tau()}, from S alone. */
  double tau() {
    return MannKendall.tau(s(), thinned().length);
  }

  /** Significant upward trend at level alpha. */
  boolean rising(double alpha) {
    if (alpha <= SHORTCUT_ALPHA && s() <= 0) {
      // z <= 0, so the one-sided p-value of an increase is at least 0.5
      return false;
    }
    return slopePositive() && mk().pIncreasing() < alpha;
  }

  /**
   * Whether the line's slope is positive ({@code perHour() > 0}). Where the line was not fitted yet,
   * the counts behind S tell the sign of its median slope without the fit ({@link
   * TheilSen#slopeSign}), which spares the fit of every window whose test then fails and of every
   * window (a load) whose trend is only asked whether it rises.
   */
  private boolean slopePositive() {
    if (line == null && sign == 0) {
      // kept: a remembered trend is asked again at every analysis
      int counted = onIncreasingAxis() ? TheilSen.slopeSign(thinned(), s()) : 0;
      sign = counted == 0 ? 2 : counted;
    }
    return line == null && sign != 2 ? sign > 0 : perHour() > 0;
  }

  /** The slope's sign from the counts: 1 or -1, 2 when they do not tell, 0 before asked. */
  private int sign;

  /**
   * Whether the line's axis (hours since the start, thinned as the test thins) is strictly
   * increasing, so that every pairwise slope has the sign of its rise: strictly increasing times
   * whose span keeps distinct hours distinct, and the same thinning in fit and test.
   */
  private boolean onIncreasingAxis() {
    if (TheilSen.EXACT_LIMIT != MannKendall.MAX_POINTS) {
      return false;
    }
    long[] t = window.times();
    for (int i = 1; i < t.length; i++) {
      if (t[i] <= t[i - 1]) {
        return false;
      }
    }
    return t.length < 2 || t[t.length - 1] - t[0] < MAX_SPAN_MICROS;
  }

  /** Spans below this (about 31 years) keep the hours of distinct microseconds distinct doubles. */
  private static final long MAX_SPAN_MICROS = 1_000_000_000_000_000L;

  private double[] thinned() {
    if (thinned == null) {
      thinned = MannKendall.thinned(window.values());
    }
    return thinned;
  }

  private double s() {
    if (Double.isNaN(s)) {
      s = MannKendall.kendallS(thinned());
    }
    return s;
  }
}
