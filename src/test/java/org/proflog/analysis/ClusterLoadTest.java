package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;

class ClusterLoadTest {
  static final int N = 60;

  /** A worker whose current connections rise by {@code risePerSnapshot} from 20,000, with 3 % noise. */
  static NodeSeries worker(String name, long seed, double risePerSnapshot) {
    NodeBuilder b = new NodeBuilder(name, 60, N, seed).era(Era.G9);
    b.put(Metric.CONNS_CURRENT, i -> (20_000 + risePerSnapshot * i) * (1 + 0.06 * (b.rnd.nextDouble() - 0.5)));
    b.put(Metric.CONNS_TOTAL, i -> 1000.0 * i);
    b.put(Metric.MEMORY_TOTAL, i -> 700_000);
    b.put(Metric.MEMORY_MALLOCED, i -> 0);
    return b.build();
  }

  /**
   * A manager (no connections of its own) whose peak RSS rises with the load of the workers, or
   * by {@code leakPerSnapshot} KiB a snapshot whatever they do.
   */
  static NodeSeries manager(double loadRisePerSnapshot, double leakPerSnapshot) {
    NodeBuilder b = new NodeBuilder("manager", 60, N, 9).era(Era.G9);
    double[] rss = new double[N];
    double max = 0;
    for (int i = 0; i < N; i++) {
      max = Math.max(max, 250_000 + 1.5 * loadRisePerSnapshot * i + leakPerSnapshot * i + b.noise(300));
      rss[i] = Math.rint(max);
    }
    b.put(Metric.CONNS_CURRENT, i -> 0);
    b.put(Metric.CONNS_TOTAL, i -> 0);
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]);
    b.put(Metric.MEMORY_MALLOCED, i -> 0);
    return b.build();
  }

  static List<Finding> judge(NodeSeries node, List<NodeSeries> cluster) {
    AnalysisOptions o = AnalysisOptions.defaults().withWarmupMicros(5 * 60_000_000L);
    return new MemoryGrowthDetector().detect(node, AnalysisContext.of(o, cluster));
  }

  @Test
  void aManagerThatFollowsTheWorkersLoadIsLoadFollowing() {
    // the workers' connections rise 30 %/h; the manager's peak RSS with them, about 3.6 %/h
    NodeSeries m = manager(100, 0);
    List<NodeSeries> cluster = List.of(m, worker("worker-1", 1, 100), worker("worker-2", 2, 100));
    assertThat(judge(m, cluster)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.explanation()).contains("the cluster's current connections");
      assertThat(f.evidence().extra().get("follows")).startsWith("conns.current summed over 2 other nodes (Spearman ");
      assertThat(f.evidence().extra()).doesNotContainKey("per work");
    });
    // judged alone it has no load to follow
    assertThat(judge(m, List.of(m))).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void aManagerThatGrowsWhileTheWorkersStayFlatIsALeak() {
    NodeSeries m = manager(0, 150);
    List<NodeSeries> cluster = List.of(m, worker("worker-1", 1, 0), worker("worker-2", 2, 0));
    assertThat(judge(m, cluster)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().extra()).doesNotContainKey("follows");
    });
  }

  @Test
  void theStandInSumsTheOtherNodesAtTheManagersSnapshots() {
    NodeSeries m = manager(0, 0);
    NodeSeries w1 = worker("worker-1", 1, 0);
    NodeSeries w2 = worker("worker-2", 2, 0);
    ClusterLoad.StandIn s = ClusterLoad.of(m, 0, List.of(m, w1, w2));
    assertThat(s.sources()).isEqualTo(2);
    Window sum = Window.of(s.node().get(Metric.CONNS_CURRENT), 0);
    Window a = Window.of(w1.get(Metric.CONNS_CURRENT), 0);
    Window b = Window.of(w2.get(Metric.CONNS_CURRENT), 0);
    assertThat(sum.size()).isEqualTo(N);
    for (int i = 0; i < N; i++) {
      assertThat(sum.value(i)).isEqualTo(a.value(i) + b.value(i));
    }
    // a worker has its own connections: no stand-in
    assertThat(ClusterLoad.of(w1, 0, List.of(m, w1, w2))).isNull();
    // nor is there one for a manager alone
    assertThat(ClusterLoad.of(m, 0, List.of(m))).isNull();
  }
}
