package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.proflog.model.Era;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  /**
   * A healthy worker over one day at 60 s: a daily load cycle that memory, timers and a per-connection
   * table follow, a sawtooth heap, a peak RSS that plateaus after warm-up, a table bounded by expiry
   * and writer threads that keep up.
   */
  static NodeSeries healthyWorker(String name, long seed) {
    int n = 1440;
    NodeBuilder b = new NodeBuilder(name, 60, n, seed).era(Era.G6).expensiveEvery(5);
    double[] conns = new double[n];
    for (int i = 0; i < n; i++) {
      conns[i] = 20_000 + 8_000 * Math.sin(2 * Math.PI * i / 1440.0) + b.noise(400);
    }
    double[] rss = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      double v = 1_500_000 * (1 - 0.6 * Math.exp(-i / 20.0)) + 20 * conns[i] * 0 + b.noise(2000);
      max = Math.max(max, v);
      rss[i] = Math.rint(max);
    }
    b.put(Metric.CONNS_CURRENT, i -> conns[i]);
    b.put(Metric.CONNS_TOTAL, i -> 300.0 * i);
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]);
    b.put(Metric.MEMORY_MALLOCED, i -> 600_000 + 10 * conns[i] + 5_000.0 * (i % 30) + b.noise(3000));
    b.put(Metric.TIMERS_CURRENT, i -> 1.3 * conns[i] + b.noise(200));
    b.put(Metric.TIMERS_LAG, i -> Math.abs(b.noise(0.02)));
    b.put(Metric.DNS_PENDING, i -> i % 7 == 0 ? 1 : 0);
    b.put(Metric.DNS_REQUESTS, i -> 5.0 * i);
    b.put(Metric.DNS_FAILED, i -> i / 100);
    b.put(Metric.TRIGGERS_PENDING, i -> 3 + (i % 4));
    b.put(Metric.COMM_PEERS, i -> 3);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::per_conn"), i -> 0.3 * conns[i]);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::recent"), i -> 400 + 3.0 * (i % 60));
    b.putExpensive(MetricKey.of(Metric.TABLES_ENTRIES), i -> 50_000 + 0.3 * conns[i] + b.noise(100));
    b.putExpensive(MetricKey.of(Metric.GLOBALS_TOTAL), i -> i < 30 ? 20_000 + 300.0 * i : 29_000 + b.noise(50));
    for (String t : new String[] {"conn/Log::WRITER_ASCII", "dns/Log::WRITER_ASCII", "http/Log::WRITER_ASCII"}) {
      b.thread(t, i -> 120.0 * i, i -> i % 50 == 0 ? 3 : 0, i -> 120.0 * i, i -> 2.0 * i, i -> 0, i -> 2.0 * i);
    }
    return b.build();
  }

  static NodeSeries leakingWorker(String name, long seed) {
    int n = 1440;
    NodeBuilder b = new NodeBuilder(name, 60, n, seed).era(Era.G6).expensiveEvery(5).restartAt(200);
    b.put(Metric.CONNS_CURRENT, i -> 20_000 + b.noise(400));
    b.put(Metric.CONNS_TOTAL, i -> 300.0 * (i < 200 ? i : i - 200));
    b.put(Metric.MEMORY_MALLOCED, i -> 600_000 + 400.0 * (i < 200 ? i : i - 200) + b.noise(3000));
    b.put(Metric.MEMORY_TOTAL, i -> 900_000 + 400.0 * (i < 200 ? i : i - 200));
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::seen"),
        i -> 200 + 0.2 * 300.0 * (i < 200 ? i : i - 200));
    return b.build();
  }

  @Test
  void healthyClusterHasNoWarnings() {
    List<NodeSeries> nodes = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      nodes.add(healthyWorker("worker-" + k, k));
    }
    List<Finding> f = new Analyzer(AnalysisOptions.defaults().withMemoryLimitKiB(16 << 20)).analyze(nodes);
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).as(x.toString()).isEqualTo(Severity.INFO));
  }

  @Test
  void findingsAreSortedAndIdsStable() {
    List<NodeSeries> nodes = List.of(healthyWorker("worker-2", 2), leakingWorker("worker-1", 1));
    Analyzer a = new Analyzer(AnalysisOptions.defaults());
    List<Finding> f = a.analyze(nodes);
    assertThat(f).isSortedAccordingTo(Analyzer.ORDER);
    assertThat(f.get(0).severity()).isGreaterThanOrEqualTo(Severity.WARNING);
    assertThat(f).anySatisfy(x -> {
      assertThat(x.kind()).isEqualTo(FindingKind.RESTART);
      assertThat(x.node()).isEqualTo("worker-1");
    });
    assertThat(f).anySatisfy(x -> {
      assertThat(x.kind()).isEqualTo(FindingKind.MEMORY_GROWTH);
      assertThat(x.segment()).isEqualTo(1);
    });
    assertThat(f).anySatisfy(x -> assertThat(x.id()).isEqualTo("state-growth:worker-1:MyScript::seen"));
    assertThat(new HashSet<>(f.stream().map(Finding::id).toList())).hasSize(f.size());
    for (Finding x : f) {
      assertThat(x.id()).isEqualTo(Finding.idOf(x.kind(), x.node(), x.subject()));
      assertThat(x.explanation()).isNotBlank();
      assertThat(x.nextStep()).isNotBlank();
    }
    // deterministic: same input, same output
    assertThat(a.analyze(nodes)).isEqualTo(f);
  }

  @Test
  void optionsAreValidated() {
    AnalysisOptions d = AnalysisOptions.defaults();
    assertThatThrownBy(() -> new AnalysisOptions(0, -1, 1.5, 1, 10, 100, 6, 24, 10, 2, 3.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.withMemoryLimitKiB(42).memoryLimitKiB()).isEqualTo(42);
    assertThat(d.withWarmupMicros(5).warmupOverrideMicros()).isEqualTo(5);
  }

  @Test
  void bundledZeekGlobalsKnowExpiries() {
    ZeekGlobals z = ZeekGlobals.bundled();
    assertThat(z.size()).isGreaterThan(300);
    assertThat(z.get("Known::certs").expireSeconds()).isEqualTo(86400);
    assertThat(z.get("Known::certs").expiry()).contains("&create_expire");
    assertThat(z.get("MyScript::nope")).isNull();
    // an &expire_func table takes the default its note names
    assertThat(z.get("Notice::suppressing").expireSeconds()).isEqualTo(3600);
    assertThat(z.get("Notice::suppressing").expiry()).contains("&expire_func");
    assertThat(ZeekGlobals.noteSeconds("default X = 10 mins")).isEqualTo(600);
    assertThat(ZeekGlobals.noteSeconds("no default here")).isZero();
  }
}
