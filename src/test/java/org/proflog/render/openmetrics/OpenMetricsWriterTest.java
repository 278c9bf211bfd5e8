package org.proflog.render.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.render.html.TestCluster;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

class OpenMetricsWriterTest {

  static String export(List<NodeSeries> nodes) throws IOException {
    StringWriter w = new StringWriter();
    OpenMetricsWriter.write(nodes, w);
    return w.toString();
  }

  @Test
  void clusterExportPassesTheStrictValidator() throws IOException {
    String text = export(TestCluster.nodes());
    assertThat(OpenMetricsValidator.validate(text)).isEmpty();
    assertThat(text).endsWith("# EOF\n");
    assertThat(text).contains("# TYPE zeek_prof_memory_peak_rss_bytes gauge\n"
        + "# UNIT zeek_prof_memory_peak_rss_bytes bytes\n");
    assertThat(text).contains("# TYPE zeek_prof_thread_in_messages counter\n");
    assertThat(text).contains("zeek_prof_thread_in_messages_total{node=\"logger-1\",thread=\"conn/Log::WRITER_ASCII\"} ");
  }

  @Test
  void hostileNamesAreEscapedAndStillValid() throws IOException {
    String text = export(TestCluster.nodes("w\"1\\\nx", "t\"}\n{ 1 2"));
    assertThat(OpenMetricsValidator.validate(text)).isEmpty();
    assertThat(text).contains("{node=\"w\\\"1\\\\\\nx\"");
    assertThat(text).contains("thread=\"t\\\"}\\n{ 1 2\"");
  }

  @Test
  void valuesInBaseUnitsAndCountersAnnounceRestarts() throws IOException {
    long t0 = 1_700_000_000_000_000L;
    SortedMap<MetricKey, Series> m = new TreeMap<>();
    Series mem = new Series();
    mem.add(t0, 2, 0);
    mem.add(t0 + 1_500_000, 3.5, 0);
    Series in = new Series();
    in.add(t0, 100, 0);
    in.add(t0 + 10_000_000, 200, 0);
    in.add(t0 + 20_000_000, 5, 1);
    Series lag = new Series();
    lag.add(t0, 0.25, 0);
    m.put(MetricKey.of(Metric.MEMORY_TOTAL), mem);
    m.put(MetricKey.of(Metric.THREAD_IN, "thread", "x"), in);
    m.put(MetricKey.of(Metric.TIMERS_LAG), lag);
    NodeSeries n = new NodeSeries(new NodeId("worker-1"), Era.G9, List.of("f"),
        List.of(new Segment(0, Segment.Reason.FIRST, t0, t0 + 10_000_000, 2, "f", 1, null),
            new Segment(1, Segment.Reason.COUNTER_RESET, t0 + 20_000_000, t0 + 20_000_000, 1, "f", 9, null)),
        m, 3, 0, 0, new long[0], new TreeSet<>(List.of("x")), new TreeSet<>(), false, 0, 0);
    String text = export(List.of(n));
    assertThat(OpenMetricsValidator.validate(text)).isEmpty();
    assertThat(text).isEqualTo("""
        # TYPE zeek_prof_memory_peak_rss_bytes gauge
        # UNIT zeek_prof_memory_peak_rss_bytes bytes
        # HELP zeek_prof_memory_peak_rss_bytes process memory as printed (peak RSS on Linux since Bro 2.4) (prof.log memory.total)
        zeek_prof_memory_peak_rss_bytes{node="worker-1"} 2048 1700000000.000
        zeek_prof_memory_peak_rss_bytes{node="worker-1"} 3584 1700000001.500
        # TYPE zeek_prof_thread_in_messages counter
        # HELP zeek_prof_thread_in_messages messages sent into a thread (prof.log thread.in)
        zeek_prof_thread_in_messages_total{node="worker-1",thread="x"} 100 1700000000.000
        zeek_prof_thread_in_messages_created{node="worker-1",thread="x"} 1700000000.000 1700000000.000
        zeek_prof_thread_in_messages_total{node="worker-1",thread="x"} 200 1700000010.000
        zeek_prof_thread_in_messages_created{node="worker-1",thread="x"} 1700000000.000 1700000010.000
        zeek_prof_thread_in_messages_total{node="worker-1",thread="x"} 5 1700000020.000
        zeek_prof_thread_in_messages_created{node="worker-1",thread="x"} 1700000020.000 1700000020.000
        # TYPE zeek_prof_timer_lag_seconds gauge
        # UNIT zeek_prof_timer_lag_seconds seconds
        # HELP zeek_prof_timer_lag_seconds how late the profile timer fired (timer-driven snapshots only) (prof.log timers.lag)
        zeek_prof_timer_lag_seconds{node="worker-1"} 0.25 1700000000.000
        # EOF
        """);
  }

  @Test
  void timestampsStrictlyIncreaseWhenTheClockStepsBack() throws IOException {
    long t0 = 1_700_000_000_000_000L;
    SortedMap<MetricKey, Series> m = new TreeMap<>();
    Series s = new Series();
    s.add(t0, 1, 0);
    s.add(t0 + 10_000_000, 2, 0);
    s.add(t0 + 20_000_000, 3, 0);
    s.add(t0 + 10_000_400, 9, 1); // restart with a clock stepped back; same millisecond as point 2
    s.add(t0 + 30_000_000, 4, 1);
    m.put(MetricKey.of(Metric.CONNS_CURRENT), s);
    NodeSeries n = new NodeSeries(new NodeId("proxy-1"), Era.G9, List.of("f"),
        List.of(new Segment(0, Segment.Reason.FIRST, t0, t0 + 20_000_000, 3, "f", 1, null),
            new Segment(1, Segment.Reason.TIME_BACKWARDS, t0 + 10_000_400, t0 + 30_000_000, 2, "f", 9, null)),
        m, 5, 0, 0, new long[0], new TreeSet<>(), new TreeSet<>(), false, 0, 0);
    String text = export(List.of(n));
    assertThat(OpenMetricsValidator.validate(text)).isEmpty();
    assertThat(text.lines().filter(l -> l.startsWith("zeek_prof_connections{")).toList()).containsExactly(
        "zeek_prof_connections{node=\"proxy-1\"} 1 1700000000.000",
        "zeek_prof_connections{node=\"proxy-1\"} 9 1700000010.000",
        "zeek_prof_connections{node=\"proxy-1\"} 3 1700000020.000",
        "zeek_prof_connections{node=\"proxy-1\"} 4 1700000030.000");
  }

  @Test
  void everyMetricHasAUniqueValidFamilyName() {
    Set<String> names = new HashSet<>();
    for (Metric m : Metric.values()) {
      OpenMetricsName n = OpenMetricsName.of(m);
      assertThat(n.family()).matches("zeek_prof_[a-z0-9_]+").doesNotEndWith("_total");
      assertThat(names.add(n.family())).as("unique " + n.family()).isTrue();
      if (!n.unit().isEmpty()) {
        assertThat(n.family()).endsWith("_" + n.unit());
      }
      assertThat(n.type()).isEqualTo(m.kind() == Metric.Kind.COUNTER ? "counter" : "gauge");
      assertThat(n.factor()).isEqualTo(m.unit() == Metric.Unit.KIB ? 1024 : 1);
      assertThat(OpenMetricsMarkdownTest.documented()).as("METRICS.md lists " + m.id()).contains(m.id());
    }
  }

  @Test
  void labelNamesAreMadeValid() {
    assertThat(OpenMetricsName.labelName("timer type")).isEqualTo("timer_type");
    assertThat(OpenMetricsName.labelName("node")).isEqualTo("series_node");
    assertThat(OpenMetricsName.labelName("__x")).isEqualTo("series_x");
    assertThat(OpenMetricsName.labelName("1st")).isEqualTo("_st");
  }

  @Test
  void validatorRejectsBrokenText() {
    String ok = "# TYPE a counter\na_total{node=\"n\"} 1 1.000\na_created{node=\"n\"} 0.000 1.000\n# EOF\n";
    assertThat(OpenMetricsValidator.validate(ok)).isEmpty();
    assertThat(OpenMetricsValidator.validate("# TYPE a gauge\na 1 1.000\n")).isNotEmpty();
    assertThat(OpenMetricsValidator.validate("# TYPE a gauge\na 1 2.000\na 1 2.000\n# EOF\n"))
        .anyMatch(p -> p.contains("not increasing"));
    assertThat(OpenMetricsValidator.validate(
        "# TYPE a gauge\na 1 1.000\n# TYPE b gauge\nb 1 1.000\n# TYPE a gauge\na 2 2.000\n# EOF\n"))
        .anyMatch(p -> p.contains("not contiguous"));
    assertThat(OpenMetricsValidator.validate("# TYPE a counter\na 1 1.000\n# EOF\n"))
        .anyMatch(p -> p.contains("outside its family"));
    assertThat(OpenMetricsValidator.validate("# TYPE a gauge\na{1x=\"v\"} 1 1.000\n# EOF\n"))
        .anyMatch(p -> p.contains("bad label name"));
    assertThat(OpenMetricsValidator.validate("# TYPE a gauge\na{x=\"v\\q\"} 1 1.000\n# EOF\n"))
        .anyMatch(p -> p.contains("bad escape"));
    assertThat(OpenMetricsValidator.validate("# TYPE a_x gauge\n# UNIT a_x bytes\na_x 1 1.000\n# EOF\n"))
        .anyMatch(p -> p.contains("unit"));
    assertThat(OpenMetricsValidator.validate("# TYPE a gauge\na 1 1.000\n# EOF\n\n")).isNotEmpty();
    assertThat(OpenMetricsValidator.validate(
        "# TYPE a counter\na_total 5 1.000\na_created 0 1.000\na_total 4 2.000\na_created 0 2.000\n# EOF\n"))
        .anyMatch(p -> p.contains("decreased"));
    assertThat(OpenMetricsValidator.validate(
        "# TYPE a counter\na_total 5 1.000\na_created 0 1.000\na_total 4 2.000\na_created 1.5 2.000\n# EOF\n"))
        .isEmpty();
  }
}
