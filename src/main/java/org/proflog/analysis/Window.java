package org.proflog.analysis;

import java.util.Arrays;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * The points of one series within one segment, as plain arrays, optionally restricted to a start
 * time and without the process's final (shutdown) snapshot.
 *
 * @param times µs; {@code values} the values at those times
 */
record Window(long[] times, double[] values) {

  static final Window EMPTY = new Window(new long[0], new double[0]);

  int size() {
    return times.length;
  }

  boolean isEmpty() {
    return times.length == 0;
  }

  long start() {
    return times[0];
  }

  long end() {
    return times[times.length - 1];
  }

  double first() {
    return values[0];
  }

  double last() {
    return values[values.length - 1];
  }

  double hours() {
    return times.length < 2 ? 0 : (end() - start()) / 3.6e9;
  }

  /** The points of a series in a segment (empty when the series is null). */
  static Window of(Series s, int segment) {
    if (s == null) {
      return EMPTY;
    }
    return StatsMemo.window(s, segment, () -> cut(s, segment));
  }

  /**
   * {@code of(s, segment).withoutShutdown(seg)}, cut from the series at once: a followed node's
   * latest segment ends at its latest snapshot, so nearly every window would otherwise be copied
   * whole and then again without that point.
   */
  static Window withoutShutdown(Series s, int segment, Segment seg) {
    if (s == null || seg == null) {
      return of(s, segment);
    }
    long end = seg.endMicros();
    return StatsMemo.window(s, segment, end, () -> {
      int n = s.sizeOf(segment);
      return cut(s, segment, n > 0 && s.lastTimeOf(segment) >= end ? n - 1 : n);
    });
  }

  private static Window cut(Series s, int segment) {
    return cut(s, segment, s.sizeOf(segment));
  }

  /** The first {@code n} points of a segment. */
  private static Window cut(Series s, int segment, int n) {
    long[] t = new long[n];
    double[] v = new double[n];
    s.copySegment(segment, t, v);
    return new Window(t, v);
  }

  /**
   * Drops the segment's final snapshot when this window has it: it is written during shutdown
   * (writers at {@code pending=1/0}, undrained out-queues, peers leaving) and is never evidence.
   */
  Window withoutShutdown(Segment seg) {
    if (!isEmpty() && seg != null && end() >= seg.endMicros()) {
      return StatsMemo.withoutShutdown(this, seg.endMicros(), () -> slice(0, size() - 1));
    }
    return this;
  }

  /** Points at or after a time. */
  Window from(long micros) {
    int i = 0;
    while (i < size() && times[i] < micros) {
      i++;
    }
    return slice(i, size());
  }

  Window slice(int from, int to) {
    return new Window(Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(values, from, to));
  }

  /** Hours since the window's start, per point. */
  double[] hoursAxis() {
    double[] h = new double[size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = (times[i] - times[0]) / 3.6e9;
    }
    return h;
  }

  /**
   * The values of {@code other} at this window's times (the latest point at or before each time;
   * NaN before its first point).
   */
  double[] aligned(Window other) {
    double[] out = new double[size()];
    int j = -1;
    for (int i = 0; i < size(); i++) {
      while (j + 1 < other.size() && other.times[j + 1] <= times[i]) {
        j++;
      }
      out[i] = j < 0 ? Double.NaN : other.values[j];
    }
    return out;
  }

  /** Whether every value is zero (an absent metric printed as 0). */
  boolean allZero() {
    for (double v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
