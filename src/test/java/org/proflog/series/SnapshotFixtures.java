package org.proflog.series;

import java.util.ArrayList;
import java.util.List;
import org.proflog.model.Comm;
import org.proflog.model.ConnProtocols;
import org.proflog.model.ConnSummary;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.GlobalSize;
import org.proflog.model.LegacyComm;
import org.proflog.model.Memory;
import org.proflog.model.RunTime;
import org.proflog.model.Snapshot;
import org.proflog.model.TcpStates;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;
import org.proflog.model.Timers;

/** Test-only builder of {@link Snapshot} records with plausible defaults. */
public final class SnapshotFixtures {

  private SnapshotFixtures() {}

  /** A cheap snapshot at {@code seconds} (network time), Run-time real = {@code real}. */
  public static Builder at(double seconds, double real) {
    return new Builder().time(seconds).real(real);
  }

  public static final class Builder {
    long line = 1;
    long timeMicros;
    String commandLine;
    boolean expensive;
    boolean partial;
    Memory memory = new Memory(200_000, 0, 50_000);
    RunTime runTime = new RunTime(0, 0, 0, 0);
    ConnSummary conns = new ConnSummary(0, 0, 0, Snapshot.ABSENT, true, 0, 0, 0, 0);
    ConnProtocols protocols = new ConnProtocols(0, 0, 0, 0, 0, 0);
    TcpStates tcp;
    long expired = 0;
    long reassembler = Snapshot.ABSENT;
    Timers timers = new Timers(10, 20, Snapshot.ABSENT, 0.0);
    List<TimerCount> timerCounts = new ArrayList<>();
    long threadsCurrent = 0;
    List<ThreadStats> threads = new ArrayList<>();
    Comm comm;
    LegacyComm legacyComm;
    List<GlobalSize> globals = new ArrayList<>();
    long globalsTotal = Snapshot.ABSENT;
    long tableEntries = Snapshot.ABSENT;
    long tableEntriesRecursive = Snapshot.ABSENT;
    List<GlobalFootprint> footprints = new ArrayList<>();

    public Builder time(double seconds) {
      timeMicros = Math.round(seconds * 1e6);
      return this;
    }

    Builder line(long l) {
      line = l;
      return this;
    }

    Builder real(double real) {
      runTime = new RunTime(real / 2, real / 3, real / 6, real);
      return this;
    }

    public Builder commandLine(String c) {
      commandLine = c;
      return this;
    }

    Builder expensive() {
      expensive = true;
      if (tableEntries == Snapshot.ABSENT) {
        tableEntries = 0;
        tableEntriesRecursive = 0;
      }
      return this;
    }

    Builder partial() {
      partial = true;
      return this;
    }

    public Builder memory(long totalK, long mallocedK) {
      memory = new Memory(totalK, 0, mallocedK);
      return this;
    }

    public Builder conns(long total) {
      conns = new ConnSummary(total, 5, 5, Snapshot.ABSENT, true, 0, 0, 0, 0);
      return this;
    }

    Builder expired(long e) {
      expired = e;
      return this;
    }

    Builder tcp(TcpStates t) {
      tcp = t;
      return this;
    }

    Builder lag(double lag) {
      timers = new Timers(timers.current(), timers.max(), timers.memK(), lag);
      return this;
    }

    Builder timer(String type, long count) {
      timerCounts.add(new TimerCount(type, count));
      return this;
    }

    public Builder thread(String name, int ordinal, long in, long out, long pendingIn, long pendingOut) {
      threads.add(new ThreadStats(name, ordinal, in, out, pendingIn, pendingOut, in, in, out, out));
      threadsCurrent = threads.size();
      return this;
    }

    Builder comm(long peers, long eventsIn, long eventsOut) {
      comm = new Comm(peers, 0, 0, eventsIn, eventsOut, 0, 0, 0, 0);
      return this;
    }

    Builder legacyComm(long peers, long reports) {
      legacyComm = new LegacyComm(peers, 0, 0, 0, 0, 0, reports, List.of());
      return this;
    }

    Builder global(String name, long sizeK, long entries) {
      expensive();
      globals.add(new GlobalSize(name, globals.size(), sizeK, entries, entries));
      return this;
    }

    /** An unnamed Zeek 5.1+ row. */
    Builder table(long entries) {
      expensive();
      globals.add(new GlobalSize(null, globals.size(), Snapshot.ABSENT, entries, entries));
      return this;
    }

    Builder footprint(String name, long footprint, long entries) {
      footprints.add(new GlobalFootprint(name, footprint, entries));
      return this;
    }

    Builder tableEntries(long a, long b) {
      tableEntries = a;
      tableEntriesRecursive = b;
      return this;
    }

    public Snapshot build() {
      return new Snapshot(line, timeMicros, commandLine, expensive, partial, 0, memory, runTime,
          conns, protocols, tcp, expired, reassembler, null, timers, null, null, timerCounts,
          threadsCurrent, threads, comm, legacyComm, globals, globalsTotal, tableEntries,
          tableEntriesRecursive, footprints);
    }
  }
}
