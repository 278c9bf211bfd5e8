package org.proflog.analysis.stats;

/**
 * The Theil-Sen slope (Theil 1950, Sen 1968): the median of the slopes of all pairs of points,
 * robust to outliers and to the spikes of a noisy gauge, with Sen's rank-based confidence interval
 * from the Mann-Kendall variance (Gilbert 1987 §16.5): with N pairwise slopes and
 * C = z(1-α/2)·√Var(S), the bounds are the M1-th and (M2+1)-th smallest slopes, M1 = (N-C)/2,
 * M2 = (N+C)/2 (interpolated between order statistics).
 *
 * <p>Cost: exact over all pairs up to {@link #EXACT_LIMIT} points (the order statistics are found
 * by selection, O(N) on average); longer series are first thinned deterministically to that many
 * bucket medians ({@link Samples#bucketMedians}), which keeps a trend's slope and costs O(n).
 */
public final class TheilSen {
  /**
   * Longest input fitted over all pairs; longer inputs are thinned first. 300 buckets of a day at
   * 15 s are 5 minutes each, far finer than any trend worth reporting, and keep a fit near 1 ms so
   * that a hundred nodes with dozens of series analyse in seconds.
   */
  public static final int EXACT_LIMIT = 300;

  private TheilSen() {}

  /**
   * A fitted line.
   *
   * @param slope median pairwise slope (y units per x unit)
   * @param intercept median of y - slope·x (Conover's estimator)
   * @param lower lower bound of the slope's confidence interval; {@code upper} its upper bound
   * @param n points used (after thinning); {@code thinned} whether the input was thinned
   */
  public record Result(double slope, double intercept, double lower, double upper, int n, boolean thinned) {
    /** The fitted y at x. */
    public double at(double x) {
      return intercept + slope * x;
    }
  }

  /** Fit with a 95 % confidence interval. */
  public static Result fit(double[] x, double[] y) {
    return fit(x, y, 0.95);
  }

  /** Fit with a confidence interval of the given level (e.g. 0.95). */
  public static Result fit(double[] x, double[] y, double confidence) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    boolean thinned = x.length > EXACT_LIMIT;
    double[][] xy = Samples.bucketMedians(x, y, EXACT_LIMIT);
    double[] xs = xy[0];
    double[] ys = xy[1];
    int n = xs.length;
    if (n < 2) {
      double b = n == 1 ? ys[0] : Double.NaN;
      return new Result(0, b, Double.NaN, Double.NaN, n, thinned);
    }
    double[] slopes = new double[n * (n - 1) / 2];
    int m = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = xs[j] - xs[i];
        if (dx != 0) {
          slopes[m++] = (ys[j] - ys[i]) / dx;
        }
      }
    }
    if (m == 0) {
      return new Result(0, Samples.median(ys), Double.NaN, Double.NaN, n, thinned);
    }
    double slope = orderStat(slopes, m, (m - 1) / 2.0);
    double[] resid = new double[n];
    for (int i = 0; i < n; i++) {
      resid[i] = ys[i] - slope * xs[i];
    }
    double intercept = Samples.median(resid);
    double c = MannKendall.normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(MannKendall.variance(ys));
    double m1 = (m - c) / 2.0;
    double m2 = (m + c) / 2.0;
    // M1-th smallest (1-based) is index M1-1; (M2+1)-th smallest is index M2.
    double lower = orderStat(slopes, m, Math.max(0, Math.min(m - 1, m1 - 1)));
    double upper = orderStat(slopes, m, Math.max(0, Math.min(m - 1, m2)));
    return new Result(slope, intercept, lower, upper, n, thinned);
  }

  /** The slope alone (no interval). */
  public static double slope(double[] x, double[] y) {
    return fit(x, y).slope();
  }

  /** Order statistic at a fractional 0-based position, interpolating; reorders a[0..m). */
  private static double orderStat(double[] a, int m, double pos) {
    int lo = (int) Math.floor(pos);
    double vlo = select(a, m, lo);
    if (pos == lo || lo + 1 >= m) {
      return vlo;
    }
    // after select(lo), everything right of lo is >= a[lo]: the next order statistic is their min
    double vhi = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < m; i++) {
      vhi = Math.min(vhi, a[i]);
    }
    return vlo + (pos - lo) * (vhi - vlo);
  }

  /** Hoare-style quickselect with median-of-three pivots: the k-th smallest of a[0..m). */
  private static double select(double[] a, int m, int k) {
    int left = 0;
    int right = m - 1;
    while (right > left) {
      int mid = (left + right) >>> 1;
      double pivot = med3(a[left], a[mid], a[right]);
      int i = left;
      int j = right;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static double med3(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
