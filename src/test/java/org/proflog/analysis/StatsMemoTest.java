package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proflog.model.NodeId;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * A node analysed again and again with one {@link StatsMemo}, as the watcher does after each
 * snapshot, finds exactly what a fresh analysis of the same series finds, evidence included: through
 * warm-up, compaction (new snapshots folded into the last point), restarts and faults appearing.
 */
class StatsMemoTest {
  private final Analyzer analyzer = new Analyzer(AnalysisOptions.defaults());
  private final AnalysisContext ctx = AnalysisContext.of(analyzer.options(), List.of());

  @ParameterizedTest(name = "{0} {1} on Zeek {2}")
  @CsvSource({
      "TABLE_LEAK, worker-1-1, 6.2.1, 1",
      "DEMO, worker-1-2, 6.2.1, 2",
      "DEMO, logger-1, 6.2.1, 3",
      "MEMORY_LEAK, worker-1-1, 4.2.1, 4",
      "RESTART, worker-1-1, 5.0.10, 5",
      "SAWTOOTH, worker-1-1, 2.6.4, 6",
      "TIMER_LAG, worker-1-1, 3.0.13, 7",
      "STUCK_WRITER, logger-1, 6.2.1, 8",
  })
  void memoisedAnalysesEqualFreshOnesAtEverySnapshot(Scenario scenario, String node, String version, long seed)
      throws Exception {
    SimulationSpec spec = SimulationSpec.of(scenario, 5, 4 * 3600, version, seed).withInterval(15);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, node, out);
    // few points per series, so that compaction and folding happen early and often
    SeriesBuilder b = new SeriesBuilder(new NodeId(node), 64);
    b.startFile("prof.log");
    StatsMemo memo = new StatsMemo();
    int k = 0;
    int compared = 0;
    boolean found = false;
    try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(out.toByteArray()), node, ParseOptions.defaults())) {
      while (r.hasNext()) {
        b.accept(r.next());
        k++;
        // every snapshot of the last hour, every third before it: each step re-uses the previous one's memo
        if (k < 20 || (k < 720 && k % 3 != 0)) {
          continue;
        }
        NodeSeries ns = b.build(r.era(), 0, 0);
        List<Finding> memoised = analyzer.analyzeNode(ns, ctx, memo);
        List<Finding> fresh = analyzer.analyzeNode(ns, ctx);
        assertThat(memoised).as("snapshot %d", k).isEqualTo(fresh);
        found |= !fresh.isEmpty();
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
    assertThat(found).as("the scenario produces findings to compare").isTrue();
    assertThat(memo.hits()).as("most statistics are reused").isGreaterThan(memo.misses());
  }
}
