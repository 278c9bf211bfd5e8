package org.proflog.series;

import java.util.Arrays;

/**
 * The series of one node that take a point at every snapshot, held together while the node is
 * read: one time column and, per point, one row with a value of each member. Almost every series
 * of a node is such a series (memory, connections, timers, every thread counter), and a snapshot
 * adds a point to each: as a block, the bookkeeping of a point (fold or append, runs, compaction)
 * is done once per snapshot instead of once per series, and a snapshot's values are written to one
 * row instead of to a hundred places in memory.
 *
 * <p>A member's points are exactly those {@link Series#add} would have given it: the block keeps
 * the same runs, fold rule, compaction rule and counts (see {@link Series}), and {@link
 * #detach} hands a member its points as a series of its own. A member is detached when a snapshot
 * gives it no value or two values (it no longer takes a point at every snapshot), when someone adds
 * to it directly, and when the builder hands its series out ({@link #detachAll}).
 *
 * <p>Use, per snapshot: {@link #take} each value (false: not a member, or a second value: add it
 * as to any series), then {@link #endSnapshot}. Members are taken fastest in the order they had
 * when the block was made, which is the order the builder reads a snapshot in.
 */
final class SeriesBlock {

  private static final int CHUNK_ROWS = 64;
  private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK_ROWS);
  private static final int CHUNK_MASK = CHUNK_ROWS - 1;

  private final WholeChanges changes;
  private Series[] members;
  private boolean[] counter;
  private int width;

  /** Row {@code r} at offset {@code (r & CHUNK_MASK) * width} of chunk {@code r >> CHUNK_SHIFT}. */
  private double[][] rows = new double[16][];
  private long[] times = new long[64];
  private int[] runStart = new int[2];
  private int[] runSegment = new int[2];
  private int runs;
  private int size;
  private int lastSegment = Integer.MIN_VALUE;
  private long version;
  private int rewrites;
  private int factor = 1;
  private int lastFill;
  private boolean lastFoldable;
  private int limit;

  // The snapshot being taken: a value per member; for members taken out of order, the number of
  // the snapshot that gave it.
  private double[] pending;
  private int[] stamp;
  private int snapshot = 1;
  /** Members {@code [0, cursor)} were taken in order in this snapshot. */
  private int cursor;
  /** How far taking in order may go: the width, or 0 once a member came out of order. */
  private int inOrder;
  private boolean[] twice;
  private boolean anyTwice;

  /**
   * A block of {@code first} (empty series with the same point limit, each listed once), whose
   * first values are {@code values}: taken for the snapshot being read.
   */
  SeriesBlock(Series[] first, double[] values, int count, int maxPoints, WholeChanges changes) {
    this.changes = changes;
    this.width = count;
    this.limit = maxPoints;
    members = Arrays.copyOf(first, count);
    counter = new boolean[count];
    pending = Arrays.copyOf(values, count);
    stamp = new int[count];
    twice = new boolean[count];
    for (int m = 0; m < count; m++) {
      Series s = members[m];
      if (!s.isEmpty() || s.block != null || s.maxPoints() != maxPoints) {
        throw new IllegalArgumentException("not a fresh series of this block's limit");
      }
      s.block = this;
      s.blockSlot = m;
      counter[m] = s.isCounter();
    }
    cursor = count;
    inOrder = count;
  }

  int width() {
    return width;
  }

  /**
   * Takes a member's value for the snapshot being read; false when {@code s} is not a member or
   * already has a value in this snapshot (the caller then adds this one to {@code s} after {@link
   * #endSnapshot}, which detaches it first).
   */
  boolean take(Series s, double v) {
    int c = cursor;
    if (c < inOrder && members[c] == s) {
      pending[c] = v;
      cursor = c + 1;
      return true;
    }
    return takeOutOfOrder(s, v);
  }

  /**
   * A member out of the block's order, or any member after one was: from then on in this snapshot
   * each taken member is stamped, and the members below {@link #cursor} count as taken.
   */
  private boolean takeOutOfOrder(Series s, double v) {
    if (s.block != this) {
      return false;
    }
    int m = s.blockSlot;
    if (taken(m)) {
      twice[m] = true;
      anyTwice = true;
      return false;
    }
    pending[m] = v;
    stamp[m] = snapshot;
    inOrder = 0;
    return true;
  }

  /** Whether member {@code m} has its value for the snapshot being read. */
  private boolean taken(int m) {
    return m < cursor || stamp[m] == snapshot;
  }

  /**
   * Ends the snapshot at {@code t} of segment {@code segment}: members without a value are detached
   * (their points so far become their own), members with two get their first value as a series of
   * their own, and the others get their point. Returns the width left (0: the block is done).
   */
  int endSnapshot(long t, int segment) {
    // a member taken out of order was not taken in order: then cursor is below the width too
    if (cursor != width || anyTwice) {
      boolean[] leaving = new boolean[width];
      Series[] again = new Series[width];
      double[] first = new double[width];
      int n = 0;
      for (int m = 0; m < width; m++) {
        if (twice[m]) {
          again[n] = members[m];
          first[n++] = pending[m];
        }
        leaving[m] = twice[m] || !taken(m);
      }
      detachWhere(leaving);
      for (int i = 0; i < n; i++) {
        again[i].add(t, first[i], segment);
      }
      anyTwice = false;
    }
    if (width > 0) {
      add(t, segment);
    }
    cursor = 0;
    inOrder = width;
    snapshot++;
    return width;
  }

  /** {@link Series#add} for every member at once, the values from {@link #pending}. */
  private void add(long t, int segment) {
    version++;
    if (lastFill < factor && lastFoldable && lastSegment == segment) {
      fold(t);
    } else {
      append(t, segment);
    }
  }

  private void fold(long t) {
    int r = size - 1;
    times[r] = t;
    double[] d = rows[r >>> CHUNK_SHIFT];
    int o = (r & CHUNK_MASK) * width;
    double[] p = pending;
    boolean[] k = counter;
    for (int m = 0, n = width; m < n; m++) {
      d[o + m] = k[m] ? p[m] : Math.max(d[o + m], p[m]);
    }
    if (++lastFill == factor) {
      changes.changed(t, width);
    }
  }

  private void append(long t, int segment) {
    int n = size;
    if (n == limit) {
      changes.changed(t, width);
      compact();
      add(t, segment);
      return;
    }
    if (n == times.length) {
      times = Arrays.copyOf(times, (int) Math.min(Math.max(limit, 64), 2L * n));
    }
    double[] d = chunk(n);
    boolean first = segment != lastSegment || runs == 0;
    if (first) {
      newRun(segment);
    }
    times[n] = t;
    System.arraycopy(pending, 0, d, (n & CHUNK_MASK) * width, width);
    size = n + 1;
    lastFill = 1;
    lastFoldable = !first;
    if (!lastOpen()) {
      changes.changed(t, width);
    }
  }

  /** {@link Series#lastOpen()} of every member. */
  private boolean lastOpen() {
    return factor > 1 && lastFoldable && lastFill < factor;
  }

  /** The chunk that holds row {@code r}, allocated when first reached. */
  private double[] chunk(int r) {
    int k = r >>> CHUNK_SHIFT;
    if (k >= rows.length) {
      rows = Arrays.copyOf(rows, Math.max(k + 1, rows.length * 2));
    }
    double[] d = rows[k];
    if (d == null) {
      d = new double[CHUNK_ROWS * width];
      rows[k] = d;
    }
    return d;
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

  /** {@link Series}' compaction, row by row and in place: each write goes at or below what it reads. */
  private void compact() {
    rewrites++;
    int w = 0;
    for (int r = 0; r < runs; r++) {
      int a = runStart[r];
      int b = r + 1 < runs ? runStart[r + 1] : size;
      runStart[r] = w;
      copyRow(a, w++);
      int pairs = Math.max(0, (b - a - 2) / 2);
      for (int k = 0; k < pairs; k++) {
        mergeRows(a + 1 + 2 * k, w++);
      }
      for (int j = a + 1 + 2 * pairs; j < b; j++) {
        copyRow(j, w++);
      }
    }
    boolean freed = w < size;
    size = w;
    factor *= 2;
    lastFoldable = size > 0 && runStart[runs - 1] != size - 1;
    if (!freed) {
      limit = (int) Math.min((Integer.MAX_VALUE - 8L) / 2, size * 2L);
    }
  }

  private void copyRow(int from, int to) {
    if (from != to) {
      times[to] = times[from];
      System.arraycopy(
          rows[from >>> CHUNK_SHIFT], (from & CHUNK_MASK) * width,
          rows[to >>> CHUNK_SHIFT], (to & CHUNK_MASK) * width, width);
    }
  }

  /** Row {@code to} = rows {@code j} and {@code j + 1} merged: the later time, counters the later value, gauges the larger. */
  private void mergeRows(int j, int to) {
    double[] a = rows[j >>> CHUNK_SHIFT];
    double[] b = rows[(j + 1) >>> CHUNK_SHIFT];
    double[] d = rows[to >>> CHUNK_SHIFT];
    int oa = (j & CHUNK_MASK) * width;
    int ob = ((j + 1) & CHUNK_MASK) * width;
    int od = (to & CHUNK_MASK) * width;
    for (int m = 0; m < width; m++) {
      double later = b[ob + m];
      d[od + m] = counter[m] ? later : Math.max(a[oa + m], later);
    }
    times[to] = times[j + 1];
  }

  /**
   * Gives a member its points as a series of its own and drops its column (the later members move
   * down one). Nothing happens to a series that is not a member.
   */
  void detach(Series s) {
    if (s.block != this) {
      return;
    }
    boolean[] leaving = new boolean[width];
    leaving[s.blockSlot] = true;
    detachWhere(leaving);
  }

  /** Detaches every member (the series are handed out: from now on they hold their own points). */
  void detachAll() {
    boolean[] leaving = new boolean[width];
    Arrays.fill(leaving, true);
    detachWhere(leaving);
  }

  /**
   * Detaches the members flagged in {@code leaving}: their values are read out of the rows in one
   * pass, each gets its points, and the rows are rewritten once with the columns that stay.
   */
  private void detachWhere(boolean[] leaving) {
    int[] out = new int[width];
    int gone = 0;
    for (int m = 0; m < width; m++) {
      if (leaving[m]) {
        out[gone++] = m;
      }
    }
    if (gone == 0) {
      return;
    }
    double[][] values = new double[gone][size];
    for (int r = 0; r < size; r++) {
      double[] d = rows[r >>> CHUNK_SHIFT];
      int o = (r & CHUNK_MASK) * width;
      for (int j = 0; j < gone; j++) {
        values[j][r] = d[o + out[j]];
      }
    }
    long[] t = Arrays.copyOf(times, size);
    for (int j = 0; j < gone; j++) {
      Series s = members[out[j]];
      s.block = null;
      s.restore(t, values[j], size, runStart, runSegment, runs, factor, lastFill, limit, version, rewrites);
      values[j] = null;
    }
    int w = width - gone;
    int[] keep = new int[w];
    for (int m = 0, k = 0; m < width; m++) {
      if (!leaving[m]) {
        keep[k++] = m;
      }
    }
    for (int c = 0; c < rows.length && rows[c] != null; c++) {
      if (w == 0) {
        rows[c] = null;
        continue;
      }
      double[] old = rows[c];
      double[] d = new double[CHUNK_ROWS * w];
      for (int r = 0; r < CHUNK_ROWS; r++) {
        int from = r * width;
        int to = r * w;
        for (int k = 0; k < w; k++) {
          d[to + k] = old[from + keep[k]];
        }
      }
      rows[c] = d;
    }
    int before = 0;
    for (int k = 0; k < w; k++) {
      int m = keep[k];
      before += m < cursor ? 1 : 0;
      members[k] = members[m];
      counter[k] = counter[m];
      pending[k] = pending[m];
      stamp[k] = stamp[m];
      twice[k] = twice[m];
      members[k].blockSlot = k;
    }
    Arrays.fill(members, w, width, null);
    cursor = before;
    width = w;
    inOrder = Math.min(inOrder, w);
  }
}
