package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.junit.jupiter.api.Test;

/** Timer lag / growth, connection state, dns, triggers, comm, restart and cluster outliers. */
class OtherDetectorsTest {
  private static List<Finding> run(Detector d, NodeSeries n) {
    return d.detect(n, AnalysisContext.of(AnalysisOptions.defaults(), List.of(n)));
  }

  private static NodeBuilder node(long seed) {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 400, seed);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + b.noise(200));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    return b;
  }

  @Test
  void risingTimerLag() {
    NodeBuilder b = node(1);
    b.put(Metric.TIMERS_LAG, i -> 0.05 * i + Math.abs(b.noise(0.1)));
    assertThat(run(new TimerLagDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.TIMER_LAG));
  }

  @Test
  void smallLagAndShutdownLagAreHealthy() {
    NodeBuilder b = node(2);
    int last = b.n - 1;
    // at shutdown lag equals the timestamp
    b.put(Metric.TIMERS_LAG, i -> i == last ? 1.7e9 : Math.abs(b.noise(0.05)));
    assertThat(run(new TimerLagDetector(), b.build())).isEmpty();
  }

  @Test
  void timerGrowthNamesTheType() {
    NodeBuilder b = node(3);
    b.put(Metric.TIMERS_CURRENT, i -> 6000 + 10.0 * i + b.noise(50));
    b.put(MetricKey.of(Metric.TIMER_COUNT, "type", "ScheduleTimer"), i -> 100 + 10.0 * i);
    b.put(MetricKey.of(Metric.TIMER_COUNT, "type", "ConnectionInactivityTimer"), i -> 5000 + b.noise(50));
    assertThat(run(new TimerGrowthDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.evidence().extra().get("growing timer type")).startsWith("ScheduleTimer"));
  }

  @Test
  void timersFollowingConnectionsAreHealthy() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 400, 4);
    double[] c = new double[400];
    for (int i = 0; i < 400; i++) {
      c[i] = 3000 + 10.0 * i + b.noise(100);
    }
    b.put(Metric.CONNS_CURRENT, i -> c[i]);
    b.put(Metric.TIMERS_CURRENT, i -> 1.2 * c[i] + b.noise(30));
    assertThat(run(new TimerGrowthDetector(), b.build())).isEmpty();
  }

  @Test
  void connectionsGrowingAtFlatRateIsConnectionState() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 400, 5);
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + 20.0 * i + b.noise(100));
    assertThat(run(new ConnectionStateDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("conns.current"));
  }

  /**
   * The same flat-rate growth in a process's first minutes (5 s snapshots): its connection table is
   * filling until the first connections time out, an info that says so; ten minutes in it is a
   * warning.
   */
  @Test
  void connectionsGrowingInTheFirstMinutesAreFillingUp() {
    NodeBuilder young = new NodeBuilder("worker-1", 5, 100, 5); // 8 min 15 s
    young.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    young.put(Metric.CONNS_CURRENT, i -> 5000 + 20.0 * i + young.noise(100));
    assertThat(run(new ConnectionStateDetector(), young.build())).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.explanation()).contains("had run for only 8 min").contains("not yet judgeable");
      assertThat(f.evidence().slope()).isPositive();
    });
    NodeBuilder older = new NodeBuilder("worker-1", 5, 130, 5); // 10 min 45 s
    older.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    older.put(Metric.CONNS_CURRENT, i -> 5000 + 20.0 * i + older.noise(100));
    assertThat(run(new ConnectionStateDetector(), older.build())).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void connectionsGrowingWithTheConnectionRateAreLoad() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 400, 6);
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i + 0.5 * i * i);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + 20.0 * i + b.noise(100));
    assertThat(run(new ConnectionStateDetector(), b.build())).isEmpty();
  }

  /**
   * Bursts of traffic (every 15 minutes, doubling the live connections, draining in a few) are
   * load, even when the data ends at the top of one; state that is never expired raises the
   * troughs between them.
   */
  @Test
  void connectionBurstsAreLoadRisingTroughsAreNot() {
    NodeBuilder bursty = new NodeBuilder("worker-1", 60, 90, 8);
    bursty.put(Metric.CONNS_TOTAL, i -> 1000.0 * i);
    bursty.put(Metric.CONNS_CURRENT, i -> 2000 * (1 + burst(i)) + bursty.noise(60));
    assertThat(run(new ConnectionStateDetector(), bursty.build())).isEmpty();
    NodeBuilder leaking = new NodeBuilder("worker-1", 60, 90, 8);
    leaking.put(Metric.CONNS_TOTAL, i -> 1000.0 * i);
    leaking.put(Metric.CONNS_CURRENT, i -> (2000 + 15.0 * i) * (1 + burst(i)) + leaking.noise(60));
    assertThat(run(new ConnectionStateDetector(), leaking.build())).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().method()).endsWith("on lower envelope");
    });
  }

  /** 1 at a burst's top (every 15 snapshots, the last one at the last snapshot but one), decaying. */
  private static double burst(int i) {
    int e = (i + 2) % 15;
    return e < 4 ? Math.exp(-e) : 0;
  }

  @Test
  void dnsPendingStuck() {
    NodeBuilder b = node(7);
    b.put(Metric.DNS_PENDING, i -> i < 200 ? (i % 5 == 0 ? 1 : 0) : 12);
    b.put(Metric.DNS_REQUESTS, i -> 10.0 * i);
    b.put(Metric.DNS_FAILED, i -> 0);
    assertThat(run(new DnsDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("dns.pending"));
  }

  @Test
  void dnsFailuresRising() {
    NodeBuilder b = node(8);
    b.put(Metric.DNS_PENDING, i -> 0);
    b.put(Metric.DNS_REQUESTS, i -> 10.0 * i);
    b.put(Metric.DNS_FAILED, i -> i < 200 ? 0 : 5.0 * (i - 200));
    assertThat(run(new DnsDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("dns.failed"));
  }

  @Test
  void pendingTriggersAccumulate() {
    NodeBuilder b = node(9);
    b.put(Metric.TRIGGERS_PENDING, i -> 3.0 * i + b.noise(2));
    assertThat(run(new TriggersDetector(), b.build())).hasSize(1);
    NodeBuilder h = node(10);
    h.put(Metric.TRIGGERS_PENDING, i -> 20 + b.noise(5));
    assertThat(run(new TriggersDetector(), h.build())).isEmpty();
  }

  @Test
  void peersDroppingMidSegmentButNotAtShutdown() {
    NodeBuilder b = node(11);
    b.put(Metric.COMM_PEERS, i -> i < 200 ? 5 : 3);
    assertThat(run(new CommDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    NodeBuilder s = node(12);
    int last = s.n - 1;
    s.put(Metric.COMM_PEERS, i -> i == last ? 1 : 5);
    assertThat(run(new CommDetector(), s.build())).isEmpty();
  }

  @Test
  void eventsInAndOutDiverging() {
    NodeBuilder b = node(13);
    b.put(Metric.COMM_EVENTS_IN, i -> 50.0 * i);
    b.put(Metric.COMM_EVENTS_OUT, i -> 40.0 * Math.min(i, 150));
    assertThat(run(new CommDetector(), b.build())).singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("comm.events"));
  }

  @Test
  void oneWarningPerRestartWithReason() {
    NodeBuilder b = node(14).restartAt(100).restartAt(300);
    List<Finding> f = run(new RestartDetector(), b.build());
    assertThat(f).hasSize(2).allSatisfy(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.evidence().extra().get("reason")).isEqualTo("new Command line block");
    });
    assertThat(f).extracting(Finding::segment).containsExactly(1, 2);
    assertThat(f).extracting(Finding::id).doesNotHaveDuplicates();
    assertThat(f).extracting(Finding::subject).containsExactly("segment 1", "process");
  }

  @Test
  void clusterOutlierNeedsThreePeers() {
    List<NodeSeries> nodes = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      double level = k == 3 ? 4_000_000 : 1_000_000 + 20_000 * k;
      NodeBuilder b = new NodeBuilder("worker-" + k, 15, 50, k);
      b.put(Metric.MEMORY_TOTAL, i -> level);
      nodes.add(b.build());
    }
    List<Finding> f = new ClusterOutlierDetector().detect(nodes, AnalysisOptions.defaults());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.node()).isEqualTo("worker-3");
      assertThat(x.kind()).isEqualTo(FindingKind.CLUSTER_OUTLIER);
    });
    assertThat(new ClusterOutlierDetector().detect(nodes.subList(1, 4), AnalysisOptions.defaults())).isEmpty();
  }

  @Test
  void offlineRunsGiveNoLagOrConnectionStateWarning() {
    NodeBuilder b = node(21).commandLine("zeek -r trace.pcap local");
    b.put(Metric.TIMERS_LAG, i -> 30.0 + i);
    b.put(Metric.CONNS_CURRENT, i -> 100.0 + 50.0 * i);
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    NodeSeries n = b.build();
    assertThat(run(new TimerLagDetector(), n)).isEmpty();
    assertThat(run(new ConnectionStateDetector(), n)).isEmpty();
    // the same data from a live process is a warning
    NodeBuilder live = node(21).commandLine("zeek -i eth0 local");
    live.put(Metric.TIMERS_LAG, i -> 30.0 + i);
    assertThat(run(new TimerLagDetector(), live.build())).isNotEmpty();
  }

  @Test
  void smallReassemblerDriftIsNotAWarning() {
    NodeBuilder b = node(22);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + b.noise(100));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    b.put(Metric.REASSEMBLER, i -> 700 + 0.5 * i + b.noise(100));
    assertThat(run(new ConnectionStateDetector(), b.build())).isEmpty();
  }
}
