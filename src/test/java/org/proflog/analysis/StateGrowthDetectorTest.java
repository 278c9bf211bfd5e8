package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.proflog.model.Era;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.junit.jupiter.api.Test;

class StateGrowthDetectorTest {

  private static List<Finding> run(NodeSeries n) {
    return new StateGrowthDetector().detect(n, AnalysisContext.of(AnalysisOptions.defaults(), List.of(n)));
  }

  /** 4 h at 15 s, expensive every 4th snapshot; traffic with idle gaps; current conns flat. */
  private static NodeBuilder base(long seed) {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 960, seed).expensiveEvery(4);
    b.put(Metric.CONNS_CURRENT, i -> 4000 + b.noise(150));
    // cumulative connections: busy, then idle an hour, then busy again
    b.put(Metric.CONNS_TOTAL, i -> 50.0 * Math.min(i, 400) + (i > 640 ? 50.0 * (i - 640) : 0));
    return b;
  }

  @Test
  void tableFollowingCumulativeConnectionsIsALeak() {
    NodeBuilder b = base(1);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::seen"),
        i -> 200 + 0.5 * (50.0 * Math.min(i, 400) + (i > 640 ? 50.0 * (i - 640) : 0)));
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::small"), i -> 150 + 0.1 * i);
    List<Finding> f = run(b.build());
    assertThat(f).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("MyScript::seen");
      assertThat(x.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
      assertThat(x.explanation()).contains("cumulative");
      assertThat(x.nextStep()).contains("&create_expire");
      assertThat(x.evidence().extra()).containsKey("rank");
    });
  }

  @Test
  void growersAreRanked() {
    NodeBuilder b = base(2);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "A::slow"), i -> 1000 + 2.0 * i + b.noise(3));
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "B::fast"), i -> 1000 + 20.0 * i + b.noise(3));
    List<Finding> f = run(b.build());
    assertThat(f).extracting(Finding::subject).containsExactly("B::fast", "A::slow");
    assertThat(f.get(0).evidence().extra().get("rank")).startsWith("1 of 2");
  }

  @Test
  void tableBoundedByExpiryIsHealthy() {
    NodeBuilder b = base(3);
    // fills for 10 minutes then expires as fast as it fills: sawtooth around a level
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::recent"),
        i -> 500 + 10.0 * (i % 40) + b.noise(5));
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void rowThatDropsBelowListingThresholdIsBounded() {
    NodeBuilder b = base(4);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::bursty"),
        i -> (i / 80) % 2 == 0 ? 100 + i : Double.NaN);
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void loadFollowingTableIsInfo() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 960, 5).expensiveEvery(4);
    double[] conns = new double[960];
    for (int i = 0; i < 960; i++) {
      conns[i] = 2000 + 5.0 * i + b.noise(100);
    }
    b.put(Metric.CONNS_CURRENT, i -> conns[i]);
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::per_conn"), i -> 0.5 * conns[i] + b.noise(20));
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.evidence().extra()).containsKey("follows");
    });
  }

  @Test
  void tableFollowingInputReaderIsInfo() {
    NodeBuilder b = base(6);
    String reader = "/opt/intel/main.dat/Input::READER_ASCII";
    // the intel file is re-read every 2 h; the table grows by the new lines each time
    b.thread(reader, i -> i * 15.0, i -> 0, i -> i * 15.0, i -> 1000.0 * (1 + i / 480) + i, i -> 0,
        i -> 1000.0 * (1 + i / 480) + i);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Intel::data_store"), i -> 1000.0 * (1 + i / 480));
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.evidence().extra().get("follows input reader")).isEqualTo(reader);
    });
  }

  @Test
  void shippedTableWithinItsExpiryIsNotYetJudgeable() {
    NodeBuilder b = base(7);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Known::certs"), i -> 100 + 3.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("not yet judgeable");
      assertThat(x.evidence().extra().get("expiry")).contains("1 day");
    });
  }

  @Test
  void shippedTableThatFilledForItsExpiryAndLevelledOffIsHealthy() {
    // Signatures::did_sig_log expires after 1 h: it fills for that hour (240 snapshots), then holds
    NodeBuilder b = base(8);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Signatures::did_sig_log"),
        i -> 100 + 12.0 * Math.min(i, 240) + b.noise(5));
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void shippedTableStillGrowingLongAfterItsExpiryIsReported() {
    NodeBuilder b = base(8);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Signatures::did_sig_log"), i -> 100 + 12.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
      assertThat(x.windowStartMicros()).isGreaterThanOrEqualTo(NodeBuilder.T0 + 3600_000_000L);
    });
  }

  @Test
  void shippedTableJustPastItsExpiryIsNotYetJudgeable() {
    // 75 minutes, a listing every 5: three listings after the first expiry interval
    NodeBuilder b = new NodeBuilder("worker-1", 15, 300, 9).expensiveEvery(20);
    b.put(Metric.CONNS_CURRENT, i -> 4000 + b.noise(150));
    b.put(Metric.CONNS_TOTAL, i -> 50.0 * i);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Signatures::did_sig_log"),
        i -> 100 + 12.0 * Math.min(i, 240) + 0.5 * i);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("expiry of 1 h").contains("table listings since then are too few");
    });
  }

  @Test
  void unnamedTableSuggestsCompanion() {
    NodeBuilder b = base(8).era(Era.G8);
    b.putExpensive(MetricKey.of(Metric.TABLE_ENTRIES, "table", "#3"), i -> 200 + 4.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("table #3");
      assertThat(x.nextStep()).contains("proflog enable --companion").contains("unnamed");
    });
  }

  @Test
  void globalsTotalFlatAfterInitIsHealthy() {
    NodeBuilder b = base(9);
    b.putExpensive(MetricKey.of(Metric.GLOBALS_TOTAL), i -> i < 40 ? 20_000 + 500.0 * i : 40_000 + b.noise(30));
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void globalsTotalGrowingIsReported() {
    NodeBuilder b = base(10);
    b.putExpensive(MetricKey.of(Metric.GLOBALS_TOTAL), i -> 40_000 + 20.0 * i + b.noise(30));
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("globals.total");
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.evidence().slopeUnit()).isEqualTo("KiB/h");
    });
  }

  /**
   * Both current and cumulative connections rise for hours; the table tracks the cumulative count
   * and does not shrink in any of the intervals where current connections fall: a leak, not load.
   */
  @Test
  void tableThatIgnoresFallingLoadIsALeakEvenWhileLoadRises() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 720, 11).expensiveEvery(20);
    double[] cur = new double[720];
    for (int i = 0; i < 720; i++) {
      // rising load with dips every 40 minutes
      cur[i] = 3000 + 3.0 * i - ((i / 80) % 2 == 1 ? 600 : 0) + b.noise(30);
    }
    double[] total = new double[720];
    for (int i = 1; i < 720; i++) {
      total[i] = total[i - 1] + cur[i] / 20;
    }
    b.put(Metric.CONNS_CURRENT, i -> cur[i]);
    b.put(Metric.CONNS_TOTAL, i -> total[i]);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyPkg::seen_hosts"), i -> 100 + 0.05 * total[i]);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("MyPkg::seen_hosts");
      assertThat(x.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
      assertThat(x.evidence().extra().get("vs conns.current")).contains("did not shrink");
    });
  }

  @Test
  void totalsAreDeferredToNamedGlobals() {
    NodeBuilder b = base(12);
    b.putExpensive(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "MyScript::seen"), i -> 200 + 5.0 * i);
    b.putExpensive(MetricKey.of(Metric.TABLES_ENTRIES), i -> 5000 + 5.0 * i);
    List<Finding> f = run(b.build());
    assertThat(f).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("tables.entries");
      assertThat(x.severity()).isEqualTo(Severity.INFO);
    });
    assertThat(f).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("MyScript::seen");
      assertThat(x.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
    });
  }

  @Test
  void unnamedTotalShorterThanShippedExpiryIsNotYetJudgeable() {
    NodeBuilder b = base(13).era(Era.G8).unnamedRows();
    b.putExpensive(MetricKey.of(Metric.TABLES_ENTRIES), i -> 5000 + 5.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("tables.entries");
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("not yet judgeable");
      assertThat(x.nextStep()).contains("proflog enable --companion");
    });
  }

  @Test
  void unnamedTableNotTrackingConnectionsIsOnlyInfo() {
    NodeBuilder b = new NodeBuilder("worker-1", 15, 720, 14).expensiveEvery(20).era(Era.G8).unnamedRows();
    b.put(Metric.CONNS_CURRENT, i -> 4000 + b.noise(150));
    b.put(Metric.CONNS_TOTAL, i -> 30.0 * i * i / 720);
    // grows like Software::tracked: steadily per new software seen, not per connection
    b.putExpensive(MetricKey.of(Metric.TABLE_ENTRIES, "table", "#11"), i -> 200 + Math.sqrt(i) * 40);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("unnamed");
    });
  }
}
