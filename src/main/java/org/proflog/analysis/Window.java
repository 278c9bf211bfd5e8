package org.proflog.analysis;

import java.util.Arrays;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * The points of one series within one segment, optionally restricted to a start time and without
 * the process's final (shutdown) snapshot.
 *
 * <p>A window cut from a series is a view of it: its size, ends and single points are read from the
 * series, and its arrays ({@link #times()}, {@link #values()}) are copied out only when first asked
 * for. Most windows a detector cuts are only looked at (a queue that never backs up, a table that
 * does not grow), and a followed node is analysed at every snapshot, so copying each of them was
 * most of what an analysis allocated. A view must not outlive the analysis it was cut in while its
 * series grows: whatever keeps a window longer (the {@link StatsMemo}) asks for its arrays first,
 * which fixes its points.
 */
final class Window {

  static final Window EMPTY = new Window(new long[0], new double[0]);

  /** The series viewed and the index of the window's first point in it (null once copied out). */
  private Series source;
  private final int offset;
  private final int size;
  /** µs; {@code values} the values at those times (null until asked for, in a view). */
  private long[] times;
  private double[] values;

  /** A window of its own arrays. */
  Window(long[] times, double[] values) {
    this.times = times;
    this.values = values;
    this.size = times.length;
    this.offset = 0;
  }

  /** A view of {@code size} points of a series from index {@code offset}. */
  private Window(Series source, int offset, int size) {
    this.source = source;
    this.offset = offset;
    this.size = size;
  }

  /** The times (µs) of the points; a view copies its points out at the first call. */
  long[] times() {
    if (times == null) {
      copyOut();
    }
    return times;
  }

  /** The values of the points; a view copies its points out at the first call. */
  double[] values() {
    if (values == null) {
      copyOut();
    }
    return values;
  }

  /** Arrays.hashCode of the times and of the values, taken once (the memo keys a window by them). */
  private int timesHash;
  private int valuesHash;
  private boolean hashed;

  int timesHash() {
    hash();
    return timesHash;
  }

  int valuesHash() {
    hash();
    return valuesHash;
  }

  private void hash() {
    if (!hashed) {
      timesHash = Arrays.hashCode(times());
      valuesHash = Arrays.hashCode(values());
      hashed = true;
    }
  }

  private void copyOut() {
    long[] t = new long[size];
    double[] v = new double[size];
    source.copyRange(offset, t, v);
    times = t;
    values = v;
    source = null;
  }

  /** The time of point {@code i} (µs). */
  long time(int i) {
    return source == null ? times[i] : source.time(offset + i);
  }

  /** The value of point {@code i}. */
  double value(int i) {
    return source == null ? values[i] : source.value(offset + i);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long start() {
    return time(0);
  }

  long end() {
    return time(size - 1);
  }

  double first() {
    return value(0);
  }

  double last() {
    return value(size - 1);
  }

  double hours() {
    return size < 2 ? 0 : (end() - start()) / 3.6e9;
  }

  /**
   * The whole points of a series in a segment (empty when the series is null): all of them but a
   * compacted series' open latest point ({@link Series#lastOpen()}), whose time and value move with
   * every snapshot folded into it. A window of whole points changes only when a point is completed
   * or the series compacted, so a followed node's analysis can be skipped while its snapshots only
   * fold ({@link AnalysisInput}). An exact series has no open point.
   */
  static Window of(Series s, int segment) {
    if (s == null) {
      return EMPTY;
    }
    int n = s.wholeSizeOf(segment);
    return StatsMemo.window(s, segment, false, n, () -> cut(s, segment, n));
  }

  /**
   * {@code of(s, segment).withoutShutdown(seg)}, cut from the series at once (whole points only): a followed node's
   * latest segment ends at its latest snapshot, so nearly every window would otherwise be copied
   * whole and then again without that point.
   */
  static Window withoutShutdown(Series s, int segment, Segment seg) {
    if (s == null || seg == null) {
      return of(s, segment);
    }
    long end = seg.endMicros();
    int all = s.wholeSizeOf(segment);
    int n = all > 0 && s.lastWholeTimeOf(segment) >= end ? all - 1 : all;
    return StatsMemo.window(s, segment, true, n, () -> cut(s, segment, n));
  }

  /** The first {@code n} points of a segment: a view when they lie together in the series. */
  private static Window cut(Series s, int segment, int n) {
    int from = s.firstIndexOf(segment);
    if (from >= 0) {
      return new Window(s, from, n);
    }
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
    while (i < size && time(i) < micros) {
      i++;
    }
    return slice(i, size);
  }

  /** Points {@code from} to {@code to} (exclusive): a view of a view's series. */
  Window slice(int from, int to) {
    if (source != null) {
      return new Window(source, offset + from, to - from);
    }
    return new Window(Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(values, from, to));
  }

  /** The last third of the points (at least three): where a sustained level is judged. */
  Window lastThird() {
    return slice(size - Math.max(3, size / 3), size);
  }

  /** Hours since the window's start, per point. */
  double[] hoursAxis() {
    long[] t = times();
    double[] h = new double[size];
    for (int i = 0; i < h.length; i++) {
      h[i] = (t[i] - t[0]) / 3.6e9;
    }
    return h;
  }

  /**
   * The values of {@code other} at this window's times (the latest point at or before each time;
   * NaN before its first point).
   */
  double[] aligned(Window other) {
    double[] out = new double[size];
    int j = -1;
    int m = other.size;
    for (int i = 0; i < size; i++) {
      long t = time(i);
      while (j + 1 < m && other.time(j + 1) <= t) {
        j++;
      }
      out[i] = j < 0 ? Double.NaN : other.value(j);
    }
    return out;
  }

  /** Whether every value is zero (an absent metric printed as 0). */
  boolean allZero() {
    for (int i = 0; i < size; i++) {
      if (value(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
