package org.proflog.analysis.stats;

import java.util.ArrayDeque;

/**
 * Rolling envelopes for sawtooth gauges: the heap grows between collections of connection state and
 * drops when state expires, so the trend worth testing is that of the troughs (the lower envelope),
 * not of the raw values. O(n) with a monotone deque.
 */
public final class Envelope {
  private Envelope() {}

  /** For each i, the minimum of v[max(0,i-window+1)..i] (trailing window of {@code window} points). */
  public static double[] lower(double[] v, int window) {
    return rolling(v, window, true);
  }

  /** For each i, the maximum of the trailing window. */
  public static double[] upper(double[] v, int window) {
    return rolling(v, window, false);
  }

  /**
   * Minima of consecutive non-overlapping blocks of {@code block} points (the last block may be
   * shorter), one value per block: the troughs to test for a trend.
   */
  public static double[] blockMinima(double[] v, int block) {
    int b = Math.max(1, block);
    int count = (v.length + b - 1) / b;
    double[] out = new double[count];
    for (int k = 0; k < count; k++) {
      double m = Double.POSITIVE_INFINITY;
      for (int i = k * b; i < Math.min(v.length, (k + 1) * b); i++) {
        m = Math.min(m, v[i]);
      }
      out[k] = m;
    }
    return out;
  }

  private static double[] rolling(double[] v, int window, boolean min) {
    int w = Math.max(1, window);
    double[] out = new double[v.length];
    ArrayDeque<Integer> dq = new ArrayDeque<>();
    for (int i = 0; i < v.length; i++) {
      while (!dq.isEmpty() && (min ? v[dq.peekLast()] >= v[i] : v[dq.peekLast()] <= v[i])) {
        dq.pollLast();
      }
      dq.addLast(i);
      while (dq.peekFirst() <= i - w) {
        dq.pollFirst();
      }
      out[i] = v[dq.peekFirst()];
    }
    return out;
  }
}
