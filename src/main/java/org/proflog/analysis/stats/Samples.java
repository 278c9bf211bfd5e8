package org.proflog.analysis.stats;

import java.util.Arrays;

/**
 * Small numeric helpers shared by the statistics: medians, quantiles, ranks and the deterministic
 * bucket-median thinning that bounds the cost of the pairwise methods on long series.
 */
public final class Samples {
  private Samples() {}

  /** Median of the values (NaN when empty); does not modify the input. */
  public static double median(double[] v) {
    return quantile(v, 0.5);
  }

  /** Quantile by linear interpolation between order statistics (type 7); NaN when empty. */
  public static double quantile(double[] v, double q) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return sortedQuantile(s, q);
  }

  /** Quantile of an already sorted array. */
  public static double sortedQuantile(double[] s, double q) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double h = (s.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /** Median absolute deviation (unscaled). */
  public static double mad(double[] v) {
    double m = median(v);
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = Math.abs(v[i] - m);
    }
    return median(d);
  }

  /** Mid-ranks (1-based; ties get the mean of their ranks). */
  public static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[idx[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }

  /**
   * Thins paired samples to at most {@code max} points by replacing consecutive buckets of equal
   * size with the median of their x and of their y. Deterministic (no random subsample), keeps the
   * order and the shape of a trend; returns the inputs unchanged when they are short enough.
   */
  public static double[][] bucketMedians(double[] x, double[] y, int max) {
    int n = x.length;
    if (n <= max) {
      return new double[][] {x, y};
    }
    double[] bx = new double[max];
    double[] by = new double[max];
    for (int b = 0; b < max; b++) {
      int from = (int) ((long) b * n / max);
      int to = (int) ((long) (b + 1) * n / max);
      bx[b] = median(Arrays.copyOfRange(x, from, to));
      by[b] = median(Arrays.copyOfRange(y, from, to));
    }
    return new double[][] {bx, by};
  }

  /** 0, 1, 2, ... n-1 as doubles. */
  public static double[] index(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }
}
