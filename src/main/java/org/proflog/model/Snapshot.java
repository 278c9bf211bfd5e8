package org.proflog.model;

import java.util.List;

/**
 * One prof.log snapshot: everything one call of Zeek's profile logger wrote, decoded.
 *
 * <p>Parts the snapshot did not contain are {@code null} (e.g. {@code reassemblerK} has no line from
 * Zeek 5.1, so it is {@link #ABSENT}; {@code comm} is null before Bro 2.6). Lists are never null.
 *
 * @param line the 1-based physical line of the snapshot's separator in its file
 * @param timeMicros network time in microseconds since the epoch ({@code 0} for the
 *     {@code 0.000000} startup snapshot of packet-reading processes)
 * @param commandLine the {@code Command line:} value without its trailing space, or null; only the
 *     first snapshot of a process has one
 * @param expensive whether it carries the expensive block (RuleMatcher, global sizes, table totals)
 * @param partial whether the file ended before the snapshot's last line (a crash, or a live file)
 * @param untimedLines lines attached without a timestamp (pasted excerpts, Q14)
 */
public record Snapshot(
    long line,
    long timeMicros,
    String commandLine,
    boolean expensive,
    boolean partial,
    int untimedLines,
    Memory memory,
    RunTime runTime,
    ConnSummary conns,
    ConnProtocols connProtocols,
    TcpStates tcpStates,
    long expired,
    long reassemblerK,
    RuleMatcher ruleMatcher,
    Timers timers,
    Dns dns,
    Triggers triggers,
    List<TimerCount> timerCounts,
    long threadsCurrent,
    List<ThreadStats> threads,
    Comm comm,
    LegacyComm legacyComm,
    List<GlobalSize> globals,
    long globalSizesTotalK,
    long tableEntries,
    long tableEntriesRecursive,
    List<GlobalFootprint> footprints) {

  /** Marks a numeric field the snapshot's lines did not carry. */
  public static final long ABSENT = Long.MIN_VALUE;

  public Snapshot {
    timerCounts = List.copyOf(timerCounts);
    threads = List.copyOf(threads);
    globals = List.copyOf(globals);
    footprints = List.copyOf(footprints);
  }

  /** Whether this is the first snapshot of a process (it carries the Command line block). */
  public boolean startsProcess() {
    return commandLine != null;
  }

  /** Network time in seconds. */
  public double timeSeconds() {
    return timeMicros / 1e6;
  }

  /** Whether the timestamp is the {@code 0.000000} written before network time is known (Q2). */
  public boolean beforeNetworkTime() {
    return timeMicros == 0;
  }

  /** Whether {@code ProfileTimer = 1} is listed: a startup, shutdown or do_profiling() snapshot. */
  public boolean notTimerDriven() {
    for (TimerCount t : timerCounts) {
      if (t.type().equals("ProfileTimer") && t.count() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code Timers: lag=} measures real lag (Q5): only in timer-driven snapshots, and not
   * the first timer-driven one, whose lag is the time since the epoch's first second.
   */
  public boolean lagIsMeaningful() {
    if (timers == null || notTimerDriven() || beforeNetworkTime()) {
      return false;
    }
    double lag = timers.lagSeconds();
    return !(Double.isNaN(lag) || lag > 1e6 || Math.abs(lag - timeSeconds()) < 2);
  }
}
