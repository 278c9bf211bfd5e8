package org.proflog.series;

/**
 * Counts the changes to the whole points of one node's series (see {@link Series#lastOpen()}): a
 * point appended whole, an open point completed, a compaction. A snapshot that only folds into open
 * points counts nothing, so a reader that compares the count (and whether the latest change was at
 * the latest snapshot) knows without looking at a single series that no whole point moved. Kept by
 * the {@link SeriesBuilder}; not thread-safe, like the series.
 */
public final class WholeChanges {
  private long count;
  private long lastMicros = Long.MIN_VALUE;

  void changed(long timeMicros) {
    count++;
    lastMicros = timeMicros;
  }

  /** The same change to {@code series} series at once (a {@link SeriesBlock}'s members). */
  void changed(long timeMicros, int series) {
    count += series;
    lastMicros = timeMicros;
  }

  /** Changes so far. */
  public long count() {
    return count;
  }

  /** The snapshot time of the latest change, or {@link Long#MIN_VALUE} before the first. */
  public long lastMicros() {
    return lastMicros;
  }
}
