package org.proflog.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.proflog.analysis.stats.Relation;
import org.proflog.series.Series;

/**
 * Remembers the trend statistics of one node's last analysis, keyed by their exact input, so that the
 * next analysis of the same node computes only those whose input changed.
 *
 * <p>A followed node is analysed again after each snapshot or few, and most of the windows its
 * detectors test are then bit for bit the same as before: a table listed only in expensive
 * snapshots, a series compacted 2:1 whose new snapshots fold into its last point, the load aligned
 * at unchanged times. The Theil-Sen and Mann-Kendall statistics are quadratic in up to 300 points,
 * so recomputing them dominates an analysis. A memoised result is the one the statistic returned for
 * an equal input (the arrays are compared element by element, never by hash alone), so an analysis
 * with a memo returns exactly what one without returns.
 *
 * <p>Entries live for two analyses: those used by the latest analysis are kept for the next, the
 * rest are dropped, so the memo holds about one analysis' inputs (a few dozen windows of at most
 * {@code maxPoints} points). Not thread-safe: one memo belongs to one node, analysed by one thread
 * at a time (see {@link Analyzer#analyzeNode(org.proflog.series.NodeSeries, AnalysisContext,
 * StatsMemo)}).
 */
public final class StatsMemo {
  /** The memo of the analysis running on this thread, or null (then nothing is remembered). */
  private static final ThreadLocal<StatsMemo> CURRENT = new ThreadLocal<>();

  private Map<Key, Object> previous = new HashMap<>();
  private Map<Key, Object> current = new HashMap<>();
  /**
   * Windows cut during the running analysis: several detectors read the same series (memory,
   * connections) and the same window without its shutdown snapshot; each is copied once per analysis.
   */
  private final Map<WindowKey, Window> windows = new HashMap<>();

  /**
   * A series or window (by identity: records compare it with Object.equals) and what was cut from
   * it: a segment, and the end of a segment whose final snapshot is left out (else MIN_VALUE).
   */
  private record WindowKey(Object source, long part, long shutdownMicros) {}

  private long hits;
  private long misses;

  /** Statistics computed and statistics reused so far (for tests and measurements). */
  public long hits() {
    return hits;
  }

  /** Statistics that had to be computed. */
  public long misses() {
    return misses;
  }

  /** What a statistic was computed from: its kind and its input arrays, compared by content. */
  private record Key(int kind, long[] times, double[] a, double[] b, int hash) {
    static Key of(int kind, long[] times, double[] a, double[] b) {
      int h = kind;
      h = 31 * h + Arrays.hashCode(times);
      h = 31 * h + Arrays.hashCode(a);
      h = 31 * h + Arrays.hashCode(b);
      return new Key(kind, times, a, b, h);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.kind == kind && Arrays.equals(k.times, times)
          && Arrays.equals(k.a, a) && Arrays.equals(k.b, b);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final int TREND = 1;
  private static final int RELATION = 2;
  private static final int WARM_UP = 3;

  /** The trend of a window, remembered when a memo is installed on this thread. */
  static Trend trend(Window w, Supplier<Trend> compute) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return compute.get();
    }
    return m.lookup(Key.of(TREND, w.times(), w.values(), null), compute);
  }

  /** {@link Relation#of} of y on x whose Spearman the caller took already, remembered like {@link #relation(double[], double[])}. */
  static Relation relation(double[] x, double[] y, double spearman) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return Relation.of(x, y, spearman);
    }
    return m.lookup(Key.of(RELATION, null, x, y), () -> Relation.of(x, y, spearman));
  }

  /** {@link Relation#of} of y on x, remembered when a memo is installed on this thread. */
  static Relation relation(double[] x, double[] y) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return Relation.of(x, y);
    }
    return m.lookup(Key.of(RELATION, null, x, y), () -> Relation.of(x, y));
  }

  /**
   * The warm-up cut of a window, remembered when a memo is installed on this thread. {@code params}
   * holds everything besides the window that the cut depends on (segment start, options).
   */
  static Judging.AfterWarmUp warmUp(Window w, double[] params, Supplier<Judging.AfterWarmUp> compute) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return compute.get();
    }
    return m.lookup(Key.of(WARM_UP, w.times(), w.values(), params), compute);
  }

  /** The window of a series in a segment, cut once per analysis when a memo is installed. */
  static Window window(Series s, int segment, Supplier<Window> cut) {
    return window(s, segment, Long.MIN_VALUE, cut);
  }

  /** The window of a series in a segment without the snapshot at or after {@code shutdownMicros}, cut once per analysis. */
  static Window window(Series s, int segment, long shutdownMicros, Supplier<Window> cut) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return cut.get();
    }
    return m.windows.computeIfAbsent(new WindowKey(s, segment, shutdownMicros), k -> cut.get());
  }

  /** A window without its segment's final snapshot (ending at {@code endMicros}), cut once per analysis. */
  static Window withoutShutdown(Window w, long endMicros, Supplier<Window> cut) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return cut.get();
    }
    return m.windows.computeIfAbsent(new WindowKey(w, endMicros, Long.MIN_VALUE), k -> cut.get());
  }

  @SuppressWarnings("unchecked")
  private <T> T lookup(Key k, Supplier<T> compute) {
    Object v = current.get(k);
    if (v == null) {
      v = previous.remove(k);
      if (v == null) {
        misses++;
        v = compute.get();
      } else {
        hits++;
      }
      // The key keeps the caller's arrays: windows are never written after they are made.
      current.put(k, v);
    } else {
      hits++;
    }
    return (T) v;
  }

  /** Runs one analysis with this memo installed on the calling thread. */
  <T> T during(Supplier<T> analysis) {
    StatsMemo outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return analysis.get();
    } finally {
      CURRENT.set(outer);
      windows.clear(); // the series grow after the analysis: their windows are cut afresh
      // what this analysis did not use is unlikely to come back: keep one analysis' worth
      previous = current;
      current = new HashMap<>();
    }
  }
}
