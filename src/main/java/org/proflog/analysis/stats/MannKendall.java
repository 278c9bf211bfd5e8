package org.proflog.analysis.stats;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Mann-Kendall test for a monotone trend (Mann 1945, Kendall 1975, as worked in Gilbert 1987
 * §16.4 and Helsel &amp; Hirsch 2002 §8), with the tie correction of the variance and, optionally,
 * the variance correction of Hamed &amp; Rao (1998) for autocorrelated data.
 *
 * <p>Consecutive snapshots of a process are strongly autocorrelated, which makes the plain test far
 * too eager; the Hamed-Rao correction inflates Var(S) by {@code n/n*} computed from the significant
 * lags of the autocorrelation of the ranks of the detrended series (detrended with Sen's slope).
 *
 * <p>Cost: S is computed exactly over all pairs, so series longer than {@link #MAX_POINTS} are first
 * thinned to that many bucket medians ({@link Samples#bucketMedians}); the whole test is then O(n)
 * plus a bounded constant.
 */
public final class MannKendall {
  /** Longest series tested exactly; longer ones are thinned to bucket medians first. */
  public static final int MAX_POINTS = 300;

  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private MannKendall() {}

  /**
   * The outcome of one test.
   *
   * @param s Kendall's S
   * @param varS variance of S with the tie correction (uncorrected for autocorrelation)
   * @param varSUsed variance actually used for z (after the Hamed-Rao factor, if applied)
   * @param correction the Hamed-Rao factor n/n* (1 when not applied)
   * @param z the continuity-corrected normal score
   * @param pTwoSided two-sided p-value; {@code pIncreasing} one-sided for an upward trend,
   *     {@code pDecreasing} for a downward one
   * @param tau Kendall's tau-a = S / (n(n-1)/2)
   * @param n number of points tested (after thinning)
   */
  public record Result(
      double s,
      double varS,
      double varSUsed,
      double correction,
      double z,
      double pTwoSided,
      double pIncreasing,
      double pDecreasing,
      double tau,
      int n) {}

  /** Plain test (tie-corrected variance, no autocorrelation correction). */
  public static Result test(double[] y) {
    double[] v = thinned(y);
    int n = v.length;
    double s = kendallS(v);
    double var = variance(v);
    return finish(s, var, var, 1.0, n);
  }

  /**
   * Test with the Hamed-Rao correction, using all lags whose rank autocorrelation lies outside
   * ±z(1-α/2)/√n (α = 0.05), as Hamed &amp; Rao 1998 recommend.
   */
  public static Result testCorrected(double[] y) {
    double[] v = thinned(y);
    return testCorrectedThinned(v, kendallS(v));
  }

  /**
   * {@link #testCorrected} of a series already thinned ({@link #thinned}) whose Kendall's S is
   * known: for callers that decide on S alone first and need the p-values only sometimes.
   */
  public static Result testCorrectedThinned(double[] v, double s) {
    int n = v.length;
    double var = variance(v);
    if (n < 4) {
      return finish(s, var, var, 1.0, n);
    }
    double factor = hamedRaoFactor(v, 0.05);
    return finish(s, var, var * factor, factor, n);
  }

  /**
   * Kendall's S: over all pairs i &lt; j, +1 where v[j] &gt; v[i], -1 where v[j] &lt; v[i], 0 for ties
   * (and for NaN). Counted in O(n log n) by a merge sort (Knight 1966) when there is no NaN: S =
   * pairs - ties - 2 * inversions, an exact integer, the same as the count over all pairs.
   */
  public static double kendallS(double[] v) {
    for (double x : v) {
      if (Double.isNaN(x)) {
        return kendallSPairs(v);
      }
    }
    int n = v.length;
    double[] a = v.clone();
    long inversions = mergeCount(a, new double[n], 0, n);
    // a is sorted now: equal values are adjacent (-0.0 and 0.0 compare equal, as in v[j] - v[i])
    long ties = tiedPairsSorted(a);
    long pairs = (long) n * (n - 1) / 2;
    return pairs - ties - 2 * inversions;
  }

  /**
   * Sorts {@code a[from, to)} ascending and returns the pairs i &lt; j with a[i] &gt; a[j] (strictly:
   * equal values are no inversion, because the merge takes from the left run on a tie).
   */
  private static long mergeCount(double[] a, double[] tmp, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    if (n <= 16) {
      // insertion sort: each shift past a strictly larger value is one inversion
      long inv = 0;
      for (int i = from + 1; i < to; i++) {
        double x = a[i];
        int j = i - 1;
        while (j >= from && a[j] > x) {
          a[j + 1] = a[j];
          j--;
          inv++;
        }
        a[j + 1] = x;
      }
      return inv;
    }
    int mid = (from + to) >>> 1;
    long inv = mergeCount(a, tmp, from, mid) + mergeCount(a, tmp, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (a[j] < a[i]) {
        inv += mid - i; // a[j] is smaller than every value left in the left run
        tmp[k++] = a[j++];
      } else {
        tmp[k++] = a[i++];
      }
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, n);
    return inv;
  }

  /** Kendall's S over all pairs (O(n²)): the definition, for series with NaN. */
  static double kendallSPairs(double[] v) {
    long s = 0;
    for (int i = 0; i < v.length - 1; i++) {
      double a = v[i];
      for (int j = i + 1; j < v.length; j++) {
        double d = v[j] - a;
        if (d > 0) {
          s++;
        } else if (d < 0) {
          s--;
        }
      }
    }
    return s;
  }

  /** The pairs of equal values (-0.0 equals 0.0; NaN equals nothing): Σ t(t-1)/2 over groups of t equal values. */
  public static long tiedPairs(double[] v) {
    double[] a = v.clone();
    Arrays.sort(a);
    return tiedPairsSorted(a);
  }

  /** {@link #tiedPairs} of values in ascending order (equal values adjacent). */
  private static long tiedPairsSorted(double[] a) {
    long ties = 0;
    int i = 0;
    while (i < a.length) {
      int j = i;
      while (j + 1 < a.length && a[j + 1] == a[i]) {
        j++;
      }
      long t = j - i + 1;
      ties += t * (t - 1) / 2;
      i = j + 1;
    }
    return ties;
  }

  /** Var(S) with the tie correction: [n(n-1)(2n+5) - Σ t(t-1)(2t+5)] / 18. */
  public static double variance(double[] v) {
    int n = v.length;
    double var = (double) n * (n - 1) * (2.0 * n + 5);
    double[] s = v.clone();
    Arrays.sort(s);
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && s[j + 1] == s[i]) {
        j++;
      }
      double t = j - i + 1;
      if (t > 1) {
        var -= t * (t - 1) * (2 * t + 5);
      }
      i = j + 1;
    }
    return var / 18.0;
  }

  /**
   * The Hamed-Rao factor n/n* = 1 + 2/(n(n-1)(n-2)) Σ (n-k)(n-k-1)(n-k-2) ρ_k over the significant
   * lags k of the autocorrelation ρ of the ranks of the series detrended with Sen's slope. Floored
   * at a small positive value so that strong negative autocorrelation cannot make the variance
   * vanish.
   */
  public static double hamedRaoFactor(double[] v, double alpha) {
    int n = v.length;
    double[] x = Samples.index(n);
    double beta = TheilSen.slope(x, v);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = v[i] - beta * i;
    }
    double[] r = Samples.ranks(d);
    double mean = (n + 1) / 2.0;
    double denom = 0;
    for (double ri : r) {
      denom += (ri - mean) * (ri - mean);
    }
    if (denom == 0) {
      return 1.0;
    }
    double bound = NORMAL.inverseCumulativeProbability(1 - alpha / 2) / Math.sqrt(n);
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = r[i] - mean;
    }
    double[] num = lagProducts(c, n - 3);
    double sum = 0;
    for (int k = 1; k < n - 2; k++) {
      double rho = num[k] / denom;
      if (Math.abs(rho) > bound) {
        sum += (double) (n - k) * (n - k - 1) * (n - k - 2) * rho;
      }
    }
    double factor = 1 + 2.0 / ((double) n * (n - 1) * (n - 2)) * sum;
    return Math.max(factor, 0.05);
  }

  /**
   * For each lag k from 1 to {@code maxLag}: the sum over i of c[i]·c[i+k], added up in the order of
   * i. Four lags share one pass over c, each with its own sum, so the additions of different lags
   * overlap instead of waiting on one another; every sum is the same as a loop over its lag alone.
   */
  static double[] lagProducts(double[] c, int maxLag) {
    int n = c.length;
    double[] num = new double[Math.max(maxLag, 0) + 1];
    int k = 1;
    for (; k + 3 <= maxLag; k += 4) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      // lag k+3 runs out first: up to there all four advance together
      int common = n - k - 3;
      for (int i = 0; i < common; i++) {
        double ci = c[i];
        s0 += ci * c[i + k];
        s1 += ci * c[i + k + 1];
        s2 += ci * c[i + k + 2];
        s3 += ci * c[i + k + 3];
      }
      for (int i = common; i < n - k - 2; i++) {
        s0 += c[i] * c[i + k];
        s1 += c[i] * c[i + k + 1];
        s2 += c[i] * c[i + k + 2];
      }
      for (int i = n - k - 2; i < n - k - 1; i++) {
        s0 += c[i] * c[i + k];
        s1 += c[i] * c[i + k + 1];
      }
      for (int i = n - k - 1; i < n - k; i++) {
        s0 += c[i] * c[i + k];
      }
      num[k] = s0;
      num[k + 1] = s1;
      num[k + 2] = s2;
      num[k + 3] = s3;
    }
    for (; k <= maxLag; k++) {
      double s0 = 0;
      for (int i = 0; i + k < n; i++) {
        s0 += c[i] * c[i + k];
      }
      num[k] = s0;
    }
    return num;
  }

  private static Result finish(double s, double var, double varUsed, double factor, int n) {
    double z = 0;
    if (varUsed > 0) {
      if (s > 0) {
        z = (s - 1) / Math.sqrt(varUsed);
      } else if (s < 0) {
        z = (s + 1) / Math.sqrt(varUsed);
      }
    }
    double pUp = 1 - NORMAL.cumulativeProbability(z);
    double pDown = NORMAL.cumulativeProbability(z);
    double pTwo = Math.min(1.0, 2 * Math.min(pUp, pDown));
    return new Result(s, var, varUsed, factor, z, pTwo, pUp, pDown, tau(s, n), n);
  }

  /** Kendall's tau-a of S over n points: S / (n(n-1)/2), 0 below two points. */
  public static double tau(double s, int n) {
    double pairs = n * (n - 1) / 2.0;
    return pairs > 0 ? s / pairs : 0;
  }

  /** The series as the tests see it: itself up to {@link #MAX_POINTS} points, else its bucket medians. */
  public static double[] thinned(double[] y) {
    if (y.length <= MAX_POINTS) {
      return y;
    }
    return Samples.bucketMedians(Samples.index(y.length), y, MAX_POINTS)[1];
  }

  /** Standard normal quantile (shared with the slope's confidence interval). */
  static double normalQuantile(double p) {
    return NORMAL.inverseCumulativeProbability(p);
  }
}
