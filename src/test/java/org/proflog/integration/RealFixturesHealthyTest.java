package org.proflog.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.series.ClusterLoader;
import org.proflog.source.InputFinder;

/**
 * Real prof.logs of healthy Zeek processes (a short live run on 3.2.4 whose Weird::weird_ignore is
 * still inside its 10-minute expiry; offline {@code zeek -r} runs on 3.2.4 and 6.2.1) must give
 * nothing above info: an engineer would call all three healthy.
 */
class RealFixturesHealthyTest {
  @ParameterizedTest
  @ValueSource(strings = {"g6-real/live-healthy.prof.log", "g6-real/offline-default.prof.log",
      "g9-real/offline-default.prof.log"})
  void healthyRealRunsStayAtInfo(String file) throws Exception {
    Path p = Path.of("src/test/resources/formats").resolve(file);
    ClusterLoader.Result loaded = ClusterLoader.load(new InputFinder().find(List.of(p.toString())),
        ClusterLoader.Options.defaults());
    assertThat(loaded.nodes()).isNotEmpty();
    List<Finding> findings = new Analyzer(AnalysisOptions.defaults()).analyze(loaded.nodes());
    String serious = findings.stream().filter(f -> f.severity() != Severity.INFO)
        .map(f -> f.severity().label() + " " + f.id()).collect(Collectors.joining(", "));
    assertThat(serious).as("findings above info on %s", file).isEmpty();
  }
}
