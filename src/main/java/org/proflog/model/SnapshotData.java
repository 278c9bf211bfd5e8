package org.proflog.model;

import java.util.List;

/**
 * Read access to one snapshot's values. {@link Snapshot} is the immutable implementation; the
 * parser's own, handed out by {@code ProfLogReader.drainTo}, is a view of the snapshot being
 * assembled that is valid only during the call it is passed to, so that reading a file into series
 * builds no per-row objects. The rows (timer types, threads, the TCP-States matrix) are read by
 * index; the once-per-snapshot parts are the same records as in {@link Snapshot}, and so are the
 * per-global rows of the (rare) expensive snapshots. Missing numbers are {@link Snapshot#ABSENT}.
 */
public interface SnapshotData {

  /** The 1-based physical line of the snapshot's separator in its file. */
  long line();

  /** Network time in microseconds ({@code 0} for the {@code 0.000000} startup snapshot). */
  long timeMicros();

  /** The {@code Command line:} value, or null (only the first snapshot of a process has one). */
  String commandLine();

  boolean expensive();

  boolean partial();

  /** Lines attached without a timestamp (pasted excerpts, Q14). */
  int untimedLines();

  Memory memory();

  RunTime runTime();

  ConnSummary conns();

  ConnProtocols connProtocols();

  long expired();

  long reassemblerK();

  RuleMatcher ruleMatcher();

  Timers timers();

  Dns dns();

  Triggers triggers();

  long threadsCurrent();

  Comm comm();

  LegacyComm legacyComm();

  List<GlobalSize> globals();

  long globalSizesTotalK();

  long tableEntries();

  long tableEntriesRecursive();

  List<GlobalFootprint> footprints();

  /** Timer-type rows. */
  int timerRows();

  String timerType(int row);

  long timerCount(int row);

  /** Thread rows. */
  int threadRows();

  String threadName(int row);

  /** How many earlier rows of the snapshot have the same name (0 for the first). */
  int threadOrdinal(int row);

  /** The row's counters in the order of {@link ThreadStats}: in, out, pendingIn, pendingOut, inReads, inWrites, outReads, outWrites. */
  long threadCounter(int row, int counter);

  /** Whether the snapshot has a TCP-States block. */
  boolean hasTcpStates();

  /** Whether a TCP-States cell was wider than its column (Q13). */
  boolean tcpGlued();

  /** TCP-States cell {@code orig * 7 + resp}. */
  long tcpCell(int cell);

  // Counter positions for threadCounter.
  int IN = 0;
  int OUT = 1;
  int PENDING_IN = 2;
  int PENDING_OUT = 3;
  int IN_READS = 4;
  int IN_WRITES = 5;
  int OUT_READS = 6;
  int OUT_WRITES = 7;

  /** Whether this is the first snapshot of a process (it carries the Command line block). */
  default boolean startsProcess() {
    return commandLine() != null;
  }

  /** Whether the timestamp is the {@code 0.000000} written before network time is known (Q2). */
  default boolean beforeNetworkTime() {
    return timeMicros() == 0;
  }

  /** Whether {@code ProfileTimer = 1} is listed: a startup, shutdown or do_profiling() snapshot. */
  default boolean notTimerDriven() {
    for (int i = 0, n = timerRows(); i < n; i++) {
      if (timerType(i).equals("ProfileTimer") && timerCount(i) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code Timers: lag=} measures real lag (Q5): only in timer-driven snapshots, and not
   * the first timer-driven one, whose lag is the time since the epoch's first second.
   */
  default boolean lagIsMeaningful() {
    Timers timers = timers();
    if (timers == null || notTimerDriven() || beforeNetworkTime()) {
      return false;
    }
    double lag = timers.lagSeconds();
    return !(Double.isNaN(lag) || lag > 1e6 || Math.abs(lag - timeMicros() / 1e6) < 2);
  }
}
