package org.proflog.analysis.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary segmentation for shifts in the mean with a BIC-like penalty: a segment is split at the
 * point that most reduces the squared error, and only when the reduction exceeds
 * {@code penalty · σ² · ln n} (σ² estimated robustly from first differences, Hampel's MAD). Each
 * pass is O(n) with prefix sums; at most {@code maxPoints} change points are returned, sorted.
 */
public final class ChangePoints {
  private ChangePoints() {}

  /** Indexes where a new mean level starts, sorted. */
  public static List<Integer> meanShifts(double[] y, int minSegment, int maxPoints, double penalty) {
    int n = y.length;
    List<Integer> out = new ArrayList<>();
    if (n < 2 * Math.max(1, minSegment)) {
      return out;
    }
    double[] s = new double[n + 1];
    double[] ss = new double[n + 1];
    for (int i = 0; i < n; i++) {
      s[i + 1] = s[i] + y[i];
      ss[i + 1] = ss[i] + y[i] * y[i];
    }
    double[] diffs = new double[n - 1];
    for (int i = 1; i < n; i++) {
      diffs[i - 1] = y[i] - y[i - 1];
    }
    double sigma = 1.4826 * Samples.mad(diffs) / Math.sqrt(2);
    double sigma2 = Math.max(sigma * sigma, 1e-12);
    double threshold = penalty * sigma2 * Math.log(n);
    split(s, ss, 0, n, Math.max(1, minSegment), threshold, maxPoints, out);
    out.sort(null);
    return out;
  }

  private static void split(double[] s, double[] ss, int a, int b, int minSeg, double thr, int max, List<Integer> out) {
    if (out.size() >= max || b - a < 2 * minSeg) {
      return;
    }
    double whole = cost(s, ss, a, b);
    int best = -1;
    double gain = 0;
    for (int k = a + minSeg; k <= b - minSeg; k++) {
      double g = whole - cost(s, ss, a, k) - cost(s, ss, k, b);
      if (g > gain) {
        gain = g;
        best = k;
      }
    }
    if (best < 0 || gain <= thr) {
      return;
    }
    out.add(best);
    split(s, ss, a, best, minSeg, thr, max, out);
    split(s, ss, best, b, minSeg, thr, max, out);
  }

  private static double cost(double[] s, double[] ss, int a, int b) {
    int m = b - a;
    double sum = s[b] - s[a];
    return (ss[b] - ss[a]) - sum * sum / m;
  }
}
