package org.proflog.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.proflog.model.Comm;
import org.proflog.model.ConnProtocols;
import org.proflog.model.ConnSummary;
import org.proflog.model.Dns;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.GlobalSize;
import org.proflog.model.LegacyComm;
import org.proflog.model.Memory;
import org.proflog.model.RuleMatcher;
import org.proflog.model.RunTime;
import org.proflog.model.Snapshot;
import org.proflog.model.SnapshotData;
import org.proflog.model.TcpStates;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;
import org.proflog.model.Timers;
import org.proflog.model.Triggers;

/**
 * The snapshot being assembled: one slot per line kind, reused from snapshot to snapshot. Rows are
 * kept in primitive arrays, so that it can be handed out as a {@link SnapshotData} view without
 * building a {@link Snapshot}; {@link #build} makes the immutable one.
 */
final class SnapshotBuilder implements SnapshotData {

  // Line kinds that occur once per snapshot: a bit each, to see duplicates and missing lines.
  static final int MEMORY = 1;
  static final int RUNTIME = 1 << 1;
  static final int CONNS = 1 << 2;
  static final int PROTOCOLS = 1 << 3;
  static final int EXPIRED = 1 << 4;
  static final int REASSEMBLER = 1 << 5;
  static final int RULES = 1 << 6;
  static final int TIMERS = 1 << 7;
  static final int DNS = 1 << 8;
  static final int TRIGGERS = 1 << 9;
  static final int THREADS = 1 << 10;
  static final int COMM = 1 << 11;
  static final int LEGACY_COMM = 1 << 12;
  static final int GS_HEADER = 1 << 13;
  static final int GS_TOTAL = 1 << 14;
  static final int TABLE_TOTAL = 1 << 15;
  static final int COMPRESSOR = 1 << 16;
  static final int TCP_HEADER = 1 << 17;
  static final int GLOBAL_ROWS = 1 << 18;
  static final int EXPENSIVE = RULES | GS_HEADER | GS_TOTAL | TABLE_TOTAL | GLOBAL_ROWS;

  long line;
  long timeMicros;
  /** Started by a line without a timestamp (a pasted excerpt) rather than by a separator. */
  boolean excerpt;
  /** Started by a timestamped line other than a separator (the file began mid-snapshot). */
  boolean headless;
  int seen;
  int untimed;
  StringBuilder commandLine;

  Memory memory;
  RunTime runTime;
  ConnSummary conns;
  ConnProtocols protocols;
  private final long[] tcp = new long[TcpStates.SIZE * TcpStates.SIZE];
  /** Whether {@link #tcp} holds this snapshot's cells (it is cleared on first use). */
  private boolean tcpUsed;
  int tcpRows;
  boolean tcpGlued;
  long expired;
  long reassemblerK;
  RuleMatcher rules;
  Timers timers;
  Dns dns;
  Triggers triggers;
  private String[] timerTypes = new String[64];
  private long[] timerValues = new long[64];
  private int timerCount;
  long threadsCurrent;
  private String[] threadNames = new String[64];
  private int[] threadOrdinals = new int[64];
  /** Eight counters per thread row, in the order of {@link SnapshotData#threadCounter}. */
  private long[] threadValues = new long[64 * 8];
  private int threadCount;
  private static final int ORDINAL_SCAN_LIMIT = 32;
  private final HashMap<String, int[]> ordinals = new HashMap<>();
  boolean partial;
  Comm comm;
  long[] legacyComm;
  final List<LegacyComm.Dequeued> dequeued = new ArrayList<>();
  final List<GlobalSize> globals = new ArrayList<>(64);
  int namedRows;
  int unnamedRows;
  long gsTotalK;
  long tableEntries;
  long tableEntriesRecursive;
  final List<GlobalFootprint> footprints = new ArrayList<>();

  void start(long lineNo, long ts) {
    line = lineNo;
    timeMicros = ts;
    excerpt = false;
    headless = false;
    seen = 0;
    untimed = 0;
    commandLine = null;
    memory = null;
    runTime = null;
    conns = null;
    protocols = null;
    tcpUsed = false;
    tcpRows = 0;
    tcpGlued = false;
    expired = Snapshot.ABSENT;
    reassemblerK = Snapshot.ABSENT;
    rules = null;
    timers = null;
    dns = null;
    triggers = null;
    timerCount = 0;
    threadsCurrent = Snapshot.ABSENT;
    threadCount = 0;
    partial = false;
    if (!ordinals.isEmpty()) {
      ordinals.clear();
    }
    comm = null;
    legacyComm = null;
    dequeued.clear();
    globals.clear();
    namedRows = 0;
    unnamedRows = 0;
    gsTotalK = Snapshot.ABSENT;
    tableEntries = Snapshot.ABSENT;
    tableEntriesRecursive = Snapshot.ABSENT;
    footprints.clear();
  }

  boolean has(int kind) {
    return (seen & kind) != 0;
  }

  /** This snapshot's TCP-States cells, zero until rows set them. */
  long[] tcpCells() {
    if (!tcpUsed) {
      Arrays.fill(tcp, 0);
      tcpUsed = true;
    }
    return tcp;
  }

  void addTimer(String type, long count) {
    int i = timerCount;
    if (i == timerTypes.length) {
      timerTypes = Arrays.copyOf(timerTypes, i * 2);
      timerValues = Arrays.copyOf(timerValues, i * 2);
    }
    timerTypes[i] = type;
    timerValues[i] = count;
    timerCount = i + 1;
  }

  void addThread(String name, long in, long out, long pendingIn, long pendingOut, long inReads,
      long inWrites, long outReads, long outWrites) {
    int ordinal = threadOrdinal(name);
    int i = threadCount;
    if (i == threadNames.length) {
      threadNames = Arrays.copyOf(threadNames, i * 2);
      threadOrdinals = Arrays.copyOf(threadOrdinals, i * 2);
      threadValues = Arrays.copyOf(threadValues, i * 16);
    }
    threadNames[i] = name;
    threadOrdinals[i] = ordinal;
    long[] v = threadValues;
    int o = i * 8;
    v[o] = in;
    v[o + 1] = out;
    v[o + 2] = pendingIn;
    v[o + 3] = pendingOut;
    v[o + 4] = inReads;
    v[o + 5] = inWrites;
    v[o + 6] = outReads;
    v[o + 7] = outWrites;
    threadCount = i + 1;
  }

  /**
   * The ordinal of a new thread row: how many earlier rows of this snapshot have the same name. A
   * linear scan for the usual few dozen threads; a map once a snapshot has many (a busy logger).
   */
  private int threadOrdinal(String name) {
    int size = threadCount;
    if (size < ORDINAL_SCAN_LIMIT) {
      int n = 0;
      int hash = name.hashCode();
      for (int i = 0; i < size; i++) {
        String other = threadNames[i];
        if (other == name || (other.hashCode() == hash && other.equals(name))) {
          n++;
        }
      }
      return n;
    }
    if (ordinals.isEmpty()) {
      for (int i = 0; i < size; i++) {
        ordinals.computeIfAbsent(threadNames[i], k -> new int[1])[0]++;
      }
    }
    return ordinals.computeIfAbsent(name, k -> new int[1])[0]++;
  }

  // ---------------------------------------------------------------- the view (valid until start)

  @Override
  public long line() {
    return line;
  }

  @Override
  public long timeMicros() {
    return timeMicros;
  }

  @Override
  public String commandLine() {
    return commandLine == null ? null : commandLine.toString();
  }

  @Override
  public boolean startsProcess() {
    return commandLine != null;
  }

  @Override
  public boolean expensive() {
    return (seen & EXPENSIVE) != 0;
  }

  @Override
  public boolean partial() {
    return partial;
  }

  @Override
  public int untimedLines() {
    return untimed;
  }

  @Override
  public Memory memory() {
    return memory;
  }

  @Override
  public RunTime runTime() {
    return runTime;
  }

  @Override
  public ConnSummary conns() {
    return conns;
  }

  @Override
  public ConnProtocols connProtocols() {
    return protocols;
  }

  @Override
  public long expired() {
    return expired;
  }

  @Override
  public long reassemblerK() {
    return reassemblerK;
  }

  @Override
  public RuleMatcher ruleMatcher() {
    return rules;
  }

  @Override
  public Timers timers() {
    return timers;
  }

  @Override
  public Dns dns() {
    return dns;
  }

  @Override
  public Triggers triggers() {
    return triggers;
  }

  @Override
  public long threadsCurrent() {
    return threadsCurrent;
  }

  @Override
  public Comm comm() {
    return comm;
  }

  @Override
  public LegacyComm legacyComm() {
    if (legacyComm == null && dequeued.isEmpty()) {
      return null;
    }
    long[] l = legacyComm;
    long a = Snapshot.ABSENT;
    return l == null
        ? new LegacyComm(a, a, a, a, a, a, a, List.copyOf(dequeued))
        : new LegacyComm(l[0], l[1], l[2], l[3], l[4], l[5], l[6], List.copyOf(dequeued));
  }

  @Override
  public List<GlobalSize> globals() {
    return globals;
  }

  @Override
  public long globalSizesTotalK() {
    return gsTotalK;
  }

  @Override
  public long tableEntries() {
    return tableEntries;
  }

  @Override
  public long tableEntriesRecursive() {
    return tableEntriesRecursive;
  }

  @Override
  public List<GlobalFootprint> footprints() {
    return footprints;
  }

  @Override
  public int timerRows() {
    return timerCount;
  }

  @Override
  public String timerType(int row) {
    return timerTypes[check(row, timerCount)];
  }

  @Override
  public long timerCount(int row) {
    return timerValues[check(row, timerCount)];
  }

  @Override
  public int threadRows() {
    return threadCount;
  }

  @Override
  public String threadName(int row) {
    return threadNames[check(row, threadCount)];
  }

  @Override
  public int threadOrdinal(int row) {
    return threadOrdinals[check(row, threadCount)];
  }

  @Override
  public long threadCounter(int row, int counter) {
    if (counter < 0 || counter > 7) {
      throw new IndexOutOfBoundsException("thread counter " + counter);
    }
    return threadValues[check(row, threadCount) * 8 + counter];
  }

  @Override
  public boolean hasTcpStates() {
    return tcpUsed || has(TCP_HEADER);
  }

  @Override
  public boolean tcpGlued() {
    return tcpGlued;
  }

  @Override
  public long tcpCell(int cell) {
    return tcpUsed ? tcp[cell] : 0;
  }

  private static int check(int row, int count) {
    if (row < 0 || row >= count) {
      throw new IndexOutOfBoundsException("row " + row + " of " + count);
    }
    return row;
  }

  /** The immutable snapshot. */
  Snapshot build() {
    TimerCount[] tcs = new TimerCount[timerCount];
    for (int i = 0; i < tcs.length; i++) {
      tcs[i] = new TimerCount(timerTypes[i], timerValues[i]);
    }
    ThreadStats[] ths = new ThreadStats[threadCount];
    for (int i = 0; i < ths.length; i++) {
      long[] v = threadValues;
      int o = i * 8;
      ths[i] = new ThreadStats(threadNames[i], threadOrdinals[i],
          v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7]);
    }
    TcpStates states = hasTcpStates() ? new TcpStates(tcpCells().clone(), tcpGlued) : null;
    return new Snapshot(
        line,
        timeMicros,
        commandLine(),
        expensive(),
        partial,
        untimed,
        memory,
        runTime,
        conns,
        protocols,
        states,
        expired,
        reassemblerK,
        rules,
        timers,
        dns,
        triggers,
        Arrays.asList(tcs),
        threadsCurrent,
        Arrays.asList(ths),
        comm,
        legacyComm(),
        globals,
        gsTotalK,
        tableEntries,
        tableEntriesRecursive,
        footprints);
  }
}
