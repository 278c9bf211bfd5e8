package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.parse.ParseOptions;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;
import org.proflog.source.InputFinder;
import org.proflog.source.NodeFilter;
import org.proflog.analysis.Finding;
import org.proflog.render.html.TestCluster;
import org.proflog.series.NodeSeries;

/** The live page {@code /} and its data {@code /report.json} of {@code watch --serve}, over HTTP. */
class LiveReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private MetricsEndpoint endpoint;
  private int port;

  /** What the test publishes when a request waits for data, as the watch loop would after a tick. */
  private List<NodeSeries> series = List.of();
  private List<Finding> open = List.of();
  private long now = TestCluster.START + 3_600_000_000L;

  @BeforeEach
  void start() throws Exception {
    endpoint = new MetricsEndpoint();
    port = endpoint.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private void publish(List<NodeSeries> s, List<Finding> f, long nowMicros) {
    series = s;
    open = f;
    now = nowMicros;
    endpoint.update(s, f, new MetricsEndpoint.Health(s.size(), 10, 0, nowMicros));
  }

  /**
   * Sends a request; whenever it waits for a report of newer data, plays the watch loop's next
   * update with the current data (the report is made there, on the publishing thread).
   */
  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    while (!f.isDone()) {
      if (endpoint.live().renderWanted()) {
        endpoint.update(series, open, new MetricsEndpoint.Health(series.size(), 10, 0, now));
      }
      Thread.sleep(2);
    }
    return f.get();
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("nodes").forEach(n -> out.add(n.get("name").asText()));
    return out;
  }

  private static List<String> ids(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("findings").forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  private static String dataBlob(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void pageAndJsonShowWhatWasPublished() throws Exception {
    List<Finding> findings = TestCluster.findings("worker-1");
    publish(TestCluster.nodes(), findings, now);

    HttpResponse<byte[]> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "connect-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
    String html = text(page);
    assertThat(html).contains("fetch('report.json'", "window.proflogReport", "<title>proflog report</title>");
    assertThat(names(JSON.readTree(dataBlob(html)))).containsExactly("logger-1", "manager", "worker-1");

    HttpResponse<byte[]> r = get("/report.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    JsonNode report = JSON.readTree(r.body());
    assertThat(report.get("title").asText()).isEqualTo("proflog watch");
    assertThat(report.get("generated").asLong()).isEqualTo(now / 1_000_000L);
    assertThat(names(report)).containsExactly("logger-1", "manager", "worker-1");
    assertThat(ids(report)).containsExactlyInAnyOrderElementsOf(findings.stream().map(Finding::id).toList());
    assertThat(report.get("nodes").get(2).get("charts").size()).isPositive();
    // the document embedded in the page is the one served
    assertThat(dataBlob(html)).isEqualTo(text(r));
  }

  @Test
  void watcherTickIsWhatThePageShows(@TempDir java.nio.file.Path dir) throws Exception {
    Simulator.write(SimulationSpec.of(Scenario.DEMO, 3, 4 * 3600, "6.2.1", 5), dir);
    Watcher w = new Watcher(List.of(dir.resolve("spool").toString()), NodeFilter.all(),
        new InputFinder(List.of(), () -> null), ParseOptions.defaults(), AnalysisOptions.defaults());
    try {
      w.discover();
      w.catchUp(60_000);
      w.tick();
      List<NodeSeries> analysed = w.analyzedSeries();
      List<Finding> findings = w.openFindings();
      assertThat(analysed).hasSize(3);
      assertThat(findings).isNotEmpty();
      publish(analysed, findings, analysed.get(0).endMicros());
      JsonNode report = JSON.readTree(get("/report.json").body());
      assertThat(names(report)).containsExactlyElementsOf(analysed.stream().map(n -> n.node().name()).sorted().toList());
      assertThat(ids(report)).containsExactlyInAnyOrderElementsOf(findings.stream().map(Finding::id).toList());
      for (JsonNode n : report.get("nodes")) {
        assertThat(n.get("charts").size()).as(n.get("name").asText()).isGreaterThanOrEqualTo(3);
        assertThat(n.get("note").asText()).contains("prof.log");
      }
    } finally {
      w.close();
    }
  }

  @Test
  void reportIsMadeOnlyWhenAskedAndOnlyOncePerDataChange() throws Exception {
    publish(TestCluster.nodes(), TestCluster.findings("worker-1"), now);
    publish(TestCluster.nodes(), TestCluster.findings("worker-1"), now + 1_000_000);
    assertThat(endpoint.live().renders()).as("nobody looked").isZero();

    HttpResponse<byte[]> first = get("/report.json");
    assertThat(endpoint.live().renders()).isEqualTo(1);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    // a tick without new snapshots or findings keeps the document: same body, or 304 with the ETag
    publish(TestCluster.nodes(), TestCluster.findings("worker-1"), now + 2_000_000);
    HttpResponse<byte[]> same = get("/report.json");
    assertThat(same.body()).isEqualTo(first.body());
    assertThat(get("/report.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(endpoint.live().renders()).isEqualTo(1);

    // new data: a node fewer, its findings gone
    List<NodeSeries> two = TestCluster.nodes().subList(0, 2);
    List<Finding> logger = TestCluster.findings("worker-1").stream().filter(f -> f.node().equals("logger-1")).toList();
    publish(two, logger, now + 3_000_000);
    HttpResponse<byte[]> changed = get("/report.json", "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
    JsonNode report = JSON.readTree(changed.body());
    assertThat(names(report)).containsExactly("logger-1", "manager");
    assertThat(ids(report)).containsExactlyElementsOf(logger.stream().map(Finding::id).toList());
    assertThat(report.get("generated").asLong()).isEqualTo((now) / 1_000_000L);
    assertThat(endpoint.live().renders()).isEqualTo(2);
  }

  @Test
  void hostileNamesComeBackAsEscapedText() throws Exception {
    String node = "</script><script>alert(1)</script>";
    String thread = "<img src=x onerror=alert(1)>";
    publish(TestCluster.nodes(node, thread), TestCluster.findings(node), now);

    HttpResponse<byte[]> r = get("/report.json");
    String body = text(r);
    assertThat(body).doesNotContain("<", ">").contains("\\u003c/script\\u003e");
    JsonNode report = JSON.readTree(body);
    assertThat(names(report)).contains(node);
    assertThat(body).contains("\\u003cimg src=x onerror=alert(1)\\u003e");

    String html = text(get("/"));
    assertThat(html).doesNotContain(node, thread, "alert(1)</script>");
    // the page's script elements are its own five: error counter, data, uPlot, report, live
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(5);
  }

  @Test
  void policyAllowsExactlyThePageOwnScriptsAndStyles() throws Exception {
    publish(TestCluster.nodes(), List.of(), now);
    HttpResponse<byte[]> page = get("/");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    String html = text(page);
    for (String tag : List.of("script", "style")) {
      Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
      int n = 0;
      while (m.find()) {
        n++;
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("'sha256-" + hash + "'");
      }
      assertThat(n).as(tag).isGreaterThanOrEqualTo(2);
    }
    assertThat(csp.split("'sha256-", -1)).hasSize(4 + 2 + 1);
  }

  @Test
  void jsonIsGzippedWhenTheClientAcceptsIt() throws Exception {
    publish(TestCluster.nodes(), TestCluster.findings("worker-1"), now);
    HttpResponse<byte[]> plain = get("/report.json");
    HttpResponse<byte[]> zipped = get("/report.json", "Accept-Encoding", "gzip");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
  }

  @Test
  void otherPathsAndMethodsAreRefusedAndMetricsStays() throws Exception {
    publish(TestCluster.nodes(), List.of(), now);
    HttpResponse<byte[]> missing = get("/report.html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(get("/../etc/passwd").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/report.json"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    HttpResponse<byte[]> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(text(metrics)).contains("proflog_files_followed 3.0");
    assertThat(endpoint.live().renders()).as("/metrics makes no report").isZero();
  }

  @Test
  void beforeAnyDataThePageWaitsAndTheJsonSaysSo() throws Exception {
    endpoint.live().close(); // nothing will be published: answer at once with what there is
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/report.json"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(dataBlob(text(page))).isEqualTo("{}");
  }

  @Test
  void emptyClusterIsAReportWithoutNodes() throws Exception {
    publish(List.of(), List.of(), now);
    JsonNode report = JSON.readTree(get("/report.json").body());
    assertThat(report.get("nodes")).isEmpty();
    assertThat(report.get("findings")).isEmpty();
    assertThat(Map.of("title", report.get("title").asText())).containsEntry("title", "proflog watch");
  }
}
