package org.proflog.analysis;

import java.util.List;
import org.proflog.analysis.stats.Samples;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * timer-lag: the profile timer fires late, in a sustained way or increasingly. The series builder
 * keeps lag only where it is meaningful (timer-driven snapshots); the final snapshot is dropped too,
 * since at shutdown lag equals the timestamp.
 */
public final class TimerLagDetector implements Detector {
  /** The largest value of a window, as Math.max folds them (NaN when one is NaN). */
  private static double max(Window w) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < w.size(); i++) {
      m = Math.max(m, w.value(i));
    }
    return m;
  }

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    Window w = Window.withoutShutdown(node.get(Metric.TIMERS_LAG), seg, segment);
    if (w.size() < o.minPoints()) {
      return List.of();
    }
    Window tail = w.lastThird();
    if (tail.last() < o.lagWarnSeconds() / 2 && max(tail) < o.lagWarnSeconds()) {
      // no lag in the tail worth a median (a sort): the common case, decided as below
      return List.of();
    }
    double tailMedian = Samples.median(tail.values());
    if (tailMedian < o.lagWarnSeconds() && tail.last() < o.lagWarnSeconds() / 2) {
      return List.of();
    }
    Trend t = Trend.of(w);
    boolean sustained = tailMedian >= o.lagWarnSeconds();
    boolean rising = tail.last() >= o.lagWarnSeconds() / 2 && t.rising(o.alpha());
    if (!sustained && !rising) {
      return List.of();
    }
    if (Judging.offline(segment)) {
      // `zeek -r`: lag measures gaps in trace time, not a process falling behind
      return List.of();
    }
    Severity sev = sustained && rising && tailMedian >= 10 * o.lagWarnSeconds() ? Severity.CRITICAL : Severity.WARNING;
    Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, "s/h", "s",
        Findings.extra("median lag in last third", Findings.num(tailMedian) + " s"));
    return List.of(Findings.make(FindingKind.TIMER_LAG, sev, node, "timers.lag", seg, ev, null,
        sustained ? "Timers fire " + Findings.num(tailMedian) + " s late in a sustained way: the process cannot keep up."
            : "Timer lag is rising: the process falls further behind network time.",
        "Check CPU saturation and packet drops on this node; reduce load or scripts, or add workers."));
  }
}
