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

  /** A window (by identity) and the end of the segment whose final snapshot was left out of it. */
  private record WindowKey(Window source, long endMicros) {}

  /** A series (by identity), a segment of it, and whether its final snapshot is left out. */
  private record CutKey(Series series, int segment, boolean withoutShutdown) {}

  /**
   * A window cut from a series: how many points, and the series' version and compactions then;
   * {@code reachesLast} whether it holds the series' last point, which a fold may change.
   */
  private record Cut(Window window, int count, long version, int rewrites, boolean reachesLast) {
    /** Whether the series still holds this window's points, now that the cut would take {@code count}. */
    boolean holds(Series s, int count) {
      return count == this.count && s.rewrites() == rewrites && (!reachesLast || s.version() == version);
    }
  }

  /** The cuts of the running analysis, and those of the one before (kept while they still hold). */
  private Map<CutKey, Cut> cuts = new HashMap<>();
  private Map<CutKey, Cut> lastCuts = new HashMap<>();

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

    /** The key of a window's points, with the hashes the window keeps. */
    static Key of(int kind, Window w, double[] b) {
      int h = kind;
      h = 31 * h + w.timesHash();
      h = 31 * h + w.valuesHash();
      h = 31 * h + Arrays.hashCode(b);
      return new Key(kind, w.times(), w.values(), b, h);
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
  private static final int SPEARMAN = 4;

  /** The trend of a window, remembered when a memo is installed on this thread. */
  static Trend trend(Window w, Supplier<Trend> compute) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return compute.get();
    }
    return m.lookup(Key.of(TREND, w, null), compute);
  }

  /** {@link Relation#spearman} of x and y, remembered when a memo is installed on this thread. */
  static double spearman(double[] x, double[] y) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return Relation.spearman(x, y);
    }
    Double rho = m.lookup(Key.of(SPEARMAN, null, x, y), () -> Relation.spearman(x, y));
    return rho;
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
    return m.lookup(Key.of(WARM_UP, w, params), compute);
  }

  /**
   * The first {@code count} points of a series in a segment ({@code withoutShutdown}: the cut that
   * leaves out the segment's final snapshot), cut once per analysis and kept for the next while the
   * series still holds those points. A window kept from the analysis before is the same object,
   * with its arrays and their hashes, so the statistics remembered for it are found without hashing
   * or comparing its points again.
   */
  static Window window(Series s, int segment, boolean withoutShutdown, int count, Supplier<Window> cut) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return cut.get();
    }
    CutKey k = new CutKey(s, segment, withoutShutdown);
    Cut c = m.cuts.get(k);
    if (c == null) {
      c = m.lastCuts.get(k);
      if (c == null || !c.holds(s, count)) {
        c = new Cut(cut.get(), count, s.version(), s.rewrites(), s.reachesLast(segment, count));
      }
      m.cuts.put(k, c);
    }
    return c.window();
  }

  /** A window without its segment's final snapshot (ending at {@code endMicros}), cut once per analysis. */
  static Window withoutShutdown(Window w, long endMicros, Supplier<Window> cut) {
    StatsMemo m = CURRENT.get();
    if (m == null) {
      return cut.get();
    }
    return m.windows.computeIfAbsent(new WindowKey(w, endMicros), k -> cut.get());
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
      windows.clear(); // windows cut from windows: made afresh by the next analysis
      // cuts of series are kept for one more analysis; those it does not use are dropped
      lastCuts = cuts;
      cuts = new HashMap<>();
      // what this analysis did not use is unlikely to come back: keep one analysis' worth
      previous = current;
      current = new HashMap<>();
    }
  }
}
