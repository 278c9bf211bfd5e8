package org.proflog.series;

import java.util.Arrays;

/**
 * One metric of one node over time: time (microseconds) and value of each point, interleaved in
 * primitive chunks of {@value #CHUNK_POINTS} points (16 bytes a point), and the segment index of
 * each point (stored run-length encoded: one entry per stretch of points of the same segment), in
 * the order the snapshots were read. Points exist only where the snapshot carried the value (cheap
 * snapshots have no table sizes; a global below Zeek's listing threshold has no row). Appending is
 * amortised O(1); readers see a consistent prefix.
 *
 * <p><b>Bounded memory.</b> A series made with a point limit ({@link #Series(int, int,
 * Metric.Kind)}) never holds more than about that many points, so a month of one-second snapshots
 * costs the same memory as a day. When the limit is reached the series is <em>compacted</em> 2:1
 * and its {@link #compactionFactor()} doubles; from then on every stored point stands for up to
 * that many consecutive snapshots. The rule:
 *
 * <ul>
 *   <li>Points are merged only within one stretch of one segment, never across a segment boundary.
 *   <li>The first and the last point of each stretch are never merged with others (the values
 *       right after a restart, and right before the next, stay exact).
 *   <li>Two merged points become one with the time of the later; a {@link Metric.Kind#COUNTER}
 *       keeps the later value (counters only grow within a segment, so rates stay right), a
 *       {@link Metric.Kind#GAUGE} keeps the larger (peaks survive: a leak or a queue spike is not
 *       averaged away).
 *   <li>New points are folded into the latest point by the same rule until it stands for {@code
 *       factor} snapshots, so the resolution is uniform across the series.
 * </ul>
 *
 * Below the limit nothing is merged: small inputs are exact. A series made with the other
 * constructors has no limit.
 */
public final class Series {

  /** No point limit. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Points per chunk: a power of two. */
  static final int CHUNK_POINTS = 128;
  private static final int CHUNK_LONGS = 2 * CHUNK_POINTS;
  private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK_LONGS);
  private static final int CHUNK_MASK = CHUNK_LONGS - 1;

  /**
   * Time and value bits of point {@code i} at long index {@code 2i} and {@code 2i + 1} of the
   * chunks, chunk {@code k >> CHUNK_SHIFT} holding long index {@code k}: time and value side by side,
   * so an append touches one cache line. Chunks, not one array, because a node appends to about a
   * hundred series per snapshot: a hundred long arrays written a line at a time are more streams
   * than the hardware prefetcher follows, and their new lines come from main memory (an add to one
   * of 120 series cost 13-16 ns, to one of 8 under 5). A chunk is allocated when the series reaches
   * it, which zeroes it just before it is written: with chunks an add to one of 120 costs 10-11 ns,
   * and SeriesBenchmark.build of 64 MB went from 311-366 to 335-434 MB/s (three pairs of runs). The
   * first chunk starts smaller and grows, so that a short series stays small.
   */
  private long[][] chunks;
  /** Where appending compacts (at or above maxPoints), or where it grows beyond a failed compaction. */
  private int limit;
  /** Run-length segments: run {@code r} covers points from {@code runStart[r]} to the next run's start. */
  private int[] runStart = new int[2];
  private int[] runSegment = new int[2];
  private int runs;
  private int size;
  /** The segment of the latest run (Integer.MIN_VALUE before the first point). */
  private int lastSegment = Integer.MIN_VALUE;

  /** Changes so far: every add (appended or folded into the last point). */
  private long version;
  /** Compactions so far: each one rewrites every point. */
  private int rewrites;

  private final int maxPoints;
  private final boolean counter;
  private int factor = 1;
  /** Snapshots folded into the last point. */
  private int lastFill;
  /**
   * Whether the latest point may take folds: it is not the first point of its run. Kept here (with
   * its value) so that a fold reads only this object, not the run and point arrays: a node folds
   * into a hundred series per snapshot.
   */
  private boolean lastFoldable;
  private double lastValue;
  /** The chunk and offset of the latest point (what a fold writes). */
  private long[] lastChunk;
  private int lastOffset;

  public Series() {
    this(16);
  }

  public Series(int capacity) {
    this(capacity, UNBOUNDED, Metric.Kind.GAUGE);
  }

  /**
   * A series that compacts itself above {@code maxPoints} points (see the class comment).
   *
   * @param capacity initial capacity
   * @param maxPoints the point limit (at least 8), or {@link #UNBOUNDED}
   * @param kind decides how merged points combine
   */
  public Series(int capacity, int maxPoints, Metric.Kind kind) {
    if (maxPoints < 8) {
      throw new IllegalArgumentException("maxPoints below 8: " + maxPoints);
    }
    this.maxPoints = maxPoints;
    this.counter = kind == Metric.Kind.COUNTER;
    int c = Math.min(Math.min(Math.max(capacity, 4), maxPoints), CHUNK_POINTS);
    chunks = new long[4][];
    chunks[0] = new long[2 * c];
    limit = maxPoints;
  }

  /** The long at index {@code k} (time of point i at 2i, value bits at 2i + 1). */
  private long at(int k) {
    return chunks[k >>> CHUNK_SHIFT][k & CHUNK_MASK];
  }

  private double valueAt(int i) {
    return Double.longBitsToDouble(at(2 * i + 1));
  }

  /**
   * The chunk that holds point {@code n}, allocated (or grown: the first, and one the limit cut
   * short) when the series first reaches it.
   */
  private long[] chunkFor(int n) {
    int k = (2 * n) >>> CHUNK_SHIFT;
    long[][] cs = chunks;
    if (k >= cs.length) {
      cs = Arrays.copyOf(cs, Math.max(k + 1, cs.length * 2));
      chunks = cs;
    }
    // no more than the limit needs: a watcher's series of 300 points takes 300, not 384
    int room = (int) Math.min(CHUNK_LONGS, 2L * limit - (long) k * CHUNK_LONGS);
    long[] c = cs[k];
    if (c == null) {
      c = new long[room];
      cs[k] = c;
    } else if (((2 * n) & CHUNK_MASK) >= c.length) {
      c = Arrays.copyOf(c, Math.max(room, Math.min(CHUNK_LONGS, c.length * 2)));
      cs[k] = c;
    }
    return c;
  }

  /**
   * Appends a point (or folds it into the latest one, once compacted). The fold, which is almost
   * every add of a long input, is kept under 100 bytecodes so that it inlines into the builder's
   * loops (the launcher's {@code -XX:FreqInlineSize}); appending is out of line.
   */
  public void add(long timeMicros, double value, int segment) {
    if (block != null) {
      block.detach(this); // its points so far come back here first
    }
    version++;
    if (lastFill < factor && lastFoldable && lastSegment == segment) {
      foldLast(timeMicros, value);
    } else {
      append(timeMicros, value, segment);
    }
  }

  /**
   * Folds a point into the latest one (compacted, and it has room): a counter keeps the later
   * value, a gauge the larger. A segment's first point is never folded into (see add).
   */
  private void foldLast(long timeMicros, double value) {
    double v = counter ? value : Math.max(lastValue, value);
    long[] d = lastChunk;
    int o = lastOffset;
    d[o] = timeMicros;
    d[o + 1] = Double.doubleToRawLongBits(v);
    lastValue = v;
    if (++lastFill == factor && changes != null) {
      changes.changed(timeMicros); // the open point is complete
    }
  }

  private void append(long timeMicros, double value, int segment) {
    int n = size;
    if (n == limit) {
      if (changes != null) {
        changes.changed(timeMicros);
      }
      compact();
      add(timeMicros, value, segment);
      return;
    }
    int k = 2 * n;
    int ci = k >>> CHUNK_SHIFT;
    int o = k & CHUNK_MASK;
    long[][] cs = chunks;
    long[] d;
    if (ci >= cs.length || (d = cs[ci]) == null || o >= d.length) {
      d = chunkFor(n);
    }
    boolean first = segment != lastSegment || runs == 0;
    if (first) {
      newRun(segment);
    }
    d[o] = timeMicros;
    d[o + 1] = Double.doubleToRawLongBits(value);
    lastChunk = d;
    lastOffset = o;
    size = n + 1;
    lastFill = 1;
    lastFoldable = !first;
    lastValue = value;
    if (changes != null && !lastOpen()) {
      changes.changed(timeMicros); // appended whole (an exact series, or a run's first point)
    }
  }

  /**
   * The block that holds this series' points while its node is read (null: they are here); see
   * {@link SeriesBlock}. Only the builder reads a series then, and it detaches every member first.
   */
  SeriesBlock block;
  /** This series' column in {@link #block}. */
  int blockSlot;

  /**
   * Takes the points a {@link SeriesBlock} held for this series, which is empty, with the state a
   * series that had been given them one by one would have: same points, runs, compaction factor,
   * open latest point, limit and counts.
   */
  void restore(
      long[] times,
      double[] values,
      int n,
      int[] starts,
      int[] segmentsOfRuns,
      int runCount,
      int factor,
      int lastFill,
      int limit,
      long version,
      int rewrites) {
    if (size != 0) {
      throw new IllegalStateException("restore into a series with points");
    }
    this.limit = limit;
    int needed = (2 * n + CHUNK_LONGS - 1) >>> CHUNK_SHIFT;
    chunks = new long[Math.max(4, needed)][];
    for (int k = 0; k < needed; k++) {
      chunks[k] = new long[(int) Math.min(CHUNK_LONGS, 2L * limit - (long) k * CHUNK_LONGS)];
    }
    if (needed == 0) {
      chunks[0] = new long[32];
    }
    for (int i = 0; i < n; i++) {
      long[] d = chunks[(2 * i) >>> CHUNK_SHIFT];
      int o = (2 * i) & CHUNK_MASK;
      d[o] = times[i];
      d[o + 1] = Double.doubleToRawLongBits(values[i]);
    }
    runStart = Arrays.copyOf(starts, Math.max(2, runCount));
    runSegment = Arrays.copyOf(segmentsOfRuns, Math.max(2, runCount));
    runs = runCount;
    size = n;
    lastSegment = runCount == 0 ? Integer.MIN_VALUE : segmentsOfRuns[runCount - 1];
    this.factor = factor;
    this.lastFill = lastFill;
    this.version = version;
    this.rewrites = rewrites;
    refreshLast();
  }

  /** Whether merged points keep the later value (a counter) rather than the larger (a gauge). */
  boolean isCounter() {
    return counter;
  }

  /** Where this series counts the changes to its whole points (null: nowhere). */
  private WholeChanges changes;

  /** Counts this series' changes to whole points in {@code c} from now on. */
  void countChangesIn(WholeChanges c) {
    changes = c;
  }

  /** Re-reads the latest point's fold state from the arrays (after they were rewritten). */
  private void refreshLast() {
    lastFoldable = size > 0 && runStart[runs - 1] != size - 1;
    lastValue = size > 0 ? valueAt(size - 1) : Double.NaN;
    if (size > 0) {
      lastChunk = chunks[(2 * (size - 1)) >>> CHUNK_SHIFT];
      lastOffset = (2 * (size - 1)) & CHUNK_MASK;
    }
  }

  private void newRun(int segment) {
    if (runs == runStart.length) {
      runStart = Arrays.copyOf(runStart, runs * 2);
      runSegment = Arrays.copyOf(runSegment, runs * 2);
    }
    runStart[runs] = size;
    runSegment[runs] = segment;
    runs++;
    lastSegment = segment;
  }

  /**
   * Halves the points: inner points of each run are merged in pairs (first and last kept). The
   * points are merged in one flat copy and written back into the chunks they need; the chunks
   * beyond are kept for the appends to come (dropped, they would be garbage in the old generation).
   */
  private void compact() {
    rewrites++;
    long[] d = new long[2 * size];
    for (int i = 0; i < d.length; i += CHUNK_LONGS) {
      System.arraycopy(chunks[i >>> CHUNK_SHIFT], 0, d, i, Math.min(CHUNK_LONGS, d.length - i));
    }
    int w = 0;
    for (int r = 0; r < runs; r++) {
      int a = runStart[r];
      int b = r + 1 < runs ? runStart[r + 1] : size;
      runStart[r] = w;
      d[2 * w] = d[2 * a];
      d[2 * w + 1] = d[2 * a + 1];
      w++;
      int pairs = Math.max(0, (b - a - 2) / 2); // inner points a+1 .. b-2, merged two by two
      if (counter) {
        mergeCounterPairs(d, w, a + 1, pairs);
      } else {
        mergeGaugePairs(d, w, a + 1, pairs);
      }
      w += pairs;
      int j = a + 1 + 2 * pairs;
      for (; j < b; j++) {
        d[2 * w] = d[2 * j];
        d[2 * w + 1] = d[2 * j + 1];
        w++;
      }
    }
    boolean freed = w < size;
    size = w;
    int used = 2 * w;
    for (int from = 0; from < used; from += CHUNK_LONGS) {
      System.arraycopy(d, from, chunks[from >>> CHUNK_SHIFT], 0, Math.min(CHUNK_LONGS, used - from));
    }
    factor *= 2;
    refreshLast();
    if (!freed) {
      // Every run is too short to merge (a restart every few points): grow instead.
      limit = (int) Math.min((Integer.MAX_VALUE - 8L) / 2, size * 2L);
    }
  }

  /**
   * Writes {@code pairs} merged points from index {@code w} on: each the later point of the pair at
   * {@code j, j + 1} (a counter keeps the later value). One loop per kind, apart from the rest of
   * the compaction, so that it compiles on its own and early rather than as part of it.
   */
  private static void mergeCounterPairs(long[] d, int w, int j, int pairs) {
    for (int k = 0; k < pairs; k++) {
      int src = 2 * (j + 2 * k) + 2;
      int dst = 2 * (w + k);
      d[dst] = d[src];
      d[dst + 1] = d[src + 1];
    }
  }

  /** As {@link #mergeCounterPairs}, with the larger value of the pair (a gauge keeps its peaks). */
  private static void mergeGaugePairs(long[] d, int w, int j, int pairs) {
    for (int k = 0; k < pairs; k++) {
      int src = 2 * (j + 2 * k);
      int dst = 2 * (w + k);
      d[dst] = d[src + 2];
      d[dst + 1] = Double.doubleToRawLongBits(
          Math.max(Double.longBitsToDouble(d[src + 1]), Double.longBitsToDouble(d[src + 3])));
    }
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * How many consecutive snapshots one point stands for at most: 1 while the series is exact, 2, 4,
   * 8... after each compaction (see the class comment).
   */
  public int compactionFactor() {
    return factor;
  }

  /** The point limit above which this series compacts itself, or {@link #UNBOUNDED}. */
  public int maxPoints() {
    return maxPoints;
  }

  public long time(int i) {
    check(i);
    return at(2 * i);
  }

  public double value(int i) {
    check(i);
    return valueAt(i);
  }

  public int segmentOf(int i) {
    check(i);
    if (runs == 1) {
      return runSegment[0];
    }
    int lo = 0;
    int hi = runs - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (runStart[mid] <= i) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return runSegment[lo];
  }

  /** The last value, or NaN when empty. */
  public double last() {
    return size == 0 ? Double.NaN : valueAt(size - 1);
  }

  /**
   * The largest value of a segment's points, as {@code Math.max} folds them: NaN when one is NaN,
   * negative infinity when the segment has none. Lets a reader rule a series out without copying it.
   */
  public double max(int segment) {
    double m = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < runs; r++) {
      if (runSegment[r] != segment) {
        continue;
      }
      int b = r + 1 < runs ? runStart[r + 1] : size;
      for (int i = runStart[r]; i < b; i++) {
        m = Math.max(m, valueAt(i));
      }
    }
    return m;
  }

  /** A copy of the times. */
  public long[] times() {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = at(2 * i);
    }
    return out;
  }

  /** A copy of the values. */
  public double[] values() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = valueAt(i);
    }
    return out;
  }

  /** A copy of the segment indexes, one per point. */
  public int[] segments() {
    int[] out = new int[size];
    for (int r = 0; r < runs; r++) {
      int b = r + 1 < runs ? runStart[r + 1] : size;
      Arrays.fill(out, runStart[r], b, runSegment[r]);
    }
    return out;
  }

  /** How many points belong to a segment (walks the runs, not the points). */
  public int sizeOf(int segment) {
    int n = 0;
    for (int r = 0; r < runs; r++) {
      if (runSegment[r] == segment) {
        n += (r + 1 < runs ? runStart[r + 1] : size) - runStart[r];
      }
    }
    return n;
  }

  /**
   * Whether the latest point is still open: the series is compacted and the point takes folds until
   * it stands for {@link #compactionFactor()} snapshots. Until then its time and value move with
   * every add; every other point (and a whole last point) changes only when the series is compacted.
   */
  public boolean lastOpen() {
    return factor > 1 && lastFoldable && lastFill < factor;
  }

  /**
   * How many whole points belong to a segment: {@link #sizeOf(int)} without the open latest point
   * (see {@link #lastOpen()}). A reader that looks only at whole points sees nothing change while
   * snapshots fold into the open one.
   */
  public int wholeSizeOf(int segment) {
    int n = sizeOf(segment);
    return n > 0 && lastOpen() && lastSegment == segment ? n - 1 : n;
  }

  /** The time of a segment's last whole point (see {@link #wholeSizeOf}), or {@link Long#MIN_VALUE} when it has none. */
  public long lastWholeTimeOf(int segment) {
    if (lastOpen() && lastSegment == segment) {
      // the open point is never the first of its run: the one before it is of the same segment
      return at(2 * (size - 2));
    }
    return lastTimeOf(segment);
  }

  /** The time of a segment's last point, or {@link Long#MIN_VALUE} when it has none. */
  public long lastTimeOf(int segment) {
    for (int r = runs - 1; r >= 0; r--) {
      if (runSegment[r] == segment) {
        int b = r + 1 < runs ? runStart[r + 1] : size;
        return at(2 * (b - 1));
      }
    }
    return Long.MIN_VALUE;
  }

  /**
   * Copies the times and values of a segment's points, in order, into the arrays: all of them
   * ({@link #sizeOf(int)}) or the first {@code times.length} when the arrays are shorter. What a
   * reader of one segment needs, without looking up the segment of every point.
   */
  public void copySegment(int segment, long[] times, double[] values) {
    int k = 0;
    int limit = Math.min(times.length, values.length);
    for (int r = 0; r < runs && k < limit; r++) {
      if (runSegment[r] != segment) {
        continue;
      }
      int b = Math.min(r + 1 < runs ? runStart[r + 1] : size, runStart[r] + limit - k);
      copyPoints(runStart[r], b - runStart[r], times, values, k);
      k += b - runStart[r];
    }
  }

  /**
   * The index of a segment's first point when all its points lie together (one stretch), so that
   * its k-th point is point {@code firstIndexOf(segment) + k}; -1 when it has none or several stretches.
   */
  public int firstIndexOf(int segment) {
    int found = -1;
    for (int r = 0; r < runs; r++) {
      if (runSegment[r] == segment) {
        if (found >= 0) {
          return -1;
        }
        found = runStart[r];
      }
    }
    return found;
  }

  /** Copies the times and values of the points from index {@code from} on into the arrays (as many as they hold). */
  public void copyRange(int from, long[] times, double[] values) {
    int n = Math.min(times.length, values.length);
    if (n > 0) {
      check(from);
      check(from + n - 1);
    }
    copyPoints(from, n, times, values, 0);
  }

  /** Copies {@code n} points from index {@code from} on into the arrays at {@code to}, chunk by chunk. */
  private void copyPoints(int from, int n, long[] times, double[] values, int to) {
    int k = 0;
    while (k < n) {
      int idx = 2 * (from + k);
      long[] d = chunks[idx >>> CHUNK_SHIFT];
      int o = idx & CHUNK_MASK;
      int m = Math.min(n - k, (CHUNK_LONGS - o) / 2);
      for (int j = 0; j < m; j++, o += 2) {
        times[to + k + j] = d[o];
        values[to + k + j] = Double.longBitsToDouble(d[o + 1]);
      }
      k += m;
    }
  }

  /**
   * Counts every change of the series (each add, appended or folded). Points before the last one
   * change only when the series is compacted ({@link #rewrites()}): with both, a reader can tell
   * whether what it copied out earlier is still what the series holds.
   */
  public long version() {
    return version;
  }

  /** Compactions so far: each rewrites every point. */
  public int rewrites() {
    return rewrites;
  }

  /**
   * Whether the first {@code count} points of a segment reach the series' last point, the only one
   * a later add can change without a compaction (true as well when the segment's points do not lie
   * together: then nothing is promised).
   */
  public boolean reachesLast(int segment, int count) {
    int first = firstIndexOf(segment);
    return first < 0 || first + count >= size;
  }

  /** The points of one segment, as a new series (empty when the segment has none). */
  public Series onlySegment(int segment) {
    Series s = new Series();
    for (int r = 0; r < runs; r++) {
      if (runSegment[r] == segment) {
        int b = r + 1 < runs ? runStart[r + 1] : size;
        for (int i = runStart[r]; i < b; i++) {
          s.add(at(2 * i), valueAt(i), segment);
        }
      }
    }
    s.factor = factor;
    s.lastFill = factor;
    return s;
  }

  /**
   * A new series with the same limit, kind and compaction factor and no points, for a rewrite of
   * this one point by point (at most {@link #size()} points, so it never compacts).
   */
  Series emptyLike() {
    Series s = new Series(Math.max(size, 4), Math.max(maxPoints, size), counter ? Metric.Kind.COUNTER : Metric.Kind.GAUGE);
    return s;
  }

  /**
   * Marks a rewrite made with {@link #emptyLike()} as having this series' resolution, its
   * compactions, and its open latest point when the rewrite kept that point (same time): the
   * rewrite's windows then hold the same whole points as the original's.
   */
  Series sameResolutionAs(Series original) {
    factor = original.factor;
    rewrites = original.rewrites;
    boolean keptLast = size > 0 && original.size > 0 && at(2 * (size - 1)) == original.at(2 * (original.size - 1));
    lastFill = keptLast ? original.lastFill : factor;
    lastFoldable = keptLast ? original.lastFoldable : lastFoldable;
    return this;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("point " + i + " of " + size);
    }
  }
}
