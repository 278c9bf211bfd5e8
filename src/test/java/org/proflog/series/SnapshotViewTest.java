package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.model.SnapshotData;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * Reading a file into series through the parser's views ({@link ProfLogReader#drainTo}) gives
 * exactly the series that reading Snapshot objects gives: every era's fixture, the real Zeek files,
 * pasted excerpts, and simulated runs of the eras with unnamed tables and legacy Broker rows. The
 * view itself reads as the snapshot built from it.
 */
class SnapshotViewTest {

  /** Every era's fixture, the real Zeek files and the pasted excerpts (under /formats/). */
  static Stream<String> fixtures() {
    return Stream.of(
        "g1/worker.prof.log", "g2/worker.prof.log", "g3/worker.prof.log", "g4/worker.prof.log",
        "g5/worker.prof.log", "g6/manager.prof.log", "g7/manager.prof.log", "g8/worker.prof.log",
        "g9/standalone.prof.log", "g6-real/live-healthy.prof.log", "g6-real/offline-default.prof.log",
        "g9-real/offline-default.prof.log", "seed/global-sizes.txt", "seed/reader-and-memory.txt",
        "seed/continued.txt", "seed/conns.txt", "seed/first-snapshot.txt");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixturesGiveTheSameSeries(String name) throws IOException {
    byte[] data;
    try (InputStream in = getClass().getResourceAsStream("/formats/" + name)) {
      data = in.readAllBytes();
    }
    assertSameSeries(data);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.4.1", "2.6.4", "5.0.10", "5.2.2", "6.2.1"})
  void simulatedRunsGiveTheSameSeries(String version) throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.RESTART, 4, 1800, version, 3).withInterval(15)
        .withCompanion(!version.startsWith("2."));
    for (String node : Simulator.nodeNames(4)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Simulator.writeNode(spec, node, out);
      assertSameSeries(out.toByteArray());
    }
  }

  private static void assertSameSeries(byte[] data) {
    SeriesBuilder pulled = new SeriesBuilder(new NodeId("n"));
    pulled.startFile("f");
    ProfLogReader a = new ProfLogReader(new ByteArrayInputStream(data), "f", ParseOptions.defaults());
    List<Snapshot> snapshots = new ArrayList<>();
    while (a.hasNext()) {
      Snapshot s = a.next();
      snapshots.add(s);
      pulled.accept(s);
    }

    SeriesBuilder viewed = new SeriesBuilder(new NodeId("n"));
    viewed.startFile("f");
    ProfLogReader b = new ProfLogReader(new ByteArrayInputStream(data), "f", ParseOptions.defaults());
    List<Snapshot> fromViews = new ArrayList<>();
    b.drainTo(v -> {
      fromViews.add(copy(v));
      viewed.accept(v);
    });

    assertThat(fromViews).isEqualTo(snapshots);
    assertThat(b.problemCount()).isEqualTo(a.problemCount());
    assertThat(b.era()).isEqualTo(a.era());
    NodeSeries x = pulled.build(a.era(), a.problemCount(), a.repairedLines());
    NodeSeries y = viewed.build(b.era(), b.problemCount(), b.repairedLines());
    assertThat(y.segments()).isEqualTo(x.segments());
    assertThat(y.series().keySet()).isEqualTo(x.series().keySet());
    for (Map.Entry<MetricKey, Series> e : x.series().entrySet()) {
      Series s = y.series().get(e.getKey());
      assertThat(s.times()).as("%s times", e.getKey()).isEqualTo(e.getValue().times());
      assertThat(s.values()).as("%s values", e.getKey()).isEqualTo(e.getValue().values());
      assertThat(s.segments()).as("%s segments", e.getKey()).isEqualTo(e.getValue().segments());
    }
  }

  /** A Snapshot made only through the view's accessors. */
  private static Snapshot copy(SnapshotData v) {
    List<org.proflog.model.TimerCount> timers = new ArrayList<>();
    for (int i = 0; i < v.timerRows(); i++) {
      timers.add(new org.proflog.model.TimerCount(v.timerType(i), v.timerCount(i)));
    }
    List<org.proflog.model.ThreadStats> threads = new ArrayList<>();
    for (int i = 0; i < v.threadRows(); i++) {
      threads.add(new org.proflog.model.ThreadStats(v.threadName(i), v.threadOrdinal(i),
          v.threadCounter(i, SnapshotData.IN), v.threadCounter(i, SnapshotData.OUT),
          v.threadCounter(i, SnapshotData.PENDING_IN), v.threadCounter(i, SnapshotData.PENDING_OUT),
          v.threadCounter(i, SnapshotData.IN_READS), v.threadCounter(i, SnapshotData.IN_WRITES),
          v.threadCounter(i, SnapshotData.OUT_READS), v.threadCounter(i, SnapshotData.OUT_WRITES)));
    }
    org.proflog.model.TcpStates tcp = null;
    if (v.hasTcpStates()) {
      long[] cells = new long[org.proflog.model.TcpStates.SIZE * org.proflog.model.TcpStates.SIZE];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = v.tcpCell(i);
      }
      tcp = new org.proflog.model.TcpStates(cells, v.tcpGlued());
    }
    return new Snapshot(v.line(), v.timeMicros(), v.commandLine(), v.expensive(), v.partial(),
        v.untimedLines(), v.memory(), v.runTime(), v.conns(),
        v.connProtocols(), tcp, v.expired(), v.reassemblerK(), v.ruleMatcher(), v.timers(), v.dns(),
        v.triggers(), timers, v.threadsCurrent(), threads, v.comm(), v.legacyComm(), v.globals(),
        v.globalSizesTotalK(), v.tableEntries(), v.tableEntriesRecursive(), v.footprints());
  }
}
