package org.proflog.analysis;

import java.util.List;
import java.util.Map;
import org.proflog.analysis.stats.Samples;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * timer-growth: pending timers growing after warm-up while connections do not explain it, naming
 * the timer type ({@code timer.count}) that grows fastest ({@code ScheduleTimer}: schedule
 * statements accumulating; {@code TriggerTimer}: when-statements with timeouts...).
 */
public final class TimerGrowthDetector implements Detector {
  /**
   * The growth (% of the start) of the window's last value over its lowest: the most that any part
   * of it ending at its last point grows, as far as a threshold of at least 0 can tell ((last - v) /
   * max(1, v) only falls as v rises, except below -100 % for a negative last value). NaN when a
   * value is NaN.
   */
  private static double growthFromLowest(Window w) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < w.size(); i++) {
      min = Math.min(min, w.value(i));
    }
    return (w.last() - min) / Math.max(1, min) * 100;
  }

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    Window all = Window.withoutShutdown(node.get(Metric.TIMERS_CURRENT), seg, segment);
    if (all.size() < o.minPoints()) {
      return List.of();
    }
    if (o.minTableGrowthPct() >= 0 && growthFromLowest(all) < o.minTableGrowthPct()) {
      // not even from its lowest point does the count grow enough: no warm-up cut can make it
      return List.of();
    }
    Judging.AfterWarmUp aw = Judging.afterWarmUp(all, segment, o);
    Window w = aw.window();
    if (w.size() < o.minPoints()) {
      return List.of();
    }
    if ((w.last() - w.first()) / Math.max(1, w.first()) * 100 < o.minTableGrowthPct()) {
      return List.of();
    }
    Trend t = Trend.of(w);
    double growthPct = (w.last() - w.first()) / Math.max(1, w.first()) * 100;
    if (growthPct < o.minTableGrowthPct() || w.last() - w.first() < 100 || !t.rising(o.alpha())) {
      return List.of();
    }
    // the median (a sort of the window) only for a growing count
    double level = Math.max(1, Samples.median(w.values()));
    double pctPerHour = t.perHour() / level * 100;
    Judging.LoadFollowing lf = Judging.loadFollowing(node, seg, w, Metric.CONNS_CURRENT, o,
        level * o.minTableGrowthPct() / 100 / Math.max(w.hours(), 1e-9));
    if (lf.follows()) {
      return List.of();
    }
    String type = null;
    double best = 0;
    for (Map.Entry<MetricKey, Series> e : node.series().entrySet()) {
      if (e.getKey().metric() != Metric.TIMER_COUNT) {
        continue;
      }
      Window tw = Window.of(e.getValue(), seg).from(w.start()).withoutShutdown(segment);
      if (tw.size() < 3) {
        continue;
      }
      double g = tw.last() - tw.first();
      if (g > best) {
        best = g;
        type = e.getKey().label("type");
      }
    }
    Map<String, String> extra = Findings.extra("growth", Findings.pct(pctPerHour) + " of its level per hour");
    if (type != null) {
      extra.put("growing timer type", type + " (+" + Findings.num(best) + ")");
    }
    Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, "timers/h", "timers", extra);
    return List.of(Findings.make(FindingKind.TIMER_GROWTH, Severity.WARNING, node, "timers.current", seg, ev, null,
        "Pending timers keep growing while connections stay flat" + (type == null ? "." : ", mostly " + type + "."),
        type == null ? "Look at the per-type timer rows to see which kind accumulates."
            : "Find the scripts that create " + type + "s (schedule / when statements, table expiry) and why they pile up."));
  }
}
