package org.proflog.parse;

import java.util.ArrayList;
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
import org.proflog.model.TcpStates;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;
import org.proflog.model.Timers;
import org.proflog.model.Triggers;

/** The snapshot being assembled: one slot per line kind, reused from snapshot to snapshot. */
final class SnapshotBuilder {

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
  long[] tcp;
  int tcpRows;
  boolean tcpGlued;
  long expired;
  long reassemblerK;
  RuleMatcher rules;
  Timers timers;
  Dns dns;
  Triggers triggers;
  final List<TimerCount> timerCounts = new ArrayList<>(64);
  long threadsCurrent;
  final List<ThreadStats> threads = new ArrayList<>(64);
  private static final int ORDINAL_SCAN_LIMIT = 32;
  private final HashMap<String, int[]> ordinals = new HashMap<>();
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
    tcp = null;
    tcpRows = 0;
    tcpGlued = false;
    expired = Snapshot.ABSENT;
    reassemblerK = Snapshot.ABSENT;
    rules = null;
    timers = null;
    dns = null;
    triggers = null;
    timerCounts.clear();
    threadsCurrent = Snapshot.ABSENT;
    threads.clear();
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

  long[] tcpCells() {
    if (tcp == null) {
      tcp = new long[TcpStates.SIZE * TcpStates.SIZE];
    }
    return tcp;
  }

  /**
   * The ordinal of a thread row: how many earlier rows of this snapshot have the same name. A
   * linear scan for the usual few dozen threads; a map once a snapshot has many (a busy logger).
   */
  int threadOrdinal(String name) {
    int size = threads.size();
    if (size < ORDINAL_SCAN_LIMIT) {
      int n = 0;
      int hash = name.hashCode();
      for (int i = 0; i < size; i++) {
        String other = threads.get(i).name();
        if (other == name || (other.hashCode() == hash && other.equals(name))) {
          n++;
        }
      }
      return n;
    }
    if (ordinals.isEmpty()) {
      for (int i = 0; i < size; i++) {
        ordinals.computeIfAbsent(threads.get(i).name(), k -> new int[1])[0]++;
      }
    }
    return ordinals.computeIfAbsent(name, k -> new int[1])[0]++;
  }

  Snapshot build(boolean partial) {
    LegacyComm legacy = null;
    if (legacyComm != null || !dequeued.isEmpty()) {
      long[] l = legacyComm;
      long a = Snapshot.ABSENT;
      legacy =
          l == null
              ? new LegacyComm(a, a, a, a, a, a, a, List.copyOf(dequeued))
              : new LegacyComm(l[0], l[1], l[2], l[3], l[4], l[5], l[6], List.copyOf(dequeued));
    }
    TcpStates states = tcp == null && !has(TCP_HEADER) ? null : new TcpStates(tcpCells(), tcpGlued);
    return new Snapshot(
        line,
        timeMicros,
        commandLine == null ? null : commandLine.toString(),
        (seen & EXPENSIVE) != 0,
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
        timerCounts,
        threadsCurrent,
        threads,
        comm,
        legacy,
        globals,
        gsTotalK,
        tableEntries,
        tableEntriesRecursive,
        footprints);
  }
}
