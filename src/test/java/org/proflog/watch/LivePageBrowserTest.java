package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.analysis.Finding;
import org.proflog.render.html.ReportBrowserTest;
import org.proflog.render.html.ReportData;
import org.proflog.render.html.ReportDocument;
import org.proflog.render.html.TestCluster;
import org.proflog.series.NodeSeries;

/**
 * The live page in headless Chromium, served by a real endpoint under its Content-Security-Policy
 * while a thread plays the watch loop: the page loads with two nodes, a refresh brings the third,
 * and the finding opened by the link stays open though its place in the list changed. Skipped when
 * Chromium is not there (see {@link ReportBrowserTest#chromium()}).
 */
@Tag("browser")
class LivePageBrowserTest {
  @TempDir Path tmp;

  private static String status(String dom, String attr) {
    Matcher m = Pattern.compile("<div id=\"status\"[^>]*\\b" + attr + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("status element with " + attr).isTrue();
    return m.group(1);
  }

  private String dumpDom(Path chrome, String url) throws Exception {
    return dumpDom(chrome, url, 6000);
  }

  private String dumpDom(Path chrome, String url, int virtualMillis) throws Exception {
    Process p = new ProcessBuilder(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"),
        "--window-size=1280,900", "--virtual-time-budget=" + virtualMillis, "--dump-dom", url)
        .redirectError(tmp.resolve("chromium.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void pageSaysWhenTheConnectionIsLostAndKeepsWhatItShows() throws Exception {
    Path chrome = ReportBrowserTest.chromium();
    assumeTrue(chrome != null, "chromium not installed (apt-get install -y chromium)");
    List<NodeSeries> all = TestCluster.nodes();
    long now = TestCluster.START + TestCluster.POINTS * TestCluster.STEP;
    MetricsEndpoint endpoint = new MetricsEndpoint();
    int port = endpoint.start("127.0.0.1", 0);
    AtomicBoolean running = new AtomicBoolean(true);
    // The watch loop serves the page, then has new data; when the page asks for it, proflog is gone.
    // The new data is published once and never rendered: a request for it can only wait, and the
    // loop closes the endpoint while it does (no race between the page's clock and this loop's).
    Thread loop = new Thread(() -> {
      try {
        while (running.get() && endpoint.live().renders() == 0) {
          endpoint.update(all.subList(0, 2), List.of(), new MetricsEndpoint.Health(3, 10, 0, now));
          Thread.sleep(20);
        }
        endpoint.update(all, List.of(), new MetricsEndpoint.Health(3, 10, 0, now + 60_000_000L));
        while (running.get()) {
          if (endpoint.live().renderWanted()) {
            endpoint.close();
            return;
          }
          Thread.sleep(5);
        }
      } catch (InterruptedException e) {
        // the test is over
      }
    }, "test-watch-loop");
    loop.setDaemon(true);
    loop.start();
    String dom;
    try {
      // a generous budget: on a busy machine the endpoint may close only after several refreshes
      dom = dumpDom(chrome, "http://127.0.0.1:" + port + "/?refresh=1", 20000);
    } finally {
      running.set(false);
      loop.join();
      endpoint.close();
    }
    assertThat(status(dom, "data-errors")).isEqualTo("0");
    assertThat(status(dom, "data-live")).isEqualTo("lost");
    assertThat(dom).containsPattern("id=\"live\" class=\"live\" data-state=\"lost\">Connection lost \\([^)]+\\) · "
        + "retrying every 1 s · last update \\d\\d:\\d\\d:\\d\\d UTC<");
    // what was drawn stays
    assertThat(status(dom, "data-generated")).isEqualTo(String.valueOf(now / 1_000_000L));
    assertThat(dom).contains("<section class=\"node\" id=\"node-1\"").doesNotContain("id=\"node-2\"");
  }

  @Test
  void pageRefreshesInPlaceWithoutErrors() throws Exception {
    Path chrome = ReportBrowserTest.chromium();
    assumeTrue(chrome != null, "chromium not installed (apt-get install -y chromium)");
    List<NodeSeries> all = TestCluster.nodes();
    List<Finding> allFindings = TestCluster.findings("worker-1");
    List<NodeSeries> first = all.subList(0, 2); // logger-1 and manager
    List<Finding> firstFindings = allFindings.stream().filter(f -> f.node().equals("logger-1")).toList();
    Finding queue = firstFindings.get(0);
    long now = TestCluster.START + TestCluster.POINTS * TestCluster.STEP;

    try (MetricsEndpoint endpoint = new MetricsEndpoint()) {
      int port = endpoint.start("127.0.0.1", 0);
      AtomicBoolean running = new AtomicBoolean(true);
      // The watch loop: the first report made shows two nodes, every later one all three.
      Thread loop = new Thread(() -> {
        while (running.get()) {
          boolean later = endpoint.live().renders() > 0;
          endpoint.update(later ? all : first, later ? allFindings : firstFindings,
              new MetricsEndpoint.Health(3, 10, 0, later ? now + 60_000_000L : now));
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "test-watch-loop");
      loop.setDaemon(true);
      loop.start();
      String dom;
      try {
        dom = dumpDom(chrome, "http://127.0.0.1:" + port + "/?refresh=1#finding-0");
      } finally {
        running.set(false);
        loop.join();
      }

      assertThat(status(dom, "data-errors")).as("script errors and policy violations").isEqualTo("0");
      assertThat(status(dom, "data-state")).isEqualTo("done");
      assertThat(status(dom, "data-live")).isEqualTo("live");
      assertThat(Integer.parseInt(status(dom, "data-renders"))).as("drawn, then redrawn").isGreaterThanOrEqualTo(2);
      assertThat(status(dom, "data-generated")).isEqualTo(String.valueOf((now + 60_000_000L) / 1_000_000L));
      JsonNode latest = new ObjectMapper().readTree(
          ReportDocument.of(new ReportData("x", now, all, allFindings, null)).text());
      int charts = 0;
      for (JsonNode n : latest.get("nodes")) {
        charts += n.get("charts").size();
      }
      assertThat(status(dom, "data-charts")).isEqualTo(String.valueOf(charts));
      assertThat(status(dom, "data-canvases")).isEqualTo(String.valueOf(charts));
      assertThat(status(dom, "data-findings")).isEqualTo(String.valueOf(allFindings.size()));
      assertThat(dom).contains("<section class=\"node\" id=\"node-2\"").contains(">worker-1<");
      // opened by the link as the first of one finding; now the second of four, and still open
      assertThat(status(dom, "data-active")).isEqualTo(queue.id());
      assertThat(dom).contains("id=\"live\" class=\"live\" data-state=\"live\"");
    }
  }
}
