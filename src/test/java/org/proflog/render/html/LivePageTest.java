package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/** The live page's writer and the data document it is made of. */
class LivePageTest {
  private static String live(ReportDocument doc) throws IOException {
    StringWriter w = new StringWriter();
    HtmlReport.writeLive(doc, w);
    return w.toString();
  }

  @Test
  void documentIsTheReportsEmbeddedDataAndItsGzipTheSameBytes() throws IOException {
    ReportData data = TestCluster.report();
    ReportDocument doc = ReportDocument.of(data);
    assertThat(doc.text()).isEqualTo(HtmlReport.json(data));
    assertThat(doc.generatedAtMicros()).isEqualTo(data.generatedAtMicros());
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    doc.write(plain, false);
    assertThat(plain.toByteArray()).isEqualTo(doc.text().getBytes(StandardCharsets.UTF_8));
    assertThat(doc.length(false)).isEqualTo(plain.size());
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    doc.write(zipped, true);
    assertThat(doc.length(true)).isEqualTo(zipped.size()).isLessThan(plain.size());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.toByteArray());
    }
  }

  @Test
  void documentReadsTheSeriesOnlyWhenMade() throws IOException {
    List<NodeSeries> nodes = TestCluster.nodes();
    ReportData data = new ReportData("t", TestCluster.START, nodes, TestCluster.findings("worker-1"), Map.of());
    String before = HtmlReport.json(data);
    ReportDocument doc = ReportDocument.of(data);
    // a live watcher's series go on growing after the document was made
    Series rss = nodes.get(0).get(Metric.MEMORY_TOTAL);
    long t = rss.time(rss.size() - 1);
    for (int i = 1; i <= 5000; i++) {
      rss.add(t + i * TestCluster.STEP, 9e9 + i, 0);
    }
    assertThat(HtmlReport.json(data)).as("the series did change").isNotEqualTo(before);
    assertThat(doc.text()).isEqualTo(before);
  }

  @Test
  void livePageIsTheReportPlusTheRefreshScript() throws IOException {
    ReportDocument doc = ReportDocument.of(TestCluster.report());
    String page = live(doc);
    StringWriter file = new StringWriter();
    HtmlReport.write(TestCluster.report(), file);
    String report = file.toString();
    assertThat(report).doesNotContain("<!--LIVE-->", "report.json");
    assertThat(page).doesNotContain("<!--LIVE-->").contains("fetch('report.json'");
    assertThat(page).contains("<script type=\"application/json\" id=\"data\">" + doc.text() + "</script>");
    assertThat(page.split("<script", -1).length).isEqualTo(report.split("<script", -1).length + 1);
    // without data yet: the empty report, which the script fills once data comes
    assertThat(live(null)).contains("<script type=\"application/json\" id=\"data\">{}</script>");
  }

  @Test
  void policyListsOneHashPerInlineScriptAndStyle() throws IOException {
    String csp = HtmlReport.liveContentSecurityPolicy();
    String page = live(null);
    int scripts = page.split("<script>", -1).length - 1;
    int styles = page.split("<style>", -1).length - 1;
    assertThat(scripts).isEqualTo(4);
    assertThat(styles).isEqualTo(2);
    String scriptSrc = csp.replaceAll(".*script-src ([^;]*);.*", "$1");
    String styleSrc = csp.replaceAll(".*style-src ([^;]*);.*", "$1");
    assertThat(scriptSrc.split(" ")).hasSize(scripts).allMatch(h -> h.matches("'sha256-[A-Za-z0-9+/]{43}='"));
    assertThat(styleSrc.split(" ")).hasSize(styles).allMatch(h -> h.matches("'sha256-[A-Za-z0-9+/]{43}='"));
    assertThat(csp).startsWith("default-src 'none';").doesNotContain("unsafe");
  }
}
