package org.proflog.series;

import org.proflog.model.Comm;
import org.proflog.model.Snapshot;
import org.proflog.model.SnapshotData;

/**
 * Decides whether a snapshot starts a new process (a new {@link Segment}) from what the previous
 * snapshots of the same node said (PROFLOG-FORMAT.md §11.1 step 7, Q8, Q11).
 *
 * <p>Signals, strongest first:
 *
 * <ol>
 *   <li>a {@code Command line:} block, except the very first snapshot, and except the repeated block
 *       of Q11 (macOS, or a zero first memory probe) which keeps Run-time and the timestamp going:
 *       such a block is a restart only when Run-time went back, the timestamp is {@code 0.000000}
 *       or went back, or it opens a new file;
 *   <li>Run-time {@code real} smaller than before (it never decreases within a process);
 *   <li>the timestamp more than {@link #TIME_TOLERANCE_MICROS} earlier than the latest one (the
 *       {@code 0.000000} startup snapshot is not compared: it is not a time);
 *   <li>a cumulative counter dropping: Conns {@code total}, {@code Connections expired}, or the
 *       Broker {@code Comm:} event/log counters. Conns and expired are 32-bit before Bro 2.5 and
 *       wrap ({@link WrapCounter}): a drop from near 2³² to near 0 is a wrap, not a restart.
 * </ol>
 *
 * Thread counters are not used: a thread re-created under the same name restarts its counters
 * without a process restart (Q8).
 */
final class RestartDetector {

  /** Tolerated backwards step of the timestamp (µs). */
  static final long TIME_TOLERANCE_MICROS = 1_000_000;

  /** Tolerated backwards step of Run-time real (s): it is printed with one decimal or more. */
  static final double REAL_TOLERANCE = 0.5;

  private boolean seenAny;
  private long lastTime; // latest non-zero timestamp, 0 when none
  private double lastReal = Double.NaN;
  private final WrapCounter connsTotal = new WrapCounter();
  private final WrapCounter expired = new WrapCounter();
  private Comm lastComm;

  /**
   * The reason the snapshot starts a new segment, or null when it continues the current one.
   * {@code firstOfFile} is true for the first snapshot of a file after the first file.
   */
  Segment.Reason check(SnapshotData s, boolean firstOfFile) {
    if (!seenAny) {
      return Segment.Reason.FIRST;
    }
    double real = s.runTime() == null ? Double.NaN : s.runTime().real();
    boolean realBack = !Double.isNaN(real) && !Double.isNaN(lastReal)
        && real < lastReal - REAL_TOLERANCE;
    boolean timeBack = !s.beforeNetworkTime() && lastTime != 0
        && s.timeMicros() < lastTime - TIME_TOLERANCE_MICROS;
    if (s.startsProcess()) {
      boolean continuing = !Double.isNaN(real) && !Double.isNaN(lastReal) && !realBack
          && real > 0 && !s.beforeNetworkTime() && !timeBack;
      if (firstOfFile || !continuing) {
        return Segment.Reason.COMMAND_LINE;
      }
    }
    if (realBack) {
      return Segment.Reason.RUNTIME_RESET;
    }
    if (timeBack) {
      return Segment.Reason.TIME_BACKWARDS;
    }
    if (s.beforeNetworkTime() && !Double.isNaN(lastReal) && lastReal > 0) {
      // A 0.000000 snapshot is only ever written at startup (Q2).
      return Segment.Reason.RUNTIME_RESET;
    }
    if (countersDropped(s)) {
      return Segment.Reason.COUNTER_RESET;
    }
    return null;
  }

  /** Records the snapshot as the latest; {@code restart} when it starts a new segment. */
  void update(SnapshotData s, boolean restart) {
    seenAny = true;
    if (restart) {
      lastTime = 0;
      lastReal = Double.NaN;
      connsTotal.reset();
      expired.reset();
      lastComm = null;
    }
    if (!s.beforeNetworkTime()) {
      lastTime = Math.max(lastTime, s.timeMicros());
    }
    if (s.runTime() != null && !Double.isNaN(s.runTime().real())) {
      lastReal = s.runTime().real();
    }
    if (s.conns() != null) {
      connsTotal.next(s.conns().total());
    }
    if (s.expired() != Snapshot.ABSENT) {
      expired.next(s.expired());
    }
    if (s.comm() != null) {
      lastComm = s.comm();
    }
  }

  /** The unwrapped Conns total of the latest snapshot. */
  long connsTotal() {
    return connsTotal.value();
  }

  /** The unwrapped expired count of the latest snapshot. */
  long expired() {
    return expired.value();
  }

  private boolean countersDropped(SnapshotData s) {
    if (s.conns() != null && connsTotal.wouldDrop(s.conns().total())) {
      return true;
    }
    if (s.expired() != Snapshot.ABSENT && expired.wouldDrop(s.expired())) {
      return true;
    }
    Comm c = s.comm();
    Comm p = lastComm;
    return c != null && p != null
        && (c.eventsIn() < p.eventsIn() || c.eventsOut() < p.eventsOut()
            || c.logsIn() < p.logsIn() || c.logsOut() < p.logsOut());
  }
}
