package org.proflog.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proflog.model.GlobalSize;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.model.ThreadStats;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;
import org.proflog.series.SeriesBuilder;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;
import org.proflog.simulate.WrittenSnapshot;
import org.proflog.simulate.ZeekVersion;

/**
 * Simulate, parse, build series: every value the simulator meant to write comes back exactly, for
 * one release of every era, every scenario, several seeds, and every node role.
 */
class RoundTripTest {
  static final String[] VERSIONS = {"2.0", "2.3.2", "2.4.2", "2.5.5", "2.6.4", "3.2.4", "5.0.10", "5.2.2", "6.2.1", "8.0.10"};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    long seed = 7;
    for (String v : VERSIONS) {
      for (Scenario sc : Scenario.values()) {
        ZeekVersion zv = ZeekVersion.parse(v);
        SimulationSpec probe;
        try {
          probe = SimulationSpec.of(sc, 5, 2400, v, seed);
        } catch (IllegalArgumentException e) {
          continue; // e.g. thread scenarios on Bro 2.0, which prints no thread rows
        }
        for (String node : Simulator.nodeNames(probe.nodes())) {
          out.add(Arguments.of(v, sc, seed++ % 5, node, zv.supportsCompanion() && seed % 2 == 0));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} seed {2} {3} companion={4}")
  @MethodSource("cases")
  void parsedValuesEqualWrittenValues(String version, Scenario scenario, long seed, String node, boolean companion) throws Exception {
    SimulationSpec spec = SimulationSpec.of(scenario, 5, 2400, version, seed).withInterval(15).withCompanion(companion);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<WrittenSnapshot> written = new ArrayList<>();
    Simulator.writeNode(spec, node, bytes, written::add);

    List<Snapshot> parsed = new ArrayList<>();
    SeriesBuilder builder = new SeriesBuilder(new NodeId(node));
    builder.startFile(node);
    try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(bytes.toByteArray()), node, ParseOptions.defaults().withStrict(true))) {
      while (r.hasNext()) {
        Snapshot s = r.next();
        parsed.add(s);
        builder.accept(s);
      }
      assertThat(r.problemCount()).isZero();
      // Bro 2.4 without Broker prints exactly the text of 2.1-2.3 (only the meaning of Memory
      // total changed), so the era read from the text may be the older one.
      assertThat(r.era()).isIn(textuallyEqualEras(ZeekVersion.parse(version).era()));
      NodeSeries ns = builder.build(r.era(), 0, 0);
      assertThat(ns.segments()).hasSize((int) written.stream().mapToInt(WrittenSnapshot::process).distinct().count());
      compareSeries(written, ns, ZeekVersion.parse(version).hasThreads());
    }

    assertThat(parsed).hasSameSizeAs(written);
    for (int i = 0; i < written.size(); i++) {
      WrittenSnapshot w = written.get(i);
      Snapshot s = parsed.get(i);
      String at = node + " snapshot " + i + " at " + w.tsMicros();
      assertThat(s.timeMicros()).as(at).isEqualTo(w.tsMicros());
      assertThat(s.expensive()).as(at).isEqualTo(w.expensive());
      assertThat(s.memory().totalK()).as(at).isEqualTo(w.totalK());
      assertThat(s.memory().mallocedK()).as(at).isEqualTo(w.mallocedK());
      assertThat(s.conns().total()).as(at).isEqualTo(w.connsTotal());
      assertThat(s.conns().currentSessions()).as(at).isEqualTo(w.connsCurrent());
      assertThat(s.timers().current()).as(at).isEqualTo(w.timersCurrent());
      assertThat(Math.round(s.timers().lagSeconds() * 100)).as(at).isEqualTo(w.lagCentis());
      assertThat(s.notTimerDriven()).as(at).isEqualTo(!w.kind().equals("timer"));
      assertThat(s.startsProcess()).as(at).isEqualTo(w.kind().equals("startup"));
      Map<String, ThreadStats> threads = new HashMap<>();
      for (ThreadStats t : s.threads()) {
        threads.putIfAbsent(t.name(), t);
      }
      boolean rows = ZeekVersion.parse(version).hasThreads();
      assertThat(threads.keySet()).as(at).containsExactlyInAnyOrderElementsOf(rows ? w.threads().keySet() : java.util.Set.of());
      for (Map.Entry<String, long[]> e : rows ? w.threads().entrySet() : java.util.Set.<Map.Entry<String, long[]>>of()) {
        ThreadStats t = threads.get(e.getKey());
        long[] c = e.getValue();
        assertThat(new long[] {t.inWrites(), t.inReads(), t.outWrites(), t.outReads()}).as(at + " " + e.getKey()).containsExactly(c);
        assertThat(t.pendingIn()).isEqualTo(c[0] - c[1]);
        assertThat(t.pendingOut()).isEqualTo(c[2] - c[3]);
      }
      if (w.expensive() && ZeekVersion.parse(version).era().namesGlobals()) {
        for (GlobalSize g : s.globals()) {
          if (g.isTable() && w.globals().containsKey(g.name())) {
            assertThat(g.entries()).as(at + " " + g.name()).isEqualTo(w.globals().get(g.name()));
          }
        }
      }
      if (companion && w.expensive()) {
        assertThat(s.footprints()).as(at).isNotEmpty();
      }
    }
  }

  private static List<org.proflog.model.Era> textuallyEqualEras(org.proflog.model.Era e) {
    return e == org.proflog.model.Era.G3 ? List.of(e, org.proflog.model.Era.G2) : List.of(e);
  }

  /** Series points (time 0 excluded) carry the written values. */
  private static void compareSeries(List<WrittenSnapshot> written, NodeSeries ns, boolean threadRows) {
    Series mem = ns.get(Metric.MEMORY_TOTAL);
    Series timers = ns.get(Metric.TIMERS_CURRENT);
    int j = 0;
    for (WrittenSnapshot w : written) {
      if (w.tsMicros() == 0) {
        continue;
      }
      assertThat(mem.time(j)).isEqualTo(w.tsMicros());
      assertThat((long) mem.value(j)).isEqualTo(w.totalK());
      assertThat((long) timers.value(j)).isEqualTo(w.timersCurrent());
      assertThat(mem.segmentOf(j)).isEqualTo(w.process());
      j++;
    }
    assertThat(j).isEqualTo(mem.size());
    // Bro 2.0 prints no thread rows, whatever threads the process has.
    for (String thread : threadRows ? written.get(written.size() - 1).threads().keySet() : java.util.Set.<String>of()) {
      Series pi = ns.get(MetricKey.of(Metric.THREAD_PENDING_IN, "thread", thread));
      assertThat(pi).as(thread).isNotNull();
    }
  }
}
