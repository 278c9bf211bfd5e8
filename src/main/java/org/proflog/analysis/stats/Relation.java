package org.proflog.analysis.stats;

/**
 * A robust linear relation between two aligned series, e.g. memory against current connections
 * (load-following) or against cumulative connections (per-connection retention): Spearman's rank
 * correlation, the Theil-Sen line of y on x and the R² of that line.
 *
 * @param spearman rank correlation of x and y (NaN when either is constant)
 * @param slope Theil-Sen slope of y per unit of x; {@code intercept} its intercept
 * @param r2 1 - SSE/SST of the Theil-Sen line (can be negative for a poor fit; NaN when y is
 *     constant)
 * @param n number of pairs
 */
public record Relation(double spearman, double slope, double intercept, double r2, int n) {

  /** Relates y to x (same length, paired by index). */
  public static Relation of(double[] x, double[] y) {
    return of(x, y, Double.NaN, false);
  }

  /** {@link #of(double[], double[])} for a caller that already took {@code spearman(x, y)}. */
  public static Relation of(double[] x, double[] y, double spearman) {
    return of(x, y, spearman, true);
  }

  private static Relation of(double[] x, double[] y, double knownSpearman, boolean known) {
    int n = x.length;
    if (n != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    if (n < 3) {
      return new Relation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
    }
    TheilSen.Result fit = TheilSen.line(x, y);
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double sst = 0;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      sst += (y[i] - mean) * (y[i] - mean);
      double e = y[i] - fit.at(x[i]);
      sse += e * e;
    }
    double r2 = sst > 0 ? 1 - sse / sst : Double.NaN;
    return new Relation(known ? knownSpearman : spearman(x, y), fit.slope(), fit.intercept(), r2, n);
  }

  /** Spearman's rho: Pearson correlation of the mid-ranks. */
  public static double spearman(double[] x, double[] y) {
    double[] rx = Samples.ranks(x);
    double[] ry = Samples.ranks(y);
    return pearson(rx, ry);
  }

  /** Pearson correlation (NaN when either side is constant). */
  public static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
