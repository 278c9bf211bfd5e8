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

  /**
   * Mid-ranks (1-based; ties get the mean of their ranks; equal means {@code ==}, so -0.0 ties with
   * 0.0 and each NaN ranks on its own, after every number, in index order).
   *
   * <p>Without NaN, each value's tie group is found by two binary searches in a sorted copy: the
   * same ranks as the stable sort of indexes, for a primitive sort instead of an indirect one.
   */
  public static double[] ranks(double[] v) {
    int n = v.length;
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    if (n == 0 || Double.isNaN(sorted[n - 1])) {
      return ranksByIndexes(v);
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double x = v[i];
      // first position not below x, and last position not above it: the tie group of x
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int m = (lo + hi) >>> 1;
        if (sorted[m] < x) {
          lo = m + 1;
        } else {
          hi = m;
        }
      }
      int first = lo;
      hi = n;
      while (lo < hi) {
        int m = (lo + hi) >>> 1;
        if (sorted[m] <= x) {
          lo = m + 1;
        } else {
          hi = m;
        }
      }
      r[i] = (first + lo - 1) / 2.0 + 1;
    }
    return r;
  }

  /** {@link #ranks} by a stable sort of the indexes (NaN included). */
  static double[] ranksByIndexes(double[] v) {
    int n = v.length;
    // indexes in ascending order of value, ties (and NaNs, last) in index order: a stable sort
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    sortIndexes(v, idx, new int[n], 0, n);
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
   * Stable merge sort of {@code idx[from, to)} by {@code Double.compare} of the values they point
   * at: the order a stable sort of boxed indexes gives, without boxing n Integers per call (ranks are
   * taken for every trend test and relation).
   */
  private static void sortIndexes(double[] v, int[] idx, int[] tmp, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = idx[i];
        int j = i - 1;
        while (j >= from && Double.compare(v[idx[j]], v[x]) > 0) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sortIndexes(v, idx, tmp, from, mid);
    sortIndexes(v, idx, tmp, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      // take from the left run on a tie: stable
      tmp[k++] = Double.compare(v[idx[j]], v[idx[i]]) < 0 ? idx[j++] : idx[i++];
    }
    while (i < mid) {
      tmp[k++] = idx[i++];
    }
    while (j < to) {
      tmp[k++] = idx[j++];
    }
    System.arraycopy(tmp, from, idx, from, to - from);
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
      bx[b] = median(x, from, to);
      by[b] = median(y, from, to);
    }
    return new double[][] {bx, by};
  }

  /**
   * The median of {@code v[from, to)}, as {@link #median(double[])} of a copy computes it; buckets of
   * one or two points (thinning 301 to 599 points to 300) are answered without a copy and a sort.
   */
  private static double median(double[] v, int from, int to) {
    int n = to - from;
    if (n == 1) {
      // sortedQuantile's interpolation at 0 as written: not v itself for an infinity (NaN) or -0.0 (0.0)
      double a = v[from];
      return a + 0.0 * (a - a);
    }
    if (n == 2) {
      double a = v[from];
      double b = v[from + 1];
      // the sorted pair (Arrays.sort's order), then sortedQuantile's interpolation at 0.5
      double lo = Double.compare(a, b) <= 0 ? a : b;
      double hi = Double.compare(a, b) <= 0 ? b : a;
      return lo + 0.5 * (hi - lo);
    }
    return median(Arrays.copyOfRange(v, from, to));
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
