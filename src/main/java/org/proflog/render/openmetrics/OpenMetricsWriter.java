package org.proflog.render.openmetrics;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * Writes every series of every node as OpenMetrics text with timestamps, for back-filling into
 * Prometheus: {@code promtool tsdb create-blocks-from openmetrics export.om data/}.
 *
 * <p>Layout. One family per {@link org.proflog.series.Metric} (names in {@link OpenMetricsName} and
 * METRICS.md), families sorted by name, each introduced by {@code # TYPE}, {@code # UNIT} (when the
 * value has a base unit) and {@code # HELP}, then all its samples: per node (sorted), per label set
 * (sorted), per time. Labels are {@code node} plus the series' own labels ({@code thread},
 * {@code global}...). Values are converted to base units (KiB to bytes). Timestamps are seconds
 * with millisecond precision and strictly increase within each series: when two points of a series
 * fall on the same millisecond (a clock stepped back at a restart) the one read last is kept. The text
 * ends with {@code # EOF}.
 *
 * <p>Restarts. Zeek's cumulative counters start again from zero when the process restarts, but an
 * OpenMetrics counter must not decrease. Each counter point is therefore written with its
 * {@code _created} sample, the start time of the process lifetime (segment) it belongs to: a new
 * created time is how OpenMetrics announces a reset, and the series stays one series across
 * restarts, as Prometheus' {@code rate()} expects.
 */
public final class OpenMetricsWriter {
  private OpenMetricsWriter() {}

  /** Writes all series of {@code nodes} to {@code out} (flushed, not closed). */
  public static void write(List<NodeSeries> nodes, Writer out) throws IOException {
    List<NodeSeries> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(NodeSeries::node));
    Map<String, List<Entry>> families = new TreeMap<>();
    Map<String, OpenMetricsName> names = new HashMap<>();
    for (NodeSeries n : sorted) {
      for (Map.Entry<MetricKey, Series> e : n.series().entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        OpenMetricsName name = OpenMetricsName.of(e.getKey().metric());
        names.put(name.family(), name);
        families.computeIfAbsent(name.family(), k -> new ArrayList<>())
            .add(new Entry(n, e.getKey(), e.getValue()));
      }
    }
    StringBuilder line = new StringBuilder(256);
    for (Map.Entry<String, List<Entry>> f : families.entrySet()) {
      OpenMetricsName name = names.get(f.getKey());
      out.write("# TYPE " + name.family() + " " + name.type() + "\n");
      if (!name.unit().isEmpty()) {
        out.write("# UNIT " + name.family() + " " + name.unit() + "\n");
      }
      out.write("# HELP " + name.family() + " " + escape(name.help()) + "\n");
      for (Entry e : f.getValue()) {
        writeSeries(name, e, out, line);
      }
    }
    out.write("# EOF\n");
    out.flush();
  }

  private record Entry(NodeSeries node, MetricKey key, Series series) {}

  private static void writeSeries(OpenMetricsName name, Entry e, Writer out, StringBuilder line)
      throws IOException {
    String labels = labels(e.node().node().name(), e.key());
    String sample = name.counter() ? name.family() + "_total" + labels : name.family() + labels;
    String created = name.counter() ? name.family() + "_created" + labels : null;
    Map<Integer, Long> segmentStart = new HashMap<>();
    for (Segment s : e.node().segments()) {
      segmentStart.put(s.index(), s.startMicros());
    }
    Series s = e.series();
    int[] order = timeOrder(s);
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      long ms = Math.floorDiv(s.time(i), 1000L);
      if (k + 1 < order.length && Math.floorDiv(s.time(order[k + 1]), 1000L) == ms) {
        continue; // the next point has the same timestamp and was read later: it wins
      }
      line.setLength(0);
      line.append(sample).append(' ');
      number(s.value(i) * name.factor(), line);
      line.append(' ');
      timestamp(ms, line);
      line.append('\n');
      if (created != null) {
        long start = segmentStart.getOrDefault(s.segmentOf(i), firstOfSegment(s, s.segmentOf(i)));
        line.append(created).append(' ');
        timestamp(Math.floorDiv(start, 1000L), line);
        line.append(' ');
        timestamp(ms, line);
        line.append('\n');
      }
      out.append(line);
    }
  }

  /** Point indexes in time order (stable: among equal times, read order). */
  private static int[] timeOrder(Series s) {
    int n = s.size();
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = s.time(i) >= s.time(i - 1);
    }
    if (sorted) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      return order;
    }
    return java.util.stream.IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingLong(s::time))
        .mapToInt(Integer::intValue).toArray();
  }

  private static long firstOfSegment(Series s, int segment) {
    for (int i = 0; i < s.size(); i++) {
      if (s.segmentOf(i) == segment) {
        return s.time(i);
      }
    }
    return 0;
  }

  /** {@code {node="x",thread="y"}}: node first, then the key's labels with names made valid. */
  static String labels(String node, MetricKey key) {
    StringBuilder sb = new StringBuilder("{node=\"");
    sb.append(escape(node)).append('"');
    for (Map.Entry<String, String> l : key.labels().entrySet()) {
      sb.append(',').append(OpenMetricsName.labelName(l.getKey())).append("=\"").append(escape(l.getValue())).append('"');
    }
    return sb.append('}').toString();
  }

  /** Escapes backslash, double quote and newline, as label values and HELP text require. */
  static String escape(String v) {
    StringBuilder sb = new StringBuilder(v.length() + 8);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static void number(double v, StringBuilder sb) {
    if (Double.isNaN(v)) {
      sb.append("NaN");
    } else if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "+Inf" : "-Inf");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(Double.toString(v));
    }
  }

  /** Seconds with three decimals. */
  static void timestamp(long ms, StringBuilder sb) {
    long sec = Math.floorDiv(ms, 1000L);
    int frac = (int) Math.floorMod(ms, 1000L);
    sb.append(sec).append('.');
    if (frac < 100) {
      sb.append('0');
    }
    if (frac < 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
