package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * A node whose new snapshot changed nothing an analysis sees ({@link AnalysisInput}) analyses to
 * the findings of its previous build: the promise that lets {@code watch} skip it. Checked at every
 * snapshot of compacted series (a limit of 64 points, so most snapshots only fold), for every
 * scenario, against a real analysis of each build.
 */
class AnalysisInputTest {

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void anUnchangedInputAnalysesToTheSameFindings(Scenario scenario) throws Exception {
    check(scenario, "6.2.1");
  }

  /** The eras whose memory series are rewritten at every build (unwrapped at 4 GiB; malloced without its zeros). */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"2.0", "2.4.1", "3.2.4", "5.2.0"})
  void rewrittenSeriesKeepTheirOpenPoint(String version) throws Exception {
    check(Scenario.MEMORY_LEAK, version);
  }

  private static void check(Scenario scenario, String version) throws Exception {
    SimulationSpec spec = SimulationSpec.of(scenario, 2, 1800, version, 11).withInterval(2);
    Analyzer analyzer = new Analyzer(AnalysisOptions.defaults());
    AnalysisContext ctx = AnalysisContext.of(analyzer.options(), List.of());
    int unchanged = 0;
    int changed = 0;
    int countedSame = 0;
    for (String name : Simulator.nodeNames(2)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Simulator.writeNode(spec, name, out);
      List<Snapshot> snaps = new ArrayList<>();
      Era era;
      try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(out.toByteArray()), name, ParseOptions.defaults())) {
        r.forEachRemaining(snaps::add);
        era = r.era();
      }
      SeriesBuilder b = new SeriesBuilder(new NodeId(name), 64);
      b.startFile(name);
      AnalysisInput before = null;
      AnalysisInput countedBefore = null;
      List<Finding> last = null;
      for (int i = 0; i < snaps.size(); i++) {
        b.accept(snaps.get(i));
        if (i < 200) {
          continue; // compacted by now
        }
        NodeSeries ns = b.build(era, 0, 0);
        // each build analysed afresh (no memo), so nothing is carried over between the two
        List<Finding> found = analyzer.analyzeNode(ns, ctx);
        AnalysisInput input = AnalysisInput.of(ns);
        AnalysisInput counted = AnalysisInput.of(ns, b.wholeChanges());
        if (counted.sameAs(countedBefore)) {
          // what the watcher compares: the count of changes never misses one the series show
          countedSame++;
          assertThat(input.sameAs(before)).as("%s %s snapshot %d: counted the same, but changed", scenario, name, i).isTrue();
        }
        countedBefore = counted;
        if (input.sameAs(before)) {
          unchanged++;
          assertThat(comparable(found)).as("%s %s snapshot %d", scenario, name, i).isEqualTo(comparable(last));
        } else {
          changed++;
        }
        assertThat(input.sameAs(AnalysisInput.of(ns))).isTrue();
        before = input;
        last = found;
      }
    }
    assertThat(unchanged).as("snapshots that only folded").isGreaterThan(changed / 4);
    assertThat(countedSame).as("told from the count of changes").isGreaterThan(unchanged * 3 / 4);
    assertThat(changed).as("snapshots that completed a point").isGreaterThan(0);
  }

  /**
   * The findings as compared: everything, except that a restart's evidence counts the snapshots of
   * the running segment, which grows with every snapshot (the one thing {@link AnalysisInput} does
   * not track; the next analysis brings it up to date).
   */
  private static List<Finding> comparable(List<Finding> fs) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : fs) {
      if (f.kind() == FindingKind.RESTART) {
        Evidence e = f.evidence();
        f = new Finding(f.id(), f.kind(), f.severity(), f.node(), f.subject(), f.segment(), f.windowStartMicros(),
            f.windowEndMicros(), new Evidence(e.method(), e.windowStartMicros(), e.windowEndMicros(), e.points(),
                e.slope(), e.slopeUnit(), e.pValue(), e.statistic(), e.statisticValue(), e.startValue(), 0,
                e.valueUnit(), e.extra()), f.projection(), f.explanation(), f.nextStep());
      }
      out.add(f);
    }
    return out;
  }
}
