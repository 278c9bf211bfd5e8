package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.FindingKind;
import org.proflog.analysis.Severity;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

class HtmlReportTest {
  static final String GOLDEN = "src/test/resources/render/html/small.expected.json";

  static String render(ReportData data) throws IOException {
    StringWriter w = new StringWriter();
    HtmlReport.write(data, w);
    return w.toString();
  }

  private static String dataBlob(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void pageInlinesUplotAndDataAndFetchesNothing() throws IOException {
    String html = render(TestCluster.report());
    assertThat(html).doesNotContain("<!--UPLOT_JS-->", "<!--UPLOT_CSS-->", "/*DATA*/", "/*END*/");
    assertThat(html).contains("uPlot").contains(".uplot");
    assertThat(html).doesNotContainPattern("(?i)<(script|link|img)[^>]+(src|href)\\s*=");
    // the only address is uPlot's own licence comment
    assertThat(html.replace("/*! https://github.com/leeoniya/uPlot (v1.6.30) */", ""))
        .as("no network at view time").doesNotContain("http://", "https://");
    JsonNode data = new ObjectMapper().readTree(dataBlob(html));
    assertThat(data.get("nodes")).hasSize(3);
    assertThat(data.get("findings")).hasSize(4);
  }

  @Test
  void hostileNamesCannotLeaveTheDataBlock() throws IOException {
    String node = "</script><script>alert(1)</script>";
    String thread = "<img src=x onerror=alert(1)>\u2028<!--";
    ReportData data = new ReportData("a </script> & <!-- title", TestCluster.START,
        TestCluster.nodes(node, thread), TestCluster.findings(node), Map.of(node, "</SCRIPT >"));
    String html = render(data);
    String template = HtmlReport.resource(HtmlReport.class, HtmlReport.TEMPLATE);
    assertThat(count(html, "<script")).isEqualTo(count(template, "<script") + 1); // + inlined uPlot
    assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "</script")).isEqualTo(count(html, "<script"));
    assertThat(html).doesNotContain("</script><script>alert", "<img src=x", "\u2028");
    String blob = dataBlob(html);
    assertThat(blob).doesNotContain("<", ">", "&");
    JsonNode parsed = new ObjectMapper().readTree(blob);
    assertThat(parsed.get("title").asText()).isEqualTo("a </script> & <!-- title");
    assertThat(parsed.toString()).contains(node).contains("<img src=x onerror=alert(1)>\u2028<!--");
  }

  @Test
  void emptyReportAndNodeWithoutDataStillRender() throws IOException {
    NodeSeries empty = new NodeSeries(new NodeId("logger-1"), Era.UNKNOWN, List.of(), List.of(),
        new TreeMap<>(), 0, 0, 0, new long[0], new TreeSet<>(), new TreeSet<>(), false, 3, 0);
    JsonNode none = new ObjectMapper().readTree(dataBlob(render(
        new ReportData("t", 0, List.of(), List.of(), null))));
    assertThat(none.get("nodes")).isEmpty();
    JsonNode one = new ObjectMapper().readTree(dataBlob(render(
        new ReportData("t", 0, List.of(empty), List.of(), Map.of()))));
    assertThat(one.get("nodes").get(0).get("charts")).isEmpty();
    assertThat(one.get("nodes").get(0).get("verdict").asText()).isEqualTo("healthy");
  }

  @Test
  void ratesAreNotDerivedAcrossARestart() throws IOException {
    JsonNode data = new ObjectMapper().readTree(HtmlReport.json(small()));
    JsonNode worker = data.get("nodes").get(1);
    JsonNode thread = null;
    for (JsonNode c : worker.get("charts")) {
      if (c.get("title").asText().startsWith("Thread ")) {
        thread = c;
      }
    }
    assertThat(thread).isNotNull();
    List<String> labels = new ObjectMapper().convertValue(thread.get("labels"), List.class);
    JsonNode in = thread.get("data").get(1 + labels.indexOf("in/s"));
    // points: seg0 t=0,10,20 ; seg1 t=30,40 -> first point of each segment has no rate
    assertThat(in.get(0).isNull()).isTrue();
    assertThat(in.get(1).asDouble()).isEqualTo(10.0);
    assertThat(in.get(3).isNull()).isTrue();
    assertThat(in.get(4).asDouble()).isEqualTo(5.0);
  }

  @Test
  void findingPointsAtTheChartOfItsSubject() throws IOException {
    JsonNode data = new ObjectMapper().readTree(HtmlReport.json(TestCluster.report()));
    for (JsonNode f : data.get("findings")) {
      String chart = f.get("chart").asText();
      JsonNode node = null;
      for (JsonNode n : data.get("nodes")) {
        if (n.get("name").asText().equals(f.get("node").asText())) {
          node = n;
        }
      }
      JsonNode target = null;
      for (JsonNode c : node.get("charts")) {
        if (c.get("id").asText().equals(chart)) {
          target = c;
        }
      }
      assertThat(target).as(f.get("id").asText()).isNotNull();
      switch (f.get("kind").asText()) {
        case "memory-growth" -> assertThat(target.get("title").asText()).isEqualTo("Memory");
        case "queue-backlog" -> assertThat(target.get("title").asText()).isEqualTo("Thread " + TestCluster.WRITER);
        case "state-growth" -> assertThat(target.get("labels").toString()).contains("LeakyTable::seen");
        default -> { }
      }
    }
  }

  @Test
  void smallReportMatchesGolden() throws IOException {
    String json = pretty(HtmlReport.json(small()));
    Path golden = Path.of(GOLDEN);
    // To regenerate after an intended change: PROFLOG_REGENERATE=1 mvn -B -o test -Dtest=HtmlReportTest
    if ("1".equals(System.getenv("PROFLOG_REGENERATE"))) {
      Files.writeString(golden, json, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String pretty(String json) throws IOException {
    ObjectMapper m = new ObjectMapper();
    return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json)) + "\n";
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** Two nodes with a handful of points: small enough to read the golden file by eye. */
  static ReportData small() {
    long t0 = 1_700_000_000_000_000L;
    long s = 10_000_000L;
    SortedMap<MetricKey, Series> m = new TreeMap<>();
    Series mem = new Series();
    Series in = new Series();
    Series pin = new Series();
    Series g = new Series();
    double[] memV = {1_048_576, 1_100_000, 1_150_000.5, 900_000, 950_000};
    double[] inV = {100, 200, 300, 10, 60};
    for (int i = 0; i < 5; i++) {
      int seg = i < 3 ? 0 : 1;
      mem.add(t0 + i * s, memV[i], seg);
      in.add(t0 + i * s, inV[i], seg);
      pin.add(t0 + i * s, i * 2, seg);
      if (i % 2 == 0) {
        g.add(t0 + i * s + 500_000, 10 + i, seg);
      }
    }
    m.put(MetricKey.of(Metric.MEMORY_TOTAL), mem);
    m.put(MetricKey.of(Metric.THREAD_IN, "thread", "conn/Log::WRITER_ASCII"), in);
    m.put(MetricKey.of(Metric.THREAD_PENDING_IN, "thread", "conn/Log::WRITER_ASCII"), pin);
    m.put(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Known::hosts"), g);
    m.put(MetricKey.of(Metric.TABLES_ENTRIES), g);
    List<Segment> segs = List.of(
        new Segment(0, Segment.Reason.FIRST, t0, t0 + 2 * s, 3, "w/prof.log", 1, "zeek -i eth0"),
        new Segment(1, Segment.Reason.COUNTER_RESET, t0 + 3 * s, t0 + 4 * s, 2, "w/prof.log", 40, null));
    NodeSeries worker = new NodeSeries(new NodeId("worker-1"), Era.G7, List.of("w/prof.log"), segs, m,
        5, 3, 0, new long[0], new TreeSet<>(List.of("conn/Log::WRITER_ASCII")),
        new TreeSet<>(List.of("Known::hosts")), false, 0, 0);
    SortedMap<MetricKey, Series> pm = new TreeMap<>();
    Series pmem = new Series();
    pmem.add(t0 + 1_500_000, 2048, 0);
    pmem.add(t0 + 11_500_000, 2048, 0);
    pm.put(MetricKey.of(Metric.MEMORY_TOTAL), pmem);
    NodeSeries proxy = new NodeSeries(new NodeId("proxy-1"), Era.G9, List.of("p/prof.log"),
        List.of(new Segment(0, Segment.Reason.FIRST, t0 + 1_500_000, t0 + 11_500_000, 2, "p/prof.log", 1, null)),
        pm, 2, 0, 0, new long[0], new TreeSet<>(), new TreeSet<>(), true, 1, 0);
    Finding f = new Finding(Finding.idOf(FindingKind.MEMORY_GROWTH, "worker-1", "memory.total"),
        FindingKind.MEMORY_GROWTH, Severity.WARNING, "worker-1", "memory.total", 0, t0, t0 + 2 * s,
        new Evidence("peaks", t0, t0 + 2 * s, 3, 3.6e6 / 3, "KiB/h", 0.04, "tau", 1.0, 1_048_576,
            1_150_000.5, "KiB", Map.of("note", "tiny")),
        null, "Grows.", "Look.");
    return new ReportData("small", t0 + 60 * s, List.of(worker, proxy), List.of(f),
        Map.of("worker-1", "G7"));
  }
}
