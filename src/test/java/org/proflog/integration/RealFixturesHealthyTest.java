package org.proflog.integration;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.model.NodeId;
import org.proflog.series.ClusterLoader;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputFinder;
import org.proflog.source.InputSource;

/**
 * Real prof.logs of healthy Zeek processes (a short live run on 3.2.4 whose Weird::weird_ignore is
 * still inside its 10-minute expiry; offline {@code zeek -r} runs on 3.2.4 and 6.2.1) must give
 * nothing above info: an engineer would call all three healthy. So must every prefix of them, as
 * {@code analyze} sees a process that is still running and {@code watch} sees one at every
 * snapshot: a process minutes old whose connections, heap and queues are filling up is starting,
 * not failing.
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

  @ParameterizedTest
  @ValueSource(strings = {"g6-real/live-healthy.prof.log", "g6-real/offline-default.prof.log",
      "g9-real/offline-default.prof.log"})
  void everyPrefixOfAHealthyRealRunStaysAtInfo(String file) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/formats").resolve(file), ISO_8859_1);
    List<Integer> separators = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(" ------------------------")) {
        separators.add(i);
      }
    }
    assertThat(separators).hasSizeGreaterThan(50);
    List<String> serious = new ArrayList<>();
    // a prefix ends where a snapshot starts: what a reader of the live file has seen by then
    for (int k = 4; k < separators.size(); k += 2) {
      byte[] prefix = (String.join("\n", lines.subList(0, separators.get(k))) + "\n").getBytes(ISO_8859_1);
      TreeMap<NodeId, List<InputSource>> nodes = new TreeMap<>();
      NodeId node = new NodeId("standalone");
      nodes.put(node, List.of(InputSource.ofStream(node, file, new ByteArrayInputStream(prefix))));
      ClusterLoader.Result loaded = ClusterLoader.load(new DiscoveredInputs(nodes, List.of()),
          ClusterLoader.Options.defaults().withThreads(1));
      for (Finding f : new Analyzer(AnalysisOptions.defaults()).analyze(loaded.nodes())) {
        if (f.severity() != Severity.INFO) {
          serious.add("snapshots before line " + (separators.get(k) + 1) + ": " + f.severity().label() + " " + f.id());
        }
      }
    }
    assertThat(serious).as("findings above info on prefixes of %s", file).isEmpty();
  }
}
