package org.proflog.series;

import java.util.Arrays;

/**
 * One metric of one node over time: parallel primitive arrays of time (microseconds), value and
 * segment index, in the order the snapshots were read. Points exist only where the snapshot carried
 * the value (cheap snapshots have no table sizes; a global below Zeek's listing threshold has no row).
 * Appending is amortised O(1); readers see a consistent prefix.
 */
public final class Series {
  private long[] times;
  private double[] values;
  private int[] segments;
  private int size;

  public Series() {
    this(16);
  }

  public Series(int capacity) {
    int c = Math.max(capacity, 4);
    times = new long[c];
    values = new double[c];
    segments = new int[c];
  }

  /** Appends a point. */
  public void add(long timeMicros, double value, int segment) {
    if (size == times.length) {
      int c = size + (size >> 1) + 1;
      times = Arrays.copyOf(times, c);
      values = Arrays.copyOf(values, c);
      segments = Arrays.copyOf(segments, c);
    }
    times[size] = timeMicros;
    values[size] = value;
    segments[size] = segment;
    size++;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public long time(int i) {
    check(i);
    return times[i];
  }

  public double value(int i) {
    check(i);
    return values[i];
  }

  public int segmentOf(int i) {
    check(i);
    return segments[i];
  }

  /** The last value, or NaN when empty. */
  public double last() {
    return size == 0 ? Double.NaN : values[size - 1];
  }

  /** A copy of the times. */
  public long[] times() {
    return Arrays.copyOf(times, size);
  }

  /** A copy of the values. */
  public double[] values() {
    return Arrays.copyOf(values, size);
  }

  /** A copy of the segment indexes. */
  public int[] segments() {
    return Arrays.copyOf(segments, size);
  }

  /** The points of one segment, as a new series (empty when the segment has none). */
  public Series onlySegment(int segment) {
    Series s = new Series();
    for (int i = 0; i < size; i++) {
      if (segments[i] == segment) {
        s.add(times[i], values[i], segment);
      }
    }
    return s;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("point " + i + " of " + size);
    }
  }
}
