package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Finding;
import org.proflog.parse.ParseOptions;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;
import org.proflog.source.InputFinder;
import org.proflog.source.NodeFilter;

class MetricsEndpointTest {
  @TempDir Path dir;

  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\""
          + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\})? "
          + "(-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped|info|stateset|histogram|summary|unknown)");

  @Test
  void scrapeShowsLatestValuesFindingsAndHealthInValidExposition() throws Exception {
    Simulator.write(SimulationSpec.of(Scenario.DEMO, 3, 4 * 3600, "6.2.1", 5), dir);
    Watcher w = new Watcher(List.of(dir.resolve("spool").toString()), NodeFilter.all(),
        new InputFinder(List.of(), () -> null), ParseOptions.defaults(), AnalysisOptions.defaults());
    try (MetricsEndpoint endpoint = new MetricsEndpoint()) {
      w.discover();
      w.catchUp(60_000);
      w.tick();
      List<NodeSeries> series = w.series();
      List<Finding> open = w.openFindings();
      assertThat(series).hasSize(3);
      assertThat(open).isNotEmpty();
      endpoint.update(series, open, new MetricsEndpoint.Health(w.filesFollowed(), w.snapshotsRead(), 7,
          series.get(0).endMicros() + 90_000_000L));
      int port = endpoint.start("127.0.0.1", 0);
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      String body = r.body();

      Set<String> typed = new HashSet<>();
      List<String> samples = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.startsWith("# TYPE ")) {
          Matcher m = TYPE.matcher(line);
          assertThat(m.matches()).as(line).isTrue();
          assertThat(typed.add(m.group(1))).as("one TYPE per family: " + line).isTrue();
        } else if (line.startsWith("#")) {
          assertThat(line).as(line).startsWith("# HELP ");
        } else {
          Matcher m = SAMPLE.matcher(line);
          assertThat(m.matches()).as(line).isTrue();
          assertThat(typed).as("TYPE before " + line).contains(m.group(1));
          samples.add(line);
        }
      }
      assertThat(samples).doesNotHaveDuplicates();

      for (NodeSeries ns : series) {
        String node = ns.node().name();
        double rssBytes = ns.get(Metric.MEMORY_TOTAL).last() * 1024;
        assertThat(samples).contains("zeek_prof_memory_peak_rss_bytes{node=\"" + node + "\"} " + number(rssBytes));
      }
      Finding f = open.get(0);
      assertThat(samples).anySatisfy(l -> assertThat(l)
          .startsWith("proflog_finding{")
          .contains("node=\"" + f.node() + "\"", "kind=\"" + f.kind().id() + "\"",
              "severity=\"" + f.severity().name().toLowerCase(java.util.Locale.ROOT) + "\"")
          .endsWith("} 1.0"));
      assertThat(samples.stream().filter(l -> l.startsWith("proflog_finding{"))).hasSize(open.size());
      assertThat(samples).contains("proflog_files_followed " + number(3),
          "proflog_snapshots_read " + number(w.snapshotsRead()), "proflog_parse_problems " + number(7));
      long newest = series.stream().mapToLong(NodeSeries::endMicros).max().orElseThrow();
      double lag = (series.get(0).endMicros() + 90_000_000L - newest) / 1e6;
      assertThat(samples).contains("proflog_lag_seconds " + number(lag));
    } finally {
      w.close();
    }
  }

  @Test
  void emptyEndpointServesHealthOnlyAndZeroLag() {
    MetricsEndpoint endpoint = new MetricsEndpoint();
    endpoint.update(List.of(), List.of(), new MetricsEndpoint.Health(0, 0, 0, 1_000_000_000L));
    var scraped = endpoint.registry().scrape();
    assertThat(scraped.stream().map(s -> s.getMetadata().getName()).toList()).containsExactlyInAnyOrder(
        "proflog_finding", "proflog_files_followed", "proflog_snapshots_read", "proflog_parse_problems",
        "proflog_node_analyses", "proflog_lag_seconds");
    var lag = (io.prometheus.metrics.model.snapshots.GaugeSnapshot) scraped.stream()
        .filter(s -> s.getMetadata().getName().equals("proflog_lag_seconds")).findFirst().orElseThrow();
    assertThat(lag.getDataPoints().get(0).getValue()).isZero();
  }

  /** The client library's text format writes values as Java doubles. */
  private static String number(double v) {
    return Double.toString(v);
  }

  @Test
  void serveAddressDefaultsToLoopbackAndKeepsANamedHost() {
    assertThat(MetricsEndpoint.parseAddress("9911")).isEqualTo(new MetricsEndpoint.Address("127.0.0.1", 9911));
    assertThat(MetricsEndpoint.parseAddress(":9911")).isEqualTo(new MetricsEndpoint.Address("127.0.0.1", 9911));
    assertThat(MetricsEndpoint.parseAddress("0.0.0.0:80")).isEqualTo(new MetricsEndpoint.Address("0.0.0.0", 80));
    assertThat(MetricsEndpoint.parseAddress("sensor1.example:9911")).isEqualTo(new MetricsEndpoint.Address("sensor1.example", 9911));
    assertThat(MetricsEndpoint.parseAddress("[::1]:9911")).isEqualTo(new MetricsEndpoint.Address("::1", 9911));
    assertThat(MetricsEndpoint.parseAddress("[::]:65535")).isEqualTo(new MetricsEndpoint.Address("::", 65535));
    for (String bad : new String[] {"", ":", "host:", "::1:9911", "[::1]", "[::1]9911", "[]:9911", "x:0",
        "x:65536", "x:-1", "x:port", "9911x"}) {
      assertThatThrownBy(() -> MetricsEndpoint.parseAddress(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--serve");
    }
  }
}
