package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.analysis.Finding;

/**
 * Opens reports in headless Chromium and reads back what the page itself recorded in its status
 * element: charts drawn, canvases made, script errors, findings listed. Skipped only when Chromium
 * is neither installed nor installable (CI installs it: {@code apt-get install -y chromium}).
 */
@Tag("browser")
public class ReportBrowserTest {
  @TempDir Path tmp;

  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium",
      "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium");
  private static boolean installTried;

  /**
   * The Chromium binary; when there is none, one attempt to install it with apt-get (as CI does,
   * see .ci/run) unless PROFLOG_NO_INSTALL is set. Null only when it cannot be found or installed.
   */
  public static synchronized Path chromium() {
    Path found = find();
    if (found == null && !installTried && System.getenv("PROFLOG_NO_INSTALL") == null
        && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      installTried = true;
      try {
        Process p = new ProcessBuilder("sh", "-c",
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
          p.destroyForcibly();
        }
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      found = find();
    }
    return found;
  }

  private static Path find() {
    for (String c : CANDIDATES) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  private String dumpDom(Path html, String... extra) throws IOException, InterruptedException {
    Path chrome = chromium();
    assumeTrue(chrome != null, "chromium not installed (apt-get install -y chromium)");
    List<String> cmd = new ArrayList<>(List.of(chrome.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"),
        "--virtual-time-budget=5000"));
    cmd.addAll(List.of(extra));
    cmd.add("--dump-dom");
    cmd.add(html.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String status(String dom, String attr) {
    Matcher m = Pattern.compile("<div id=\"status\"[^>]*\\b" + attr + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("status element with " + attr).isTrue();
    return m.group(1);
  }

  private Path write(ReportData data) throws IOException {
    Path html = tmp.resolve("report.html");
    try (Writer w = Files.newBufferedWriter(html)) {
      HtmlReport.write(data, w);
    }
    return html;
  }

  @Test
  void reportDrawsEveryChartWithoutErrors() throws Exception {
    ReportData data = TestCluster.report();
    String dom = dumpDom(write(data));
    assertThat(status(dom, "data-state")).isEqualTo("done");
    assertThat(status(dom, "data-errors")).isEqualTo("0");
    int charts = Integer.parseInt(status(dom, "data-charts"));
    assertThat(charts).isEqualTo(expectedCharts(data));
    assertThat(status(dom, "data-canvases")).isEqualTo(String.valueOf(charts));
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<li class=\"finding [a-z]+\" data-id=\"([^\"]*)\"").matcher(dom);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).containsExactlyElementsOf(
        data.findings().stream().sorted(ReportJson.RANK).map(Finding::id).toList());
    assertThat(status(dom, "data-findings")).isEqualTo(String.valueOf(data.findings().size()));
  }

  @Test
  void linkToAFindingShadesItsChart() throws Exception {
    ReportData data = TestCluster.report();
    Path html = write(data);
    List<Finding> ranked = data.findings().stream().sorted(ReportJson.RANK).toList();
    String dom = dumpDom(html, "--window-size=1280,900");
    assertThat(dom).doesNotContain("data-active=");
    String linked = dumpDomOf(html.toUri() + "#finding-1");
    assertThat(status(linked, "data-active")).isEqualTo(ranked.get(1).id());
    String chart = status(linked, "data-active-chart");
    assertThat(chart).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(HtmlReport.json(data)).get("findings").get(1).get("chart").asText());
    assertThat(linked).contains("id=\"chart-" + chart + "\"");
    assertThat(status(linked, "data-errors")).isEqualTo("0");
  }

  private String dumpDomOf(String url) throws IOException, InterruptedException {
    Path chrome = chromium();
    assumeTrue(chrome != null, "chromium not installed (apt-get install -y chromium)");
    Process p = new ProcessBuilder(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + tmp.resolve("profile2"),
        "--virtual-time-budget=1000", "--dump-dom", url)
        .redirectError(tmp.resolve("chromium2.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void hostileNamesStayText() throws Exception {
    String node = "</script><script>alert(1)</script>";
    String thread = "<img src=x onerror=alert(1)>";
    ReportData data = new ReportData("<b>title</b>", TestCluster.START,
        TestCluster.nodes(node, thread), TestCluster.findings(node), Map.of(node, "<i>note</i>"));
    String dom = dumpDom(write(data));
    assertThat(status(dom, "data-state")).isEqualTo("done");
    assertThat(status(dom, "data-errors")).isEqualTo("0");
    // the names are in the document only as escaped text, never as elements
    assertThat(dom).doesNotContain("<img src=\"x\"").doesNotContain("<img src=x")
        .doesNotContain("<b>title</b>").doesNotContain("<i>note</i>");
    assertThat(dom).contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void templateAloneShowsEmptyReport() throws Exception {
    Path html = tmp.resolve("template.html");
    Files.writeString(html, HtmlReport.resource(HtmlReport.class, HtmlReport.TEMPLATE));
    String dom = dumpDom(html);
    assertThat(status(dom, "data-state")).isEqualTo("empty");
    assertThat(status(dom, "data-errors")).isEqualTo("0");
    assertThat(dom).contains("This report holds no data");
  }

  /** Manual aid: set PROFLOG_SCREENSHOT=/tmp/report.png to also take a screenshot. */
  @Test
  void screenshotWhenAsked() throws Exception {
    String shot = System.getenv("PROFLOG_SCREENSHOT");
    assumeTrue(shot != null, "PROFLOG_SCREENSHOT not set");
    Path html = write(TestCluster.report());
    Files.copy(html, Path.of(shot + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    dumpDom(html, "--screenshot=" + shot, "--window-size=1280,"
        + System.getenv().getOrDefault("PROFLOG_SCREENSHOT_HEIGHT", "2000"));
  }

  private static int expectedCharts(ReportData data) throws IOException {
    String json = HtmlReport.json(data);
    return json.split("\"labels\":", -1).length - 1;
  }
}
