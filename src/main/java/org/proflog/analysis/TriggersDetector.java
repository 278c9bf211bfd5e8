package org.proflog.analysis;

import java.util.List;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/** triggers: when-triggers pending for evaluation keep accumulating. */
public final class TriggersDetector implements Detector {
  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    Window w = Window.withoutShutdown(node.get(Metric.TRIGGERS_PENDING), seg, segment);
    if (w.size() < o.minPoints()) {
      return List.of();
    }
    double growth = w.last() - w.first();
    if (growth < 100 || growth < Math.max(1, w.first()) * o.minTableGrowthPct() / 100) {
      return List.of();
    }
    Trend t = Trend.of(w);
    if (!t.rising(o.alpha())) {
      return List.of();
    }
    Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, "triggers/h", "triggers", null);
    return List.of(Findings.make(FindingKind.TRIGGERS, Severity.WARNING, node, "triggers.pending", seg, ev, null,
        "Pending `when` triggers keep accumulating: their conditions never become true and they have no timeout.",
        "Give the `when` statements a timeout and check what they wait for (often DNS lookups)."));
  }
}
