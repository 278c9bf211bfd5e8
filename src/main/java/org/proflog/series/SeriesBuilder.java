package org.proflog.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.proflog.model.Comm;
import org.proflog.model.ConnProtocols;
import org.proflog.model.ConnSummary;
import org.proflog.model.Era;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.GlobalSize;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.model.SnapshotData;
import org.proflog.model.TcpStates;

/**
 * Turns the snapshots of one node, read in time order (file after file), into its
 * {@link NodeSeries}: one {@link Series} per metric and label set, and the {@link Segment}s between
 * restarts ({@link RestartDetector}).
 *
 * <p>Usage: {@code startFile(path)} before each file's snapshots, {@code accept(s)} for each
 * snapshot, {@code build(era, problems, repaired)} once at the end. Memory is bounded: each series
 * keeps at most {@link #DEFAULT_MAX_POINTS} points (or the limit given), above which it is compacted
 * 2:1 within segments, counters keeping the later value and gauges the larger (see {@link Series};
 * {@link Series#compactionFactor()} tells the resolution). Below the limit every point is kept.
 * Rules applied while building:
 *
 * <ul>
 *   <li>The {@code 0.000000} startup snapshot (Q2) counts as a snapshot and starts its segment, but
 *       gives no points: time 0 would ruin time axes and rates. A segment made only of such a
 *       snapshot has start and end 0. It is not listed in {@code expensiveTimes} either.
 *   <li>{@code timers.lag} only where {@link SnapshotData#lagIsMeaningful()} (Q5).
 *   <li>{@code memory.malloced}: zero values are dropped for G8/G9 (Linux prints 0 from Zeek 5.2).
 *   <li>{@code conns.total} and {@code conns.expired} are unwrapped (32-bit before Bro 2.5, Q7);
 *       so are {@code memory.total} and {@code memory.malloced} of G1-G3 (modulo 4 GiB), and a
 *       {@code malloced} printed as 2⁵⁴ − x KiB (a negative {@code mallinfo()} int, Q7).
 *   <li>{@code conns.mem} only in expensive snapshots of eras that print the estimates.
 *   <li>Threads: label {@code thread} = name, plus {@code n} = ordinal for the second and later row
 *       of the same name.
 *   <li>Broker {@code Comm:}: {@code comm.*}. The 2.4/2.5 {@code Comm:} line: peers only, since its
 *       other counters are per interval, not cumulative.
 *   <li>Named global rows: {@code global.size{global}}, {@code global.entries{global}} (tables).
 *       Companion lines: {@code global.footprint{global}} and, unless a named row of the same
 *       snapshot already gave them, {@code global.entries{global}}.
 *   <li>Unnamed table rows (Zeek 5.1+): {@code table.entries{table="#k"}} and
 *       {@code table.entries_recursive{table="#k"}}, identities from {@link UnnamedTableTracker}.
 *   <li>TCP states: {@code tcp.state{orig,resp}} for each cell from the first snapshot where it is
 *       non-zero (so 49 empty series are not kept); a glued matrix (Q13) gives no points.
 * </ul>
 */
public final class SeriesBuilder {

  /** The default point limit of each series (see {@link Series}): about 320 KB per series at most. */
  public static final int DEFAULT_MAX_POINTS = 16384;

  private static final Metric[] METRICS = Metric.values();

  private final NodeId node;
  private final int maxPoints;
  private final Map<MetricKey, Series> series = new HashMap<>();
  /** Unlabelled series by metric ordinal: no map lookup per point. */
  private final Series[] plain = new Series[METRICS.length];
  /** Thread series by name, then by ordinal (the n-th row of that name in a snapshot). */
  private final Map<String, ThreadSeries[]> threads = new HashMap<>();
  /** Labelled series by metric ordinal, then by label value. */
  @SuppressWarnings("unchecked")
  private final Map<String, Series>[] byLabel = new Map[METRICS.length];
  private final Series[] tcpCells = new Series[TcpStates.SIZE * TcpStates.SIZE];
  /** The series of the previous snapshot's thread and timer rows, by row position. */
  private ThreadSeries[] threadRows = new ThreadSeries[16];
  private Series[] timerRows = new Series[16];
  private String[] timerRowNames = new String[16];
  private final RestartDetector restarts = new RestartDetector();
  /** The sorted map of the last build and what it was made from (see {@link #sortedSeries}). */
  private SortedMap<MetricKey, Series> kept;
  private Era keptEra;
  private int keptKeys;
  private int keptNonEmpty;
  private final UnnamedTableTracker tables = new UnnamedTableTracker();

  private final List<String> files = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private final TreeSet<String> threadNames = new TreeSet<>();
  private final TreeSet<String> globalNames = new TreeSet<>();
  private long[] expensiveTimes = new long[16];
  private int expensiveCount;
  private int snapshots;
  private int partial;
  private boolean unnamedRows;
  private boolean fileStart;

  // The open segment.
  private int segIndex = -1;
  private Segment.Reason segReason;
  private long segStart;
  private long segEnd;
  private int segSnapshots;
  private String segFile;
  private long segLine;
  private String segCommand;

  /** A builder for one node whose series hold at most {@link #DEFAULT_MAX_POINTS} points each. */
  public SeriesBuilder(NodeId node) {
    this(node, DEFAULT_MAX_POINTS);
  }

  /**
   * A builder for one node whose series compact themselves above {@code maxPoints} points (see
   * {@link Series}); {@link Series#UNBOUNDED} keeps every point.
   */
  public SeriesBuilder(NodeId node, int maxPoints) {
    this(node, maxPoints, true);
  }

  /** As {@link #SeriesBuilder(NodeId, int)}; {@code blocks} false gives every series its points one by one. */
  SeriesBuilder(NodeId node, int maxPoints, boolean blocks) {
    this.node = node;
    this.maxPoints = maxPoints;
    this.blocks = blocks;
  }

  /** Marks the start of the next file of this node (call before its snapshots). */
  public void startFile(String path) {
    files.add(path);
    fileStart = files.size() > 1;
  }

  /**
   * Adds one snapshot: a {@link Snapshot}, or the parser's view of one during {@code
   * ProfLogReader.drainTo} (nothing of it is kept after the call).
   */
  public void accept(SnapshotData s) {
    Segment.Reason reason = restarts.check(s, fileStart);
    fileStart = false;
    if (reason != null) {
      closeSegment();
      segIndex++;
      segReason = reason;
      segStart = 0;
      segEnd = 0;
      segSnapshots = 0;
      segFile = files.isEmpty() ? "-" : files.get(files.size() - 1);
      segLine = s.line();
      segCommand = s.commandLine();
    }
    restarts.update(s, reason != null);
    snapshots++;
    segSnapshots++;
    if (s.partial()) {
      partial++;
    }
    if (s.expensive() && !s.beforeNetworkTime()) {
      if (expensiveCount == expensiveTimes.length) {
        expensiveTimes = Arrays.copyOf(expensiveTimes, expensiveCount * 2);
      }
      expensiveTimes[expensiveCount++] = s.timeMicros();
    }
    if (s.beforeNetworkTime()) {
      return;
    }
    if (segStart == 0) {
      segStart = s.timeMicros();
    }
    segEnd = Math.max(segEnd, s.timeMicros());
    addPoints(s, s.timeMicros());
    addBatch(s.timeMicros());
  }

  /** Segments begun so far (each restart begins one); 0 before the first snapshot. */
  public int segmentCount() {
    return segIndex + 1;
  }

  /**
   * The series and segments so far. The builder may go on taking snapshots (live following): a
   * later build reports the open segment as it is then; the returned series are the builder's own
   * and keep growing.
   */
  public NodeSeries build(Era era, long problems, long repairedLines) {
    built = true;
    if (block != null) {
      block.detachAll();
      block = null;
    }
    closeSegment();
    SortedMap<MetricKey, Series> sorted = sortedSeries(era);
    return new NodeSeries(
        node,
        era,
        List.copyOf(files),
        List.copyOf(segments),
        Collections.unmodifiableSortedMap(sorted),
        snapshots,
        expensiveCount,
        partial,
        Arrays.copyOf(expensiveTimes, expensiveCount),
        Collections.unmodifiableSortedSet(new TreeSet<>(threadNames)),
        Collections.unmodifiableSortedSet(new TreeSet<>(globalNames)),
        unnamedRows,
        problems,
        repairedLines);
  }

  /**
   * The non-empty series by key, as {@link #build} returns them. A live node is built after every
   * snapshot, and sorting its hundred-odd keys was most of a build, so the sorted map of the series
   * kept as they are is reused while no series was added or got its first point; the series
   * rewritten for the era (malloced without its zeros, memory unwrapped at 4 GiB) are made afresh
   * at every build and put into a copy of it.
   */
  private SortedMap<MetricKey, Series> sortedSeries(Era era) {
    int nonEmpty = 0;
    for (Series v : series.values()) {
      nonEmpty += v.isEmpty() ? 0 : 1;
    }
    if (kept == null || keptEra != era || keptKeys != series.size() || keptNonEmpty != nonEmpty) {
      TreeMap<MetricKey, Series> base = new TreeMap<>();
      for (Map.Entry<MetricKey, Series> e : series.entrySet()) {
        if (!e.getValue().isEmpty() && !rewritten(e.getKey().metric(), era)) {
          base.put(e.getKey(), e.getValue());
        }
      }
      kept = Collections.unmodifiableSortedMap(base);
      keptEra = era;
      keptKeys = series.size();
      keptNonEmpty = nonEmpty;
    }
    TreeMap<MetricKey, Series> sorted = null;
    for (Metric m : REWRITTEN) {
      Series v = series.get(MetricKey.of(m));
      if (v == null || v.isEmpty() || !rewritten(m, era)) {
        continue;
      }
      if (m == Metric.MEMORY_MALLOCED && (era == Era.G8 || era == Era.G9)) {
        v = withoutZeros(v);
      }
      if (era == Era.G1 || era == Era.G2 || era == Era.G3) {
        v = unwrap4GiB(v);
      }
      if (!v.isEmpty()) {
        if (sorted == null) {
          sorted = new TreeMap<>(kept);
        }
        sorted.put(MetricKey.of(m), v);
      }
    }
    return sorted == null ? kept : Collections.unmodifiableSortedMap(sorted);
  }

  /** The metrics that {@link #sortedSeries} rewrites in some eras. */
  private static final Metric[] REWRITTEN = {Metric.MEMORY_TOTAL, Metric.MEMORY_MALLOCED};

  /** Whether the series of a metric is rewritten for the era before it is handed out. */
  private static boolean rewritten(Metric m, Era era) {
    return (m == Metric.MEMORY_MALLOCED && (era == Era.G8 || era == Era.G9))
        || ((m == Metric.MEMORY_TOTAL || m == Metric.MEMORY_MALLOCED)
            && (era == Era.G1 || era == Era.G2 || era == Era.G3));
  }

  /** Records the open segment as it is now (again on every build, so a live builder stays exact). */
  private void closeSegment() {
    if (segIndex < 0) {
      return;
    }
    Segment now = new Segment(segIndex, segReason, segStart, segEnd, segSnapshots, segFile, segLine, segCommand);
    if (segments.size() == segIndex) {
      segments.add(now);
    } else {
      segments.set(segIndex, now);
    }
  }

  private void addPoints(SnapshotData s, long t) {
    if (s.memory() != null) {
      add(Metric.MEMORY_TOTAL, s.memory().totalK());
      add(Metric.MEMORY_MALLOCED, unwrapMallinfo(s.memory().mallocedK()));
    }
    if (s.runTime() != null) {
      addDouble(Metric.RUNTIME_USER_SYS, s.runTime().userSys());
      addDouble(Metric.RUNTIME_REAL, s.runTime().real());
    }
    ConnSummary c = s.conns();
    if (c != null) {
      add(Metric.CONNS_TOTAL, restarts.connsTotal());
      add(Metric.CONNS_CURRENT, c.currentObjects());
      add(Metric.CONNS_SESSIONS, c.currentSessions());
      if (s.expensive() && c.hasEstimates()) {
        add(Metric.CONNS_MEM, c.memBytes());
      }
    }
    ConnProtocols p = s.connProtocols();
    if (p != null) {
      add(Metric.CONNS_TCP, p.tcp());
      add(Metric.CONNS_UDP, p.udp());
      add(Metric.CONNS_ICMP, p.icmp());
    }
    if (s.expired() != Snapshot.ABSENT) {
      add(Metric.CONNS_EXPIRED, restarts.expired());
    }
    addTcpStates(s);
    add(Metric.REASSEMBLER, s.reassemblerK());
    if (s.ruleMatcher() != null) {
      add(Metric.RULES_DFA_STATES, s.ruleMatcher().dfaStates());
      add(Metric.RULES_MEM, s.ruleMatcher().memK());
    }
    if (s.timers() != null) {
      add(Metric.TIMERS_CURRENT, s.timers().current());
      if (s.lagIsMeaningful()) {
        addDouble(Metric.TIMERS_LAG, s.timers().lagSeconds());
      }
    }
    int timerRowCount = s.timerRows();
    if (timerRows.length < timerRowCount) {
      timerRows = Arrays.copyOf(timerRows, timerRowCount);
      timerRowNames = Arrays.copyOf(timerRowNames, timerRowCount);
    }
    for (int i = 0; i < timerRowCount; i++) {
      String type = s.timerType(i);
      // the rows repeat in the same order (and the parser interns their names): no map lookup
      Series ts = timerRows[i];
      if (ts == null || timerRowNames[i] != type) {
        ts = labelled(Metric.TIMER_COUNT, "type", type);
        timerRows[i] = ts;
        timerRowNames[i] = type;
      }
      put(ts, s.timerCount(i));
    }
    if (s.dns() != null) {
      add(Metric.DNS_REQUESTS, s.dns().requests());
      add(Metric.DNS_FAILED, s.dns().failed());
      add(Metric.DNS_PENDING, s.dns().pending());
    }
    if (s.triggers() != null) {
      add(Metric.TRIGGERS_TOTAL, s.triggers().total());
      add(Metric.TRIGGERS_PENDING, s.triggers().pending());
    }
    add(Metric.THREADS_CURRENT, s.threadsCurrent());
    int threadRowCount = s.threadRows();
    if (threadRows.length < threadRowCount) {
      threadRows = Arrays.copyOf(threadRows, threadRowCount);
    }
    for (int i = 0; i < threadRowCount; i++) {
      String name = s.threadName(i);
      int ordinal = s.threadOrdinal(i);
      ThreadSeries ts = threadRows[i];
      if (ts == null || ts.name != name || ts.ordinal != ordinal) {
        ts = thread(name, ordinal);
        threadRows[i] = ts;
      }
      ts.put(s, i);
    }
    Comm comm = s.comm();
    if (comm != null) {
      add(Metric.COMM_PEERS, comm.peers());
      add(Metric.COMM_EVENTS_IN, comm.eventsIn());
      add(Metric.COMM_EVENTS_OUT, comm.eventsOut());
      add(Metric.COMM_LOGS_IN, comm.logsIn());
      add(Metric.COMM_LOGS_OUT, comm.logsOut());
    } else if (s.legacyComm() != null) {
      add(Metric.COMM_PEERS, s.legacyComm().peers());
    }
    addGlobals(s, t);
    add(Metric.GLOBALS_TOTAL, s.globalSizesTotalK());
    add(Metric.TABLES_ENTRIES, s.tableEntries());
    add(Metric.TABLES_ENTRIES_RECURSIVE, s.tableEntriesRecursive());
  }

  private void addGlobals(SnapshotData s, long t) {
    List<UnnamedTableTracker.Row> rows = null;
    Set<String> rowEntries = null;
    for (GlobalSize g : s.globals()) {
      if (g.named()) {
        globalNames.add(g.name());
        if (g.sizeK() != Snapshot.ABSENT) {
          labelled(Metric.GLOBAL_SIZE, "name", g.name()).add(t, g.sizeK(), segIndex);
        }
        if (g.isTable()) {
          labelled(Metric.GLOBAL_ENTRIES, "name", g.name()).add(t, g.entries(), segIndex);
          if (rowEntries == null) {
            rowEntries = new HashSet<>();
          }
          rowEntries.add(g.name());
        }
      } else {
        if (rows == null) {
          rows = new ArrayList<>();
        }
        rows.add(new UnnamedTableTracker.Row(g.entries(), g.recursiveEntries()));
      }
    }
    for (GlobalFootprint f : s.footprints()) {
      globalNames.add(f.name());
      labelled(Metric.GLOBAL_FOOTPRINT, "name", f.name()).add(t, f.footprint(), segIndex);
      if (f.entries() != Snapshot.ABSENT && (rowEntries == null || !rowEntries.contains(f.name()))) {
        labelled(Metric.GLOBAL_ENTRIES, "name", f.name()).add(t, f.entries(), segIndex);
      }
    }
    if (rows != null) {
      unnamedRows = true;
    }
    // An expensive snapshot without unnamed rows still tells the tracker that every table is
    // below the threshold, once unnamed rows have been seen on this node.
    if (rows != null || (unnamedRows && s.expensive())) {
      for (UnnamedTableTracker.Assigned a : tables.assign(rows == null ? List.of() : rows)) {
        labelled(Metric.TABLE_ENTRIES, "table", a.id()).add(t, a.row().entries(), segIndex);
        if (a.row().recursiveEntries() != Snapshot.ABSENT) {
          labelled(Metric.TABLE_ENTRIES_RECURSIVE, "table", a.id())
              .add(t, a.row().recursiveEntries(), segIndex);
        }
      }
    }
  }

  private void addTcpStates(SnapshotData s) {
    if (!s.hasTcpStates() || s.tcpGlued()) {
      return;
    }
    for (int i = 0; i < tcpCells.length; i++) {
      long v = s.tcpCell(i);
      if (tcpCells[i] == null) {
        if (v == 0) {
          continue;
        }
        String orig = TcpStates.STATES.get(i / TcpStates.SIZE);
        String resp = TcpStates.STATES.get(i % TcpStates.SIZE);
        tcpCells[i] = get(MetricKey.of(Metric.TCP_STATE, "orig", orig, "resp", resp));
      }
      put(tcpCells[i], v);
    }
  }

  /**
   * The points of the snapshot being added, gathered by {@link #addPoints} and added by {@link
   * #addBatch} in one loop. Gathered rather than added where they are read, so that {@link
   * Series#add} is compiled into one small loop instead of into each of the hundred-odd places that
   * read a value: the method that read them all had {@code add} inlined at each, was the JIT's
   * largest compilation, and was compiled again whenever a series began to fold (its fold branch
   * unseen until then). The globals of an expensive snapshot are added where they are read: they
   * come every Nth snapshot, each found through a map anyway.
   */
  private Series[] batchSeries = new Series[256];
  private double[] batchValues = new double[256];
  private int batched;

  private void put(Series s, double v) {
    SeriesBlock k = block;
    if (k != null && k.take(s, v)) {
      return;
    }
    int n = batched;
    if (n == batchSeries.length) {
      batchSeries = Arrays.copyOf(batchSeries, n * 2);
      batchValues = Arrays.copyOf(batchValues, n * 2);
    }
    batchSeries[n] = s;
    batchValues[n] = v;
    batched = n + 1;
  }

  private void addBatch(long t) {
    int seg = segIndex;
    if (block != null) {
      if (block.endSnapshot(t, seg) == 0) {
        block = null;
      }
    } else if (blocks && !built && batched > 0) {
      formBlock(t, seg);
    }
    Series[] ss = batchSeries;
    double[] vs = batchValues;
    for (int i = 0, n = batched; i < n; i++) {
      ss[i].add(t, vs[i], seg);
    }
    batched = 0;
  }

  /**
   * Whether the series that take a point at every snapshot are gathered into a {@link SeriesBlock}
   * while the node is read (the default); off only to compare against.
   */
  private final boolean blocks;
  /** The block of the series read so far, null before the first snapshot and after a build. */
  private SeriesBlock block;
  /** Whether {@link #build} was called: the series are out, and each holds its own points. */
  private boolean built;

  /** The block of the series read so far, or null (for tests). */
  SeriesBlock block() {
    return block;
  }

  /**
   * Makes the block from the first snapshot's batch: each empty series there once (the others stay
   * in the batch). Its first row is this snapshot's.
   */
  private void formBlock(long t, int seg) {
    Series[] members = new Series[batched];
    double[] values = new double[batched];
    IdentityHashMap<Series, Boolean> once = new IdentityHashMap<>();
    for (int i = 0; i < batched; i++) {
      once.merge(batchSeries[i], Boolean.TRUE, (a, b) -> Boolean.FALSE);
    }
    int width = 0;
    int rest = 0;
    for (int i = 0; i < batched; i++) {
      Series s = batchSeries[i];
      if (s.isEmpty() && once.get(s)) {
        members[width] = s;
        values[width++] = batchValues[i];
      } else {
        batchSeries[rest] = s;
        batchValues[rest++] = batchValues[i];
      }
    }
    batched = rest;
    if (width > 0) {
      block = new SeriesBlock(members, values, width, maxPoints, wholeChanges);
      block.endSnapshot(t, seg);
    }
  }

  private void add(Metric m, long v) {
    if (v != Snapshot.ABSENT) {
      put(plain(m), v);
    }
  }

  private void addDouble(Metric m, double v) {
    if (!Double.isNaN(v)) {
      put(plain(m), v);
    }
  }

  private Series plain(Metric m) {
    Series s = plain[m.ordinal()];
    if (s == null) {
      s = get(MetricKey.of(m));
      plain[m.ordinal()] = s;
    }
    return s;
  }

  private Series labelled(Metric m, String label, String value) {
    Map<String, Series> byValue = byLabel[m.ordinal()];
    if (byValue == null) {
      byValue = new HashMap<>();
      byLabel[m.ordinal()] = byValue;
    }
    Series s = byValue.get(value);
    if (s == null) {
      s = get(MetricKey.of(m, label, value));
      byValue.put(value, s);
    }
    return s;
  }

  /** The changes to the whole points of this node's series (see {@link WholeChanges}). */
  public WholeChanges wholeChanges() {
    return wholeChanges;
  }

  private final WholeChanges wholeChanges = new WholeChanges();

  private Series get(MetricKey key) {
    Series s = series.get(key);
    if (s == null) {
      s = new Series(16, maxPoints, key.metric().kind());
      s.countChangesIn(wholeChanges);
      series.put(key, s);
    }
    return s;
  }

  private ThreadSeries thread(String name, int ordinal) {
    ThreadSeries[] byOrdinal = threads.get(name);
    if (byOrdinal == null || byOrdinal.length <= ordinal) {
      byOrdinal = byOrdinal == null
          ? new ThreadSeries[Math.max(1, ordinal + 1)]
          : Arrays.copyOf(byOrdinal, ordinal + 1);
      threads.put(name, byOrdinal);
    }
    ThreadSeries ts = byOrdinal[ordinal];
    if (ts == null) {
      threadNames.add(name);
      ts = new ThreadSeries(name, ordinal);
      byOrdinal[ordinal] = ts;
    }
    return ts;
  }

  /**
   * {@code mallinfo()}'s int fields (before Zeek 4.1) go negative above 2 GiB; from Bro 2.5 such a
   * value prints as 2⁵⁴ − x KiB (Q7). The true value is then 4 GiB − x.
   */
  static long unwrapMallinfo(long mallocedK) {
    if (mallocedK != Snapshot.ABSENT && mallocedK > (1L << 53)) {
      return mallocedK - (1L << 54) + KIB_4G;
    }
    return mallocedK;
  }

  /**
   * Bro 2.0-2.4 print memory modulo 4 GiB (Q7): within a segment, a step from the top quarter of
   * that range into the bottom quarter is a wrap, and later points get 4 GiB more.
   */
  static Series unwrap4GiB(Series s) {
    Series out = s.emptyLike();
    long offset = 0;
    double prev = Double.NaN;
    int seg = Integer.MIN_VALUE;
    int[] segs = s.segments();
    for (int i = 0; i < s.size(); i++) {
      double v = s.value(i);
      if (v < 0) {
        v += KIB_4G;
      }
      if (segs[i] != seg) {
        seg = segs[i];
        offset = 0;
      } else if (prev >= KIB_4G * 0.75 && v < KIB_4G * 0.25) {
        offset += KIB_4G;
      }
      prev = v;
      out.add(s.time(i), v + offset, seg);
    }
    return out.sameResolutionAs(s);
  }

  /** 4 GiB in KiB. */
  private static final long KIB_4G = 4L * 1024 * 1024;

  private static Series withoutZeros(Series s) {
    Series out = s.emptyLike();
    int[] segs = s.segments();
    for (int i = 0; i < s.size(); i++) {
      if (s.value(i) != 0) {
        out.add(s.time(i), s.value(i), segs[i]);
      }
    }
    return out.sameResolutionAs(s);
  }

  /** The six series of one thread row, looked up once. */
  private final class ThreadSeries {
    final String name;
    final int ordinal;
    final Series in;
    final Series out;
    final Series pendingIn;
    final Series pendingOut;
    final Series inReads;
    final Series outReads;

    ThreadSeries(String name, int ordinal) {
      this.name = name;
      this.ordinal = ordinal;
      in = get(key(Metric.THREAD_IN, name, ordinal));
      out = get(key(Metric.THREAD_OUT, name, ordinal));
      pendingIn = get(key(Metric.THREAD_PENDING_IN, name, ordinal));
      pendingOut = get(key(Metric.THREAD_PENDING_OUT, name, ordinal));
      inReads = get(key(Metric.THREAD_IN_READS, name, ordinal));
      outReads = get(key(Metric.THREAD_OUT_READS, name, ordinal));
    }

    void put(SnapshotData s, int row) {
      SeriesBuilder.this.put(in, s.threadCounter(row, SnapshotData.IN));
      SeriesBuilder.this.put(out, s.threadCounter(row, SnapshotData.OUT));
      SeriesBuilder.this.put(pendingIn, s.threadCounter(row, SnapshotData.PENDING_IN));
      SeriesBuilder.this.put(pendingOut, s.threadCounter(row, SnapshotData.PENDING_OUT));
      SeriesBuilder.this.put(inReads, s.threadCounter(row, SnapshotData.IN_READS));
      SeriesBuilder.this.put(outReads, s.threadCounter(row, SnapshotData.OUT_READS));
    }

    private MetricKey key(Metric m, String name, int ordinal) {
      return ordinal > 0
          ? MetricKey.of(m, "thread", name, "n", Integer.toString(ordinal))
          : MetricKey.of(m, "thread", name);
    }
  }
}
