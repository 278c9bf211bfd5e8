package org.proflog.render.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.FindingKind;
import org.proflog.analysis.Projection;
import org.proflog.analysis.Severity;
import org.proflog.render.html.ChartSpec.Column;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * Turns {@link ReportData} into the one JSON document the page draws from. Times are seconds
 * relative to {@code base} (whole seconds since the epoch) to keep numbers short; values are rounded
 * to 5 significant digits; every chart is thinned so that the whole report stays within a budget of
 * about {@value #VALUE_BUDGET} numbers (at most {@value #MAX_ROWS} rows per chart).
 */
final class ReportJson {
  static final int MAX_ROWS = 2000;
  static final int MIN_ROWS = 300;
  static final int VALUE_BUDGET = 500_000;
  private static final MathContext DIGITS = new MathContext(5);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReportJson() {}

  /** Ranking of findings: most severe first, then by node, kind, subject and id. */
  static final Comparator<Finding> RANK = Comparator.comparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::node)
      .thenComparing(f -> f.kind().id())
      .thenComparing(f -> String.valueOf(f.subject()))
      .thenComparing(Finding::id);

  static ObjectNode build(ReportData data) {
    return format(thin(data));
  }

  /**
   * The report with every chart thinned: all that is read from the series. The rest (metadata of
   * nodes and findings, immutable records) is formatted from it by {@link #format}, which touches no
   * series, so it may run on another thread while the series go on growing.
   */
  record Thinned(ReportData data, List<NodeSeries> nodes, List<Finding> findings, long baseSec, int rows,
      List<NodeCharts.Result> charts, List<List<Downsampler.Table>> tables) {}

  static Thinned thin(ReportData data) {
    List<NodeSeries> nodes = new ArrayList<>(data.nodes());
    nodes.sort(Comparator.comparing(NodeSeries::node));
    List<Finding> findings = new ArrayList<>(data.findings());
    findings.sort(RANK);

    long baseSec = Long.MAX_VALUE;
    for (NodeSeries n : nodes) {
      if (!n.segments().isEmpty()) {
        baseSec = Math.min(baseSec, Math.floorDiv(n.startMicros(), 1_000_000L));
      }
    }
    for (Finding f : findings) {
      baseSec = Math.min(baseSec, Math.floorDiv(f.windowStartMicros(), 1_000_000L));
    }
    if (baseSec == Long.MAX_VALUE) {
      baseSec = 0;
    }

    Map<String, Set<String>> subjectsByNode = new HashMap<>();
    for (Finding f : findings) {
      if (f.subject() != null) {
        subjectsByNode.computeIfAbsent(f.node(), k -> new HashSet<>()).add(f.subject());
      }
    }
    List<NodeCharts.Result> charts = new ArrayList<>();
    long columns = 0;
    for (int i = 0; i < nodes.size(); i++) {
      NodeSeries n = nodes.get(i);
      NodeCharts.Result r = NodeCharts.of(n, "n" + i, subjectsByNode.getOrDefault(n.node().name(), Set.of()));
      charts.add(r);
      for (ChartSpec c : r.charts()) {
        columns += 1 + c.columns().size();
      }
    }
    int rows = (int) Math.max(MIN_ROWS, Math.min(MAX_ROWS, VALUE_BUDGET / Math.max(1, columns)));
    // Thinning reads every point of every chart: spread the nodes over the cores. The list keeps
    // the nodes' order, so the output does not depend on scheduling.
    List<List<Downsampler.Table>> tables = IntStream.range(0, nodes.size()).parallel()
        .mapToObj(i -> charts.get(i).charts().stream()
            .map(c -> Downsampler.downsample(align(c.columns()), rows)).toList())
        .toList();
    return new Thinned(data, nodes, findings, baseSec, rows, charts, tables);
  }

  static ObjectNode format(Thinned t) {
    ReportData data = t.data();
    List<NodeSeries> nodes = t.nodes();
    List<Finding> findings = t.findings();
    long base = t.baseSec() * 1_000_000L;
    ObjectNode root = F.objectNode();
    root.put("title", data.title());
    root.put("generated", data.generatedAtMicros() / 1_000_000L);
    root.put("base", t.baseSec());
    root.put("rowsPerChart", t.rows());
    ArrayNode nodesJson = root.putArray("nodes");
    Map<String, List<ChartSpec>> chartsByNode = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      chartsByNode.put(nodes.get(i).node().name(), t.charts().get(i).charts());
    }
    List<ObjectNode> built = IntStream.range(0, nodes.size()).parallel()
        .mapToObj(i -> node(nodes.get(i), t.charts().get(i), t.tables().get(i),
            data.nodeNotes().get(nodes.get(i).node().name()), findings, base))
        .toList();
    nodesJson.addAll(built);
    ArrayNode fj = root.putArray("findings");
    for (Finding f : findings) {
      fj.add(finding(f, chartsByNode.getOrDefault(f.node(), List.of()), base));
    }
    return root;
  }

  private static ObjectNode node(NodeSeries n, NodeCharts.Result charts, List<Downsampler.Table> tables,
      String note, List<Finding> findings, long base) {
    ObjectNode o = F.objectNode();
    String name = n.node().name();
    o.put("name", name);
    o.put("role", n.node().role().label());
    o.put("era", n.era() == null ? "unknown" : n.era().label());
    if (note != null) {
      o.put("note", note);
    }
    Severity worst = null;
    for (Finding f : findings) {
      if (f.node().equals(name) && (worst == null || f.severity().compareTo(worst) > 0)) {
        worst = f.severity();
      }
    }
    o.put("verdict", worst == Severity.CRITICAL ? "critical" : worst == Severity.WARNING ? "warning" : "healthy");
    o.put("snapshots", n.snapshots());
    o.put("problems", n.problems());
    if (!n.segments().isEmpty()) {
      o.set("start", time(n.startMicros(), base));
      o.set("end", time(n.endMicros(), base));
    }
    ArrayNode segs = o.putArray("segments");
    for (Segment s : n.segments()) {
      ObjectNode so = segs.addObject();
      so.set("start", time(s.startMicros(), base));
      so.set("end", time(s.endMicros(), base));
      so.put("reason", s.reason().text());
      so.put("snapshots", s.snapshots());
      if (s.commandLine() != null) {
        so.put("cmd", s.commandLine());
      }
    }
    o.put("threadsOmitted", charts.omitted().threads());
    o.put("globalsOmitted", charts.omitted().globals());
    ArrayNode cj = o.putArray("charts");
    for (int i = 0; i < charts.charts().size(); i++) {
      cj.add(chart(charts.charts().get(i), tables.get(i), base));
    }
    return o;
  }

  private static ObjectNode chart(ChartSpec c, Downsampler.Table t, long base) {
    ObjectNode o = F.objectNode();
    o.put("id", c.id());
    o.put("title", c.title());
    o.put("unit", c.leftUnit());
    if (c.rightUnit() != null) {
      o.put("unit2", c.rightUnit());
    }
    ArrayNode labels = o.putArray("labels");
    ArrayNode right = o.putArray("right");
    for (Column col : c.columns()) {
      labels.add(col.label());
      right.add(col.right() ? 1 : 0);
    }
    ArrayNode data = o.putArray("data");
    ArrayNode xs = data.addArray();
    for (long x : t.times()) {
      xs.add(time(x, base));
    }
    for (double[] col : t.columns()) {
      ArrayNode ys = data.addArray();
      for (double v : col) {
        ys.add(number(v));
      }
    }
    return o;
  }

  /**
   * Puts the columns on one ascending time axis (NaN where a column has no point). Columns read
   * from the same snapshots (the usual case) are read in place; others are merged on the union of
   * their times.
   */
  static Downsampler.Source align(List<Column> cols) {
    Series first = cols.get(0).series();
    boolean same = sorted(first);
    for (int c = 1; same && c < cols.size(); c++) {
      same = sameTimes(first, cols.get(c).series());
    }
    if (same) {
      Column[] byIndex = cols.toArray(new Column[0]);
      return new Downsampler.Source() {
        @Override
        public int rows() {
          return first.size();
        }

        @Override
        public int columnCount() {
          return cols.size();
        }

        @Override
        public long time(int i) {
          return first.time(i);
        }

        @Override
        public double value(int column, int i) {
          return byIndex[column].valueAt(i);
        }
      };
    }
    int total = 0;
    for (Column c : cols) {
      total += c.series().size();
    }
    long[] all = new long[total];
    int k = 0;
    for (Column c : cols) {
      long[] t = c.series().times();
      System.arraycopy(t, 0, all, k, t.length);
      k += t.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    long[] union = Arrays.copyOf(all, distinct);
    double[][] values = new double[cols.size()][];
    for (int c = 0; c < cols.size(); c++) {
      double[] col = new double[distinct];
      Arrays.fill(col, Double.NaN);
      Series s = cols.get(c).series();
      for (int i = 0; i < s.size(); i++) {
        // a later point at the same time (after a clock step back) wins, as it was read last
        col[Arrays.binarySearch(union, s.time(i))] = cols.get(c).valueAt(i);
      }
      values[c] = col;
    }
    return new Downsampler.Table(union, values);
  }

  private static boolean sameTimes(Series a, Series b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.time(i) != b.time(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sorted(Series s) {
    for (int i = 1; i < s.size(); i++) {
      if (s.time(i) <= s.time(i - 1)) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode finding(Finding f, List<ChartSpec> charts, long base) {
    ObjectNode o = F.objectNode();
    o.put("id", f.id());
    o.put("kind", f.kind().id());
    o.put("severity", f.severity().label());
    o.put("node", f.node());
    if (f.subject() != null) {
      o.put("subject", f.subject());
    }
    o.put("segment", f.segment());
    o.set("from", time(f.windowStartMicros(), base));
    o.set("to", time(f.windowEndMicros(), base));
    String chart = chartFor(f, charts);
    if (chart != null) {
      o.put("chart", chart);
    }
    if (f.explanation() != null) {
      o.put("explanation", f.explanation());
    }
    if (f.nextStep() != null) {
      o.put("next", f.nextStep());
    }
    Evidence e = f.evidence();
    if (e != null) {
      ObjectNode ej = o.putObject("evidence");
      ej.put("method", e.method());
      ej.set("from", time(e.windowStartMicros(), base));
      ej.set("to", time(e.windowEndMicros(), base));
      ej.put("points", e.points());
      ej.set("slope", number(e.slope()));
      ej.put("slopeUnit", e.slopeUnit());
      ej.set("p", number(e.pValue()));
      ej.put("statistic", e.statistic());
      ej.set("statisticValue", number(e.statisticValue()));
      ej.set("start", number(e.startValue()));
      ej.set("end", number(e.endValue()));
      ej.put("valueUnit", e.valueUnit());
      ArrayNode extra = ej.putArray("extra");
      e.extra().forEach((k, v) -> extra.addArray().add(k).add(v));
    }
    Projection p = f.projection();
    if (p != null) {
      ObjectNode pj = o.putObject("projection");
      pj.set("limit", number(p.limit()));
      pj.put("unit", p.unit());
      pj.set("at", time(p.reachedAtMicros(), base));
      pj.set("hoursLeft", number(p.hoursLeft()));
    }
    return o;
  }

  /** The chart that shows a finding's subject, or the node's first chart, or null. */
  static String chartFor(Finding f, List<ChartSpec> charts) {
    if (charts.isEmpty()) {
      return null;
    }
    if (f.subject() != null) {
      for (ChartSpec c : charts) {
        if (c.subjects().contains(f.subject())) {
          return c.id();
        }
      }
    }
    String prefix = switch (f.kind()) {
      case MEMORY_GROWTH, CLUSTER_OUTLIER, RESTART -> "-memory";
      case STATE_GROWTH -> "-globals";
      case TIMER_LAG, TIMER_GROWTH -> "-timers";
      case CONNECTION_STATE -> "-conns";
      case COMM -> "-comm";
      case QUEUE_BACKLOG -> "-thread";
      default -> "";
    };
    for (ChartSpec c : charts) {
      if (!prefix.isEmpty() && c.id().contains(prefix)) {
        return c.id();
      }
    }
    if (f.kind() == FindingKind.STATE_GROWTH) {
      for (ChartSpec c : charts) {
        if (c.id().endsWith("-state")) {
          return c.id();
        }
      }
    }
    return charts.get(0).id();
  }

  /** Seconds from the base, whole when the time is whole seconds, else to the millisecond. */
  static com.fasterxml.jackson.databind.JsonNode time(long micros, long base) {
    long d = micros - base;
    if (d % 1_000_000L == 0) {
      return F.numberNode(d / 1_000_000L);
    }
    return F.numberNode(BigDecimal.valueOf(Math.round(d / 1000.0), 3).stripTrailingZeros());
  }

  /** A value rounded to 5 significant digits; null for NaN or infinity. */
  static com.fasterxml.jackson.databind.JsonNode number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return F.nullNode();
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return F.numberNode((long) v);
    }
    BigDecimal b = new BigDecimal(v).round(DIGITS).stripTrailingZeros();
    if (b.scale() <= 0) {
      return F.numberNode(b.longValue());
    }
    return F.numberNode(b);
  }

  static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    m.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return m;
  }
}
