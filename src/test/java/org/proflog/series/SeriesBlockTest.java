package org.proflog.series;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.SnapshotData;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * A builder that keeps its every-snapshot series in a {@link SeriesBlock} hands out exactly the
 * series that a builder adding each point to each series gives: same points, segments, compaction
 * factor, open latest point, limit, versions and change counts, at limits small enough that every
 * run compacts several times. Inputs: every era's fixture, the real Zeek files, pasted excerpts,
 * simulated restarts in several eras, and files made to break the block (series that stop, rows
 * that repeat or change order, a partial snapshot, a build in the middle of the reading).
 */
class SeriesBlockTest {

  private static final int[] LIMITS = {8, 13, 64, SeriesBuilder.DEFAULT_MAX_POINTS};

  @ParameterizedTest
  @MethodSource("org.proflog.series.SnapshotViewTest#fixtures")
  void fixturesGiveTheSameSeries(String name) throws IOException {
    byte[] data;
    try (InputStream in = getClass().getResourceAsStream("/formats/" + name)) {
      data = in.readAllBytes();
    }
    for (int limit : LIMITS) {
      assertSameSeries(data, limit);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.4.1", "2.6.4", "3.2.4", "5.0.10", "5.2.2", "6.2.1", "8.0.10"})
  void simulatedRunsGiveTheSameSeries(String version) throws IOException {
    for (Scenario scenario : new Scenario[] {Scenario.RESTART, Scenario.TABLE_LEAK, Scenario.SAWTOOTH}) {
      SimulationSpec spec;
      try {
        spec = SimulationSpec.of(scenario, 3, 3600, version, 5).withInterval(15);
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (String node : Simulator.nodeNames(3)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Simulator.writeNode(spec, node, out);
        for (int limit : LIMITS) {
          assertSameSeries(out.toByteArray(), limit);
        }
      }
    }
  }

  @Test
  void seriesThatStopRepeatOrMoveGiveTheSameSeries() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      long ts = 1_700_000_000L + 10L * i;
      String t = ts + ".000000 ";
      text.append(t).append("------------------------\n");
      text.append(t).append("Memory: total=").append(300_000 + i).append("K total_adj=0K malloced: 1000K\n");
      if (i % 7 != 0) { // a snapshot now and then without its Run-time line: those series stop
        text.append(t).append("Run-time: user+sys=").append(i).append(".0 user=1.0 sys=0.0 real=").append(2 * i).append(".0\n");
      }
      text.append(t).append("Timers: current=").append(50 + i % 5).append(" max=90 lag=0.00s\n");
      text.append(t).append("Triggers: total=0 pending=0\n");
      text.append(t).append("        ProfileTimer = 1\n");
      if (i >= 20 && i < 25) {
        text.append(t).append("        ProfileTimer = 2\n"); // the same type twice
      }
      text.append(t).append("        TableValTimer = ").append(24 + i).append('\n');
      text.append(t).append("Threads: current=2\n");
      String a = "  conn/Log::WRITER_ASCII in=" + (10 * i) + " out=0 pending=1/0 (#queue r/w: in=" + (10 * i - 1) + "/" + (10 * i) + " out=0/0)\n";
      String b = "  dns/Log::WRITER_ASCII in=" + (3 * i) + " out=0 pending=0/0 (#queue r/w: in=" + (3 * i) + "/" + (3 * i) + " out=0/0)\n";
      // from snapshot 30 on the rows come in the other order
      text.append(t).append(i < 30 ? a : b).append(t).append(i < 30 ? b : a);
      if (i == 33) {
        text.append(t).append("------------------------\n"); // a partial snapshot: memory only
        text.append(t.replace(".000000", ".500000")).append("Memory: total=1K total_adj=0K malloced: 1K\n");
      }
    }
    byte[] data = text.toString().getBytes(ISO_8859_1);
    for (int limit : LIMITS) {
      assertSameSeries(data, limit);
    }
  }

  @Test
  void aBuildInTheMiddleHandsOutTheSameSeriesAndReadingGoesOn() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.RESTART, 1, 3600, "6.2.1", 2).withInterval(15);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, Simulator.nodeNames(1).get(0), out);
    byte[] data = out.toByteArray();
    SeriesBuilder blocked = new SeriesBuilder(new NodeId("n"), 16, true);
    SeriesBuilder plain = new SeriesBuilder(new NodeId("n"), 16, false);
    int[] n = {0};
    read(data, s -> {
      blocked.accept(s);
      plain.accept(s);
      if (++n[0] % 50 == 0) {
        assertSame(plain.build(Era.UNKNOWN, 0, 0), blocked.build(Era.UNKNOWN, 0, 0), plain, blocked);
      }
    });
    assertThat(n[0]).isGreaterThan(100);
    assertSame(plain.build(Era.UNKNOWN, 0, 0), blocked.build(Era.UNKNOWN, 0, 0), plain, blocked);
  }

  @Test
  void aBlockHoldsMostSeriesUntilTheBuild() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.HEALTHY, 1, 600, "6.2.1", 2).withInterval(15);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, Simulator.nodeNames(1).get(0), out);
    SeriesBuilder b = new SeriesBuilder(new NodeId("n"), 64, true);
    read(out.toByteArray(), b::accept);
    assertThat(b.block()).isNotNull();
    int width = b.block().width();
    // memory, run time, connections, timers, DNS, triggers, threads and Broker: most of the series
    int series = b.build(Era.UNKNOWN, 0, 0).series().size();
    assertThat(width).isGreaterThan(series / 2).isLessThanOrEqualTo(series);
    assertThat(b.block()).isNull(); // the build handed every member its points
  }

  private static void read(byte[] data, Consumer<SnapshotData> sink) {
    try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(data), "n", ParseOptions.defaults())) {
      r.drainTo(sink);
      assertThat(r.problems()).as("a problem would hide a failure in the builder").isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertSameSeries(byte[] data, int limit) {
    SeriesBuilder blocked = new SeriesBuilder(new NodeId("n"), limit, true);
    SeriesBuilder plain = new SeriesBuilder(new NodeId("n"), limit, false);
    ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(data), "n", ParseOptions.defaults());
    r.drainTo(s -> {
      blocked.accept(s);
      plain.accept(s);
    });
    assertSame(plain.build(r.era(), 0, 0), blocked.build(r.era(), 0, 0), plain, blocked);
  }

  private static void assertSame(NodeSeries want, NodeSeries got, SeriesBuilder wb, SeriesBuilder gb) {
    assertThat(got.series().keySet()).containsExactlyElementsOf(want.series().keySet());
    for (Map.Entry<MetricKey, Series> e : want.series().entrySet()) {
      Series w = e.getValue();
      Series g = got.series().get(e.getKey());
      String at = e.getKey().toString();
      assertThat(g.times()).as(at).containsExactly(w.times());
      assertThat(g.values()).as(at).containsExactly(w.values());
      assertThat(g.segments()).as(at).containsExactly(w.segments());
      assertThat(g.compactionFactor()).as(at).isEqualTo(w.compactionFactor());
      assertThat(g.lastOpen()).as(at).isEqualTo(w.lastOpen());
      assertThat(g.version()).as(at).isEqualTo(w.version());
      assertThat(g.rewrites()).as(at).isEqualTo(w.rewrites());
    }
    assertThat(got.segments()).isEqualTo(want.segments());
    assertThat(gb.wholeChanges().count()).isEqualTo(wb.wholeChanges().count());
    assertThat(gb.wholeChanges().lastMicros()).isEqualTo(wb.wholeChanges().lastMicros());
  }
}
