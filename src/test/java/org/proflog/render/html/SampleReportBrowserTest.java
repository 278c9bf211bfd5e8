package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.cli.Main;
import org.proflog.render.Fmt;

/**
 * End to end, as a user would: {@code proflog report --sample} opened in headless Chromium draws
 * every chart without a JavaScript error, and lists exactly the findings that
 * {@code proflog analyze --sample --format json} prints, with their values written as the text
 * report writes them.
 */
class SampleReportBrowserTest {
  @TempDir Path tmp;

  private static String run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    assertThat(code).as(e.toString(StandardCharsets.UTF_8)).isIn(Main.OK, Main.FINDINGS);
    return o.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sampleReportDrawsEveryChartAndListsTheAnalyzeFindings() throws Exception {
    Path html = tmp.resolve("report.html");
    run("report", "--sample", "-o", html.toString());
    JsonNode analyzed = new ObjectMapper().readTree(run("analyze", "--sample", "--format", "json"));
    List<String> expected = new ArrayList<>();
    List<String> values = new ArrayList<>();
    analyzed.get("findings").forEach(f -> {
      expected.add(f.get("id").asText());
      JsonNode e = f.get("evidence");
      String unit = e.get("value_unit").asText();
      values.add(Fmt.value(e.get("start_value").asDouble(), unit) + " → "
          + Fmt.value(e.get("end_value").asDouble(), unit));
    });

    Path chrome = ReportBrowserTest.chromium();
    assumeTrue(chrome != null, "chromium not installed (apt-get install -y chromium)");
    Process p = new ProcessBuilder(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"), "--virtual-time-budget=5000",
        "--dump-dom", html.toUri().toString())
        .redirectError(tmp.resolve("chromium.err").toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(status(dom, "data-state")).isEqualTo("done");
    assertThat(status(dom, "data-errors")).isEqualTo("0");
    int charts = Integer.parseInt(status(dom, "data-charts"));
    assertThat(charts).isGreaterThan(6 * 3);
    assertThat(status(dom, "data-canvases")).isEqualTo(String.valueOf(charts));
    List<String> listed = new ArrayList<>();
    Matcher m = Pattern.compile("<li class=\"finding [a-z]+\" data-id=\"([^\"]*)\"").matcher(dom);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).isNotEmpty();
    // the start and end values exactly as the terminal shows them (not rounded to four digits)
    List<String> shown = new ArrayList<>();
    Matcher row = Pattern.compile("<dt>values</dt><dd>([^<]*)</dd>").matcher(dom);
    while (row.find()) {
      shown.add(row.group(1));
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(values);
    // the sample has six-digit counts, a single message and sizes in MiB
    assertThat(values).anyMatch(v -> v.matches(".*\\d{3},\\d{3} entries.*")).contains("1 message → 14,249 messages")
        .anyMatch(v -> v.endsWith(" MiB"));
  }

  private static String status(String dom, String attr) {
    Matcher m = Pattern.compile("<div id=\"status\"[^>]*\\b" + attr + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("status element with " + attr).isTrue();
    return m.group(1);
  }
}
