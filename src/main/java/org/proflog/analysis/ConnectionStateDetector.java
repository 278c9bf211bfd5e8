package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import org.proflog.analysis.stats.Samples;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * connection-state: current connections or reassembler data growing without bound after warm-up.
 * Current connections are judged by their lower envelope (the troughs between bursts of traffic)
 * and against the new-connection rate (a higher rate explains more live connections); reassembler
 * data against current connections. Growth in a process's first minutes
 * (see {@link Judging#MIN_JUDGED_AGE_MICROS}) is an info: connections accumulate until the first
 * of them time out.
 */
public final class ConnectionStateDetector implements Detector {
  /** Reassembler growth below this (KiB) is noise from single large flows. */
  static final double REASSEMBLER_MIN_GROWTH_KIB = 64 * 1024;

  /** Kendall's tau a rise must reach to count as persistent. */
  static final double MIN_TAU = 0.5;

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    List<Finding> out = new ArrayList<>();
    Window conns = Window.withoutShutdown(node.get(Metric.CONNS_CURRENT), seg, segment);
    Finding f = judge(node, seg, segment, conns, "conns.current", "connections", o, () -> rateWindow(node, seg, conns));
    if (f != null) {
      out.add(f);
    }
    Window reas = Window.withoutShutdown(node.get(Metric.REASSEMBLER), seg, segment);
    f = judge(node, seg, segment, reas, "reassembler.data", "KiB", o, null);
    if (f != null && !Judging.loadFollowing(node, seg, reas, Metric.CONNS_CURRENT, o, 0).follows()) {
      out.add(f);
    }
    return out;
  }

  /** conns.total per hour at each point of w (NaN where unknown). */
  private static Window rateWindow(NodeSeries node, int seg, Window w) {
    Window total = Window.of(node.get(Metric.CONNS_TOTAL), seg);
    if (total.size() < 3 || w.size() < 3) {
      return null;
    }
    double[] c = w.aligned(total);
    double[] r = new double[c.length - 1];
    long[] t = new long[c.length - 1];
    for (int i = 1; i < c.length; i++) {
      double h = (w.time(i) - w.time(i - 1)) / 3.6e9;
      r[i - 1] = h > 0 ? (c[i] - c[i - 1]) / h : 0;
      t[i - 1] = w.time(i);
    }
    return new Window(t, r);
  }

  private Finding judge(NodeSeries node, int seg, Segment segment, Window all, String subject, String unit,
      AnalysisOptions o, java.util.function.Supplier<Window> rates) {
    if (all.size() < o.minPoints()) {
      return null;
    }
    Judging.AfterWarmUp aw = Judging.afterWarmUp(all, segment, o);
    Window w = aw.window();
    if (w.size() < o.minPoints()) {
      return null;
    }
    boolean reassembler = subject.equals("reassembler.data");
    boolean troughs = !reassembler;
    if (troughs) {
      // bursts of traffic come and go; state that is never expired raises the troughs between them
      w = Judging.lowerEnvelope(w);
    }
    double growthPct = (w.last() - w.first()) / Math.max(1, w.first()) * 100;
    if (growthPct < o.minTableGrowthPct()) {
      return null;
    }
    if (reassembler && w.last() - w.first() < REASSEMBLER_MIN_GROWTH_KIB) {
      // a few MiB of buffered stream data come and go with single flows: not a trend worth a warning
      return null;
    }
    if (Judging.offline(segment)) {
      // `zeek -r`: connections accumulate per trace in trace time; growth is the work of the trace
      return null;
    }
    Trend t = Trend.of(w);
    if (Double.isNaN(t.tau()) || t.tau() < MIN_TAU) {
      // healthy noise with a slow drift: require a persistent rise, not a significant wiggle
      return null;
    }
    if (!t.rising(o.alpha()) || growthPct < o.minTableGrowthPct()) {
      return null;
    }
    // the median (a sort of the window) only for a rising state count
    double level = Math.max(1, Samples.median(w.values()));
    if (t.perHour() / level * 100 < o.minMemoryGrowthPctPerHour()) {
      return null;
    }
    // the rates only for a state count that rises: most windows stop before
    Window rate = rates == null ? null : rates.get();
    if (rate != null) {
      Window r = rate.from(w.start());
      if (r.size() >= o.minPoints() && Trend.of(r).rising(o.alpha())) {
        // more new connections per hour explain more live ones
        return null;
      }
    }
    Evidence ev = Findings.trendEvidence(troughs ? Trend.METHOD + " on lower envelope" : Trend.METHOD, w, t,
        unit + "/h", unit,
        Findings.extra("growth", Findings.pct(growthPct) + " over the window"));
    long age = Judging.age(segment, w.end());
    if (age < Judging.MIN_JUDGED_AGE_MICROS) {
      return Findings.make(FindingKind.CONNECTION_STATE, Severity.INFO, node, subject, seg, ev, null,
          (subject.equals("conns.current") ? "Current connections grow." : "Reassembler data grows.") + " "
              + Judging.tooYoung(age, "live connections accumulate until the first of them time out"),
          Judging.CHECK_AGAIN);
    }
    return Findings.make(FindingKind.CONNECTION_STATE, Severity.WARNING, node, subject, seg, ev, null,
        subject.equals("conns.current")
            ? "Current connections keep growing although the new-connection rate does not: connection state is not expired."
            : "Reassembler data keeps growing beyond what current connections explain: gaps never filled or huge flows.",
        subject.equals("conns.current")
            ? "Check inactivity timeouts and the TCP state matrix (half-open or unanswered connections)."
            : "Check packet loss (capture_loss) and the largest flows on this node.");
  }
}
