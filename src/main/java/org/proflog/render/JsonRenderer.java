package org.proflog.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.model.ParseProblem;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * {@code analyze --format json}: the run as one JSON document whose shape is versioned by its
 * {@code schema} field ({@value #SCHEMA}); see README "JSON output". Field order is fixed and
 * every list is sorted, so two runs over the same input are byte-identical.
 */
public final class JsonRenderer {
  /** Schema identifier; bumped on any incompatible change. */
  public static final String SCHEMA = "proflog.analyze/1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** Writes the summary as JSON followed by a newline. */
  public void write(RunSummary run, Writer out) throws IOException {
    MAPPER.writeValue(out, toJson(run));
    out.write('\n');
    out.flush();
  }

  /** The document as a tree. */
  public ObjectNode toJson(RunSummary run) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode sum = root.putObject("summary");
    sum.put("nodes", run.nodes().size());
    sum.put("snapshots", run.nodes().stream().mapToLong(NodeSeries::snapshots).sum());
    Severity w = run.worst();
    sum.put("verdict", w == null || w == Severity.INFO ? "healthy" : w.label());
    ObjectNode counts = sum.putObject("findings");
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
      counts.put(s.label(), run.count(s));
    }
    sum.put("problems", run.problemCount());
    ArrayNode checks = root.putArray("checks");
    run.checks().forEach(checks::add);
    ArrayNode fs = root.putArray("findings");
    for (Finding f : run.findings()) {
      fs.add(finding(f));
    }
    ArrayNode ns = root.putArray("nodes");
    for (NodeSeries n : run.nodes()) {
      ns.add(node(n, run));
    }
    ArrayNode ps = root.putArray("problems");
    for (ParseProblem p : run.problems()) {
      ObjectNode o = ps.addObject();
      o.put("path", p.path());
      o.put("line", p.line());
      o.put("message", p.message());
    }
    return root;
  }

  /** One finding as JSON (also used by the HTML report and watch). */
  public static ObjectNode finding(Finding f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", f.id());
    o.put("kind", f.kind().id());
    o.put("severity", f.severity().label());
    o.put("node", f.node());
    o.put("subject", f.subject());
    o.put("segment", f.segment());
    o.put("start", Fmt.isoTime(f.windowStartMicros()));
    o.put("end", Fmt.isoTime(f.windowEndMicros()));
    Evidence e = f.evidence();
    if (e != null) {
      ObjectNode ev = o.putObject("evidence");
      ev.put("method", e.method());
      ev.put("start", Fmt.isoTime(e.windowStartMicros()));
      ev.put("end", Fmt.isoTime(e.windowEndMicros()));
      ev.put("points", e.points());
      number(ev, "slope", e.slope());
      ev.put("slope_unit", e.slopeUnit());
      number(ev, "p_value", e.pValue());
      ev.put("statistic", e.statistic());
      number(ev, "statistic_value", e.statisticValue());
      number(ev, "start_value", e.startValue());
      number(ev, "end_value", e.endValue());
      ev.put("value_unit", e.valueUnit());
      ObjectNode x = ev.putObject("extra");
      for (Map.Entry<String, String> en : e.extra().entrySet()) {
        x.put(en.getKey(), en.getValue());
      }
    }
    if (f.projection() != null) {
      ObjectNode p = o.putObject("projection");
      number(p, "limit", f.projection().limit());
      p.put("unit", f.projection().unit());
      p.put("reached_at", Fmt.isoTime(f.projection().reachedAtMicros()));
      number(p, "hours_left", f.projection().hoursLeft());
    } else {
      o.putNull("projection");
    }
    o.put("explanation", f.explanation());
    o.put("next_step", f.nextStep());
    return o;
  }

  private static ObjectNode node(NodeSeries n, RunSummary run) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("node", n.node().name());
    o.put("role", n.node().role().label());
    o.put("era", n.era().code());
    o.put("era_versions", n.era().versions());
    o.put("verdict", run.verdictOf(n.node().name()));
    o.put("snapshots", n.snapshots());
    o.put("expensive_snapshots", n.expensiveSnapshots());
    o.put("cheap_snapshots", n.snapshots() - n.expensiveSnapshots());
    o.put("partial_snapshots", n.partialSnapshots());
    o.put("start", n.snapshots() == 0 ? null : Fmt.isoTime(n.startMicros()));
    o.put("end", n.snapshots() == 0 ? null : Fmt.isoTime(n.endMicros()));
    o.put("problems", n.problems());
    o.put("repaired_lines", n.repairedLines());
    ArrayNode files = o.putArray("files");
    n.files().forEach(files::add);
    ArrayNode segs = o.putArray("segments");
    for (Segment s : n.segments()) {
      ObjectNode so = segs.addObject();
      so.put("index", s.index());
      so.put("reason", s.reason().text());
      so.put("start", Fmt.isoTime(s.startMicros()));
      so.put("end", Fmt.isoTime(s.endMicros()));
      so.put("snapshots", s.snapshots());
      so.put("file", s.file());
      so.put("line", s.line());
      so.put("command_line", s.commandLine());
    }
    ArrayNode th = o.putArray("threads");
    n.threadNames().forEach(th::add);
    ArrayNode gl = o.putArray("globals");
    n.globalNames().forEach(gl::add);
    o.put("unnamed_tables", n.unnamedTableRows());
    o.put("series", n.series().size());
    return o;
  }

  private static void number(ObjectNode o, String k, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(k);
    } else if (v == Math.rint(v) && Math.abs(v) < 9e15) {
      o.put(k, (long) v);
    } else {
      o.put(k, v);
    }
  }
}
