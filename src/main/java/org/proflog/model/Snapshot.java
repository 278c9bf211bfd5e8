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
    List<GlobalFootprint> footprints)
    implements SnapshotData {

  /** Marks a numeric field the snapshot's lines did not carry. */
  public static final long ABSENT = Long.MIN_VALUE;

  public Snapshot {
    timerCounts = List.copyOf(timerCounts);
    threads = List.copyOf(threads);
    globals = List.copyOf(globals);
    footprints = List.copyOf(footprints);
  }

  /** Network time in seconds. */
  public double timeSeconds() {
    return timeMicros / 1e6;
  }

  @Override
  public int timerRows() {
    return timerCounts.size();
  }

  @Override
  public String timerType(int row) {
    return timerCounts.get(row).type();
  }

  @Override
  public long timerCount(int row) {
    return timerCounts.get(row).count();
  }

  @Override
  public int threadRows() {
    return threads.size();
  }

  @Override
  public String threadName(int row) {
    return threads.get(row).name();
  }

  @Override
  public int threadOrdinal(int row) {
    return threads.get(row).ordinal();
  }

  @Override
  public long threadCounter(int row, int counter) {
    ThreadStats t = threads.get(row);
    return switch (counter) {
      case IN -> t.in();
      case OUT -> t.out();
      case PENDING_IN -> t.pendingIn();
      case PENDING_OUT -> t.pendingOut();
      case IN_READS -> t.inReads();
      case IN_WRITES -> t.inWrites();
      case OUT_READS -> t.outReads();
      case OUT_WRITES -> t.outWrites();
      default -> throw new IndexOutOfBoundsException("thread counter " + counter);
    };
  }

  @Override
  public boolean hasTcpStates() {
    return tcpStates != null;
  }

  @Override
  public boolean tcpGlued() {
    return tcpStates != null && tcpStates.glued();
  }

  @Override
  public long tcpCell(int cell) {
    return tcpStates.cells()[cell];
  }
}
