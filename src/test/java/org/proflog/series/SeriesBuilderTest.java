package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proflog.series.SnapshotFixtures.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.model.TcpStates;

class SeriesBuilderTest {

  private static final double T0 = 1_700_000_000;

  private static NodeSeries build(Era era, Snapshot... snaps) {
    SeriesBuilder b = new SeriesBuilder(new NodeId("worker-1"));
    b.startFile("spool/worker-1/prof.log");
    for (Snapshot s : snaps) {
      b.accept(s);
    }
    return b.build(era, 0, 0);
  }

  private static List<Segment.Reason> reasons(NodeSeries ns) {
    return ns.segments().stream().map(Segment::reason).toList();
  }

  /**
   * A series rewritten at every build (memory unwrapped at 4 GiB in Bro 2.0-2.4, malloced without
   * its zeros from 5.2) has its original's whole points: its last point is open while the
   * original's is, and its compactions are the original's.
   */
  @Test
  void rewrittenSeriesHaveTheOriginalsWholePoints() {
    for (Era era : new Era[] {Era.G2, Era.G9}) {
      SeriesBuilder b = new SeriesBuilder(new NodeId("worker-1"), 16);
      b.startFile("prof.log");
      int opened = 0;
      for (int i = 0; i < 60; i++) {
        // malloced drops to 0 for a while: those snapshots are left out of its rewrite
        b.accept(at(T0 + 10 * i, 1 + 10 * i).memory(300 + i, i >= 40 && i < 48 ? 0 : 40 + i).conns(10).build());
        NodeSeries ns = b.build(era, 0, 0);
        Series total = ns.get(Metric.MEMORY_TOTAL);
        Series conns = ns.get(Metric.CONNS_CURRENT);
        assertThat(total.lastOpen()).as("%s after %d", era, i + 1).isEqualTo(conns.lastOpen());
        assertThat(total.rewrites()).isEqualTo(conns.rewrites());
        opened += total.lastOpen() ? 1 : 0;
        Series malloced = ns.get(Metric.MEMORY_MALLOCED);
        if (malloced != null && !malloced.isEmpty()) {
          // open only while it holds the original's open point, which a zero left out is not
          boolean keptLast = malloced.time(malloced.size() - 1) == conns.time(conns.size() - 1);
          assertThat(malloced.lastOpen()).as("%s after %d", era, i + 1).isEqualTo(keptLast && conns.lastOpen());
        }
      }
      assertThat(opened).as("%s: open points were seen", era).isGreaterThan(10);
    }
  }

  @Test
  void buildingAfterEverySnapshotGivesWhatOneBuildAtTheEndGives() {
    for (Era era : new Era[] {Era.G2, Era.G6, Era.G9}) {
      Snapshot[] snaps = {
          at(T0, 1).memory(300, 0).conns(10).build(),
          at(T0 + 10, 11).memory(310, 0).conns(20).build(),
          // a thread appears, malloced starts to count (a 4 GiB wrap for G2)
          at(T0 + 20, 21).memory(320, 40).thread("conn/Log::WRITER_ASCII", 0, 5, 1, 0, 0).build(),
          at(T0 + 30, 31).memory(330, 0).conns(25).build(),
          at(T0 + 40, 41).memory(5, 45).thread("conn/Log::WRITER_ASCII", 0, 9, 2, 0, 0).build()};
      SeriesBuilder live = new SeriesBuilder(new NodeId("worker-1"));
      live.startFile("spool/worker-1/prof.log");
      NodeSeries previous = null;
      for (int i = 0; i < snaps.length; i++) {
        live.accept(snaps[i]);
        NodeSeries now = live.build(era, 0, 0);
        NodeSeries once = build(era, java.util.Arrays.copyOf(snaps, i + 1));
        assertThat(now.series().keySet()).as("%s after %d", era, i + 1).containsExactlyElementsOf(once.series().keySet());
        for (MetricKey k : once.series().keySet()) {
          assertThat(now.get(k).times()).as("%s %s", era, k).containsExactly(once.get(k).times());
          assertThat(now.get(k).values()).as("%s %s", era, k).containsExactly(once.get(k).values());
        }
        if (previous != null && previous.series().keySet().equals(now.series().keySet())
            && era != Era.G9 && era != Era.G2) {
          // nothing rewritten and no new series: the sorted map of the previous build is reused
          assertThat(now.series()).isSameAs(previous.series());
        }
        previous = now;
      }
    }
  }

  @Test
  void oneProcessIsOneSegment() {
    NodeSeries ns = build(Era.G6,
        at(0, 0).commandLine("zeek -i eth0").build(),
        at(T0, 1).conns(10).build(),
        at(T0 + 10, 11).conns(20).build(),
        at(T0 + 20, 21).conns(35).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST);
    Segment s = ns.segments().get(0);
    assertThat(s.snapshots()).isEqualTo(4);
    assertThat(s.commandLine()).isEqualTo("zeek -i eth0");
    assertThat(s.startMicros()).isEqualTo((long) (T0 * 1e6));
    assertThat(s.endMicros()).isEqualTo((long) ((T0 + 20) * 1e6));
    assertThat(ns.snapshots()).isEqualTo(4);
    assertThat(ns.startMicros()).isEqualTo((long) (T0 * 1e6));
  }

  @Test
  void aLiveBuilderReportsTheOpenSegmentAsItIsAtEachBuild() {
    SeriesBuilder b = new SeriesBuilder(new NodeId("worker-1"));
    b.startFile("prof.log");
    b.accept(at(0, 0).commandLine("zeek -i eth0").build());
    b.accept(at(T0, 1).conns(10).build());
    assertThat(b.build(Era.G6, 0, 0).segments().get(0).snapshots()).isEqualTo(2);
    b.accept(at(T0 + 10, 11).conns(20).build());
    NodeSeries later = b.build(Era.G6, 0, 0);
    assertThat(later.segments()).hasSize(1);
    assertThat(later.segments().get(0).snapshots()).isEqualTo(3);
    assertThat(later.segments().get(0).endMicros()).isEqualTo((long) ((T0 + 10) * 1e6));
  }

  @Test
  void timeZeroSnapshotGivesNoPointsButCounts() {
    NodeSeries ns = build(Era.G6,
        at(0, 0).commandLine("zeek -i eth0").memory(100, 50).build(),
        at(T0, 1).memory(200, 60).build());
    Series mem = ns.get(Metric.MEMORY_TOTAL);
    assertThat(mem.size()).isEqualTo(1);
    assertThat(mem.time(0)).isEqualTo((long) (T0 * 1e6));
    assertThat(mem.value(0)).isEqualTo(200);
    assertThat(ns.snapshots()).isEqualTo(2);
    assertThat(ns.segments().get(0).snapshots()).isEqualTo(2);
  }

  @Test
  void restartByCommandLine() {
    NodeSeries ns = build(Era.G6,
        at(T0, 0).commandLine("zeek a").build(),
        at(T0 + 10, 10).build(),
        at(T0 + 20, 0).commandLine("zeek b").line(40).build(),
        at(T0 + 30, 10).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COMMAND_LINE);
    Segment second = ns.segments().get(1);
    assertThat(second.commandLine()).isEqualTo("zeek b");
    assertThat(second.line()).isEqualTo(40);
    assertThat(second.snapshots()).isEqualTo(2);
    assertThat(ns.get(Metric.RUNTIME_REAL).segments()).containsExactly(0, 0, 1, 1);
  }

  @Test
  void repeatedCommandLineWithRunTimeContinuingIsNotARestart() {
    // Q11: the block repeats in every snapshot when the first memory probe returned 0.
    NodeSeries ns = build(Era.G6,
        at(T0, 0).commandLine("zeek").build(),
        at(T0 + 10, 10).commandLine("zeek").build(),
        at(T0 + 20, 20).commandLine("zeek").build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST);
  }

  @Test
  void restartByRunTimeReset() {
    NodeSeries ns = build(Era.G6,
        at(T0, 100).build(),
        at(T0 + 10, 110).build(),
        at(T0 + 20, 0.0).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.RUNTIME_RESET);
  }

  @Test
  void restartByTimeGoingBackwards() {
    NodeSeries ns = build(Era.G6,
        at(T0 + 100, 100).build(),
        at(T0 + 110, 110).build(),
        at(T0 + 50, 120).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.TIME_BACKWARDS);
  }

  @Test
  void smallBackwardsJitterIsTolerated() {
    NodeSeries ns = build(Era.G6,
        at(T0 + 100, 100).build(),
        at(T0 + 99.5, 110).build());
    assertThat(ns.segments()).hasSize(1);
  }

  @Test
  void restartByCounterDrop() {
    NodeSeries ns = build(Era.G7,
        at(T0, 100).conns(5000).build(),
        at(T0 + 10, 110).conns(6000).build(),
        at(T0 + 20, 120).conns(30).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COUNTER_RESET);
  }

  @Test
  void expiredDropIsARestart() {
    NodeSeries ns = build(Era.G7,
        at(T0, 100).expired(900).build(),
        at(T0 + 10, 110).expired(20).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COUNTER_RESET);
  }

  @Test
  void brokerCounterDropIsARestart() {
    NodeSeries ns = build(Era.G7,
        at(T0, 100).comm(3, 5000, 4000).build(),
        at(T0 + 10, 110).comm(3, 10, 4100).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COUNTER_RESET);
  }

  @Test
  void thirtyTwoBitWrapIsNotARestartAndIsUnwrapped() {
    // Bro 2.4 prints Conns total with %d: negative past 2^31, back to 0 past 2^32.
    NodeSeries ns = build(Era.G3,
        at(T0, 100).conns(2_147_483_000L).build(),
        at(T0 + 10, 110).conns(-2_147_483_000L).build(),
        at(T0 + 20, 120).conns(-100).build(),
        at(T0 + 30, 130).conns(500).build());
    assertThat(ns.segments()).hasSize(1);
    assertThat(ns.get(Metric.CONNS_TOTAL).values())
        .containsExactly(2_147_483_000d, 2_147_484_296d, 4_294_967_196d, 4_294_967_796d);
  }

  @Test
  void rotatedFileContinuingTheProcessIsNotARestart() {
    SeriesBuilder b = new SeriesBuilder(new NodeId("worker-1"));
    b.startFile("prof.log.1");
    b.accept(at(0, 0).commandLine("zeek").build());
    b.accept(at(T0, 1).conns(10).build());
    b.accept(at(T0 + 10, 11).conns(20).build());
    b.startFile("prof.log");
    b.accept(at(T0 + 20, 21).conns(30).build());
    NodeSeries ns = b.build(Era.G6, 0, 0);
    assertThat(ns.segments()).hasSize(1);
    assertThat(ns.files()).containsExactly("prof.log.1", "prof.log");
    assertThat(ns.get(Metric.CONNS_TOTAL).size()).isEqualTo(3);
  }

  @Test
  void newFileStartingWithCommandLineIsARestartEvenIfTimeMovesOn() {
    SeriesBuilder b = new SeriesBuilder(new NodeId("manager"));
    b.startFile("a/prof.log");
    b.accept(at(T0, 0).commandLine("zeek").build());
    b.accept(at(T0 + 10, 10).build());
    b.startFile("b/prof.log");
    b.accept(at(T0 + 20, 30).commandLine("zeek").build());
    NodeSeries ns = b.build(Era.G6, 0, 0);
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COMMAND_LINE);
    assertThat(ns.segments().get(1).file()).isEqualTo("b/prof.log");
  }

  @Test
  void timeZeroSnapshotAfterDataStartsASegment() {
    NodeSeries ns = build(Era.G6,
        at(T0, 10).build(),
        at(0, 0).build(),
        at(T0 + 100, 1).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.RUNTIME_RESET);
    assertThat(ns.segments().get(1).startMicros()).isEqualTo((long) ((T0 + 100) * 1e6));
  }

  @Test
  void lagOnlyWhereMeaningful() {
    NodeSeries ns = build(Era.G6,
        at(0, 0).commandLine("zeek").timer("ProfileTimer", 1).lag(0).build(),
        at(T0, 1).lag(T0 - 1).build(), // first timer-driven snapshot: lag ~ the epoch time
        at(T0 + 10, 11).lag(0.5).build(),
        at(T0 + 20, 21).lag(2.5).build(),
        at(T0 + 25, 26).timer("ProfileTimer", 1).lag(T0 + 25).build());
    Series lag = ns.get(Metric.TIMERS_LAG);
    assertThat(lag.values()).containsExactly(0.5, 2.5);
    assertThat(ns.get(Metric.TIMERS_CURRENT).size()).isEqualTo(4);
  }

  @Test
  void mallocedZerosDroppedFromZeek52() {
    Snapshot a = at(T0, 1).memory(300, 0).build();
    Snapshot b = at(T0 + 10, 11).memory(310, 0).build();
    assertThat(build(Era.G9, a, b).get(Metric.MEMORY_MALLOCED)).isNull();
    assertThat(build(Era.G9, a, b).get(Metric.MEMORY_TOTAL).size()).isEqualTo(2);
    assertThat(build(Era.G7, a, b).get(Metric.MEMORY_MALLOCED).size()).isEqualTo(2);
  }

  @Test
  void duplicateThreadNamesGetAnOrdinalLabel() {
    NodeSeries ns = build(Era.G6,
        at(T0, 1).thread("conn/Log::WRITER_ASCII", 0, 10, 5, 0, 0)
            .thread("conn/Log::WRITER_ASCII", 1, 20, 6, 3, 0).build(),
        at(T0 + 10, 11).thread("conn/Log::WRITER_ASCII", 0, 15, 7, 0, 0)
            .thread("conn/Log::WRITER_ASCII", 1, 30, 8, 4, 0).build());
    Series first = ns.get(MetricKey.of(Metric.THREAD_IN, "thread", "conn/Log::WRITER_ASCII"));
    Series second = ns.get(
        MetricKey.of(Metric.THREAD_IN, "n", "1", "thread", "conn/Log::WRITER_ASCII"));
    assertThat(first.values()).containsExactly(10, 15);
    assertThat(second.values()).containsExactly(20, 30);
    assertThat(ns.get(MetricKey.of(
        Metric.THREAD_PENDING_IN, "n", "1", "thread", "conn/Log::WRITER_ASCII")).values())
        .containsExactly(3, 4);
    assertThat(ns.threadNames()).containsExactly("conn/Log::WRITER_ASCII");
    assertThat(ns.get(Metric.THREADS_CURRENT).values()).containsExactly(2, 2);
  }

  @Test
  void commAndLegacyComm() {
    NodeSeries modern = build(Era.G7, at(T0, 1).comm(3, 100, 200).build());
    assertThat(modern.get(Metric.COMM_PEERS).last()).isEqualTo(3);
    assertThat(modern.get(Metric.COMM_EVENTS_OUT).last()).isEqualTo(200);
    NodeSeries legacy = build(Era.G4, at(T0, 1).legacyComm(2, 17).build());
    assertThat(legacy.get(Metric.COMM_PEERS).last()).isEqualTo(2);
    assertThat(legacy.get(Metric.COMM_EVENTS_IN)).isNull();
  }

  @Test
  void namedGlobalsAndCompanionFootprints() {
    NodeSeries ns = build(Era.G7,
        at(T0, 1).build(),
        at(T0 + 10, 11).global("Known::hosts", 300, 1500).global("Site::local_nets", 120,
            Snapshot.ABSENT).footprint("Known::hosts", 4000, 1499)
            .footprint("My::table", 900, 450).build(),
        at(T0 + 20, 21).global("Known::hosts", 310, 1600).build());
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_SIZE, "name", "Known::hosts")).values())
        .containsExactly(300, 310);
    // the named row wins over the companion line for entries
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Known::hosts")).values())
        .containsExactly(1500, 1600);
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Site::local_nets"))).isNull();
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_SIZE, "name", "Site::local_nets")).size())
        .isEqualTo(1);
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_FOOTPRINT, "name", "My::table")).last())
        .isEqualTo(900);
    assertThat(ns.get(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "My::table")).last())
        .isEqualTo(450);
    assertThat(ns.globalNames()).containsExactly("Known::hosts", "My::table", "Site::local_nets");
    assertThat(ns.expensiveSnapshots()).isEqualTo(2);
    assertThat(ns.expensiveTimes())
        .containsExactly((long) ((T0 + 10) * 1e6), (long) ((T0 + 20) * 1e6));
    assertThat(ns.unnamedTableRows()).isFalse();
  }

  @Test
  void unnamedTablesTrackedAcrossShifts() {
    NodeSeries ns = build(Era.G9,
        at(T0, 1).table(500).table(1000).tableEntries(1500, 1500).build(),
        at(T0 + 10, 11).table(510).table(100).table(1020).tableEntries(1630, 1630).build(),
        at(T0 + 20, 21).build(),
        at(T0 + 30, 31).table(520).table(1040).tableEntries(1560, 1560).build());
    assertThat(ns.unnamedTableRows()).isTrue();
    assertThat(ns.get(MetricKey.of(Metric.TABLE_ENTRIES, "table", "#1")).values())
        .containsExactly(500, 510, 520);
    assertThat(ns.get(MetricKey.of(Metric.TABLE_ENTRIES, "table", "#2")).values())
        .containsExactly(1000, 1020, 1040);
    assertThat(ns.get(MetricKey.of(Metric.TABLE_ENTRIES, "table", "#3")).values())
        .containsExactly(100);
    assertThat(ns.get(MetricKey.of(Metric.TABLE_ENTRIES_RECURSIVE, "table", "#3")).values())
        .containsExactly(100);
    assertThat(ns.get(Metric.TABLES_ENTRIES).values()).containsExactly(1500, 1630, 1560);
  }

  @Test
  void tcpStateCellsFromFirstNonZero() {
    long[] a = new long[49];
    long[] b = new long[49];
    b[4 * 7 + 4] = 12; // Est./Est.
    long[] glued = new long[49];
    glued[0] = 123456785;
    NodeSeries ns = build(Era.G6,
        at(T0, 1).tcp(new TcpStates(a, false)).build(),
        at(T0 + 10, 11).tcp(new TcpStates(b, false)).build(),
        at(T0 + 20, 21).tcp(new TcpStates(a, false)).build(),
        at(T0 + 30, 31).tcp(new TcpStates(glued, true)).build());
    Series est = ns.get(MetricKey.of(Metric.TCP_STATE, "orig", "Est.", "resp", "Est."));
    assertThat(est.values()).containsExactly(12, 0);
    assertThat(ns.series().keySet().stream().filter(k -> k.metric() == Metric.TCP_STATE))
        .hasSize(1);
  }

  @Test
  void partialSnapshotsCounted() {
    NodeSeries ns = build(Era.G6, at(T0, 1).build(), at(T0 + 10, 11).partial().build());
    assertThat(ns.partialSnapshots()).isEqualTo(1);
  }

  @Test
  void timerTypesAndSeriesSorted() {
    NodeSeries ns = build(Era.G6,
        at(T0, 1).timer("ScheduleTimer", 3).timer("ConnectionInactivityTimer", 9).build());
    assertThat(ns.get(MetricKey.of(Metric.TIMER_COUNT, "type", "ScheduleTimer")).last())
        .isEqualTo(3);
    List<MetricKey> keys = List.copyOf(ns.series().keySet());
    assertThat(keys).isSorted();
  }

  @Test
  void workerRestartInTheSameTruncatedFile() {
    // Supervisor: the restarted worker reopens the same prof.log; its startup snapshot is at 0.
    NodeSeries ns = build(Era.G8,
        at(0, 0).commandLine("zeek -i eth0").line(1).build(),
        at(T0, 1).conns(100).build(),
        at(T0 + 10, 11).conns(200).build(),
        at(0, 0).commandLine("zeek -i eth0").line(90).build(),
        at(T0 + 100, 1).conns(5).build());
    assertThat(reasons(ns)).containsExactly(Segment.Reason.FIRST, Segment.Reason.COMMAND_LINE);
    Segment second = ns.segments().get(1);
    assertThat(second.line()).isEqualTo(90);
    assertThat(second.snapshots()).isEqualTo(2);
    assertThat(second.startMicros()).isEqualTo((long) ((T0 + 100) * 1e6));
    assertThat(ns.get(Metric.CONNS_TOTAL).values()).containsExactly(100, 200, 5);
    assertThat(ns.get(Metric.CONNS_TOTAL).segments()).containsExactly(0, 0, 1);
  }

  @Test
  void segmentOfOnlyTheStartupSnapshotDoesNotPullStartToZero() {
    NodeSeries ns = build(Era.G8,
        at(T0, 5).build(),
        at(0, 0).commandLine("zeek -i eth0").build());
    assertThat(ns.segments()).hasSize(2);
    assertThat(ns.segments().get(1).startMicros()).isZero();
    assertThat(ns.startMicros()).isEqualTo((long) (T0 * 1e6));
  }

  @Test
  void expiredWrapIsUnwrapped() {
    NodeSeries ns = build(Era.G2,
        at(T0, 1).expired(4_294_967_000L - 4_294_967_296L).build(), // printed signed: -296
        at(T0 + 10, 11).expired(700).build());
    assertThat(ns.segments()).hasSize(1);
    assertThat(ns.get(Metric.CONNS_EXPIRED).values()).containsExactly(4_294_967_000d,
        4_294_967_996d);
  }

  @Test
  void memoryWrapsUnwrapped() {
    long kib4g = 4L * 1024 * 1024;
    NodeSeries old = build(Era.G3,
        at(T0, 1).memory(kib4g - 1000, 100).build(),
        at(T0 + 10, 11).memory(5000, 100).build(),
        at(T0 + 20, 0).memory(6000, 100).build()); // restart: no carry-over
    assertThat(old.get(Metric.MEMORY_TOTAL).values())
        .containsExactly(kib4g - 1000, kib4g + 5000, 6000);
    NodeSeries later = build(Era.G7, at(T0, 1).memory(kib4g - 1000, 100).build(),
        at(T0 + 10, 11).memory(5000, (1L << 54) - 1024 * 1024).build());
    assertThat(later.get(Metric.MEMORY_TOTAL).values()).containsExactly(kib4g - 1000, 5000);
    // mallinfo's int at 3 GiB printed as 2^54 - 1 GiB (in KiB)
    assertThat(later.get(Metric.MEMORY_MALLOCED).values()).containsExactly(100, 3 * 1024 * 1024);
  }
}
