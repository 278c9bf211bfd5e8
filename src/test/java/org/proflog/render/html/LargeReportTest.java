package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * A month of 1-second snapshots for 20 nodes (2.6 million points per series) must still make a
 * report under 5 MB. The nodes share a few series objects so the input fits in a test heap; the
 * renderer does not know, it reads and thins every chart anyway. Only the size is asserted; the
 * size and time are printed for the record.
 */
class LargeReportTest {
  static final int NODES = 20;
  static final int POINTS = 30 * 86_400;
  static final long START = 1_709_251_200_000_000L;
  static final long MAX_BYTES = 5L * 1024 * 1024;

  @TempDir Path tmp;

  @Test
  void monthOfSecondsForTwentyNodesStaysUnderFiveMegabytes() throws IOException {
    Series staircase = new Series(POINTS);
    Series wave = new Series(POINTS);
    Series spiky = new Series(POINTS);
    Series counter = new Series(POINTS);
    Series sparse = new Series(POINTS / 300 + 1);
    java.util.Random r = new java.util.Random(42);
    double peak = 0;
    double c = 0;
    for (int i = 0; i < POINTS; i++) {
      long t = START + i * 1_000_000L;
      int seg = i < POINTS / 2 ? 0 : 1;
      if (i == POINTS / 2) {
        peak = 0;
        c = 0;
      }
      double day = Math.sin(2 * Math.PI * (i % 86_400) / 86_400.0);
      peak = Math.max(peak, 2_000_000 + i * 0.3 % 500_000 + r.nextInt(1000));
      staircase.add(t, peak, seg);
      wave.add(t, Math.round(30_000 + 10_000 * day + r.nextInt(800)), seg);
      spiky.add(t, r.nextInt(1000) == 0 ? r.nextInt(50_000) : r.nextInt(5), seg);
      c += 100 + r.nextInt(40);
      counter.add(t, c, seg);
      if (i % 300 == 0) {
        sparse.add(t, 1000 + i / 300, seg);
      }
    }
    List<NodeSeries> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      SortedMap<MetricKey, Series> s = new TreeMap<>();
      s.put(MetricKey.of(Metric.MEMORY_TOTAL), staircase);
      s.put(MetricKey.of(Metric.MEMORY_MALLOCED), wave);
      for (Metric m : List.of(Metric.CONNS_CURRENT, Metric.CONNS_TCP, Metric.CONNS_UDP,
          Metric.CONNS_ICMP, Metric.TIMERS_CURRENT)) {
        s.put(MetricKey.of(m), wave);
      }
      s.put(MetricKey.of(Metric.TIMERS_LAG), spiky);
      TreeSet<String> threads = new TreeSet<>();
      for (int k = 0; k < 3; k++) {
        String th = "log" + k + "/Log::WRITER_ASCII";
        threads.add(th);
        s.put(MetricKey.of(Metric.THREAD_PENDING_IN, "thread", th), spiky);
        s.put(MetricKey.of(Metric.THREAD_PENDING_OUT, "thread", th), spiky);
        s.put(MetricKey.of(Metric.THREAD_IN, "thread", th), counter);
        s.put(MetricKey.of(Metric.THREAD_OUT, "thread", th), counter);
      }
      for (int k = 0; k < 8; k++) {
        s.put(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Module" + k + "::table"), sparse);
      }
      s.put(MetricKey.of(Metric.TABLES_ENTRIES), sparse);
      s.put(MetricKey.of(Metric.COMM_PEERS), spiky);
      s.put(MetricKey.of(Metric.COMM_EVENTS_IN), counter);
      s.put(MetricKey.of(Metric.COMM_EVENTS_OUT), counter);
      long mid = START + (POINTS / 2) * 1_000_000L;
      List<Segment> segs = List.of(
          new Segment(0, Segment.Reason.FIRST, START, mid - 1_000_000L, POINTS / 2, "f", 1, null),
          new Segment(1, Segment.Reason.COMMAND_LINE, mid, START + (POINTS - 1) * 1_000_000L,
              POINTS / 2, "f", 2, "zeek"));
      nodes.add(new NodeSeries(new NodeId(String.format(Locale.ROOT, "worker-%02d", n)), Era.G8,
          List.of("f"), segs, s, POINTS, POINTS / 300, 0, new long[0], threads, new TreeSet<>(), true, 0, 0));
    }
    Path out = tmp.resolve("big.html");
    long t0 = System.nanoTime();
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
      HtmlReport.write(new ReportData("big", START, nodes, List.of(), Map.of()), w);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long size = Files.size(out);
    System.out.printf(Locale.ROOT, "large report: %d nodes x %d points/series -> %d bytes in %d ms%n",
        NODES, POINTS, size, ms);
    String keep = System.getenv("PROFLOG_KEEP_LARGE");
    if (keep != null) {
      Files.copy(out, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(size).isLessThan(MAX_BYTES);
  }
}
