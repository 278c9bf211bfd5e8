package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * comm: Broker peers lost in the middle of a segment (not in its final, shutdown snapshot, when
 * peers leave one by one as the cluster stops), and log records received but no longer sent on.
 */
public final class CommDetector implements Detector {
  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    List<Finding> out = new ArrayList<>();
    Window peers = Window.withoutShutdown(node.get(Metric.COMM_PEERS), seg, segment);
    if (peers.size() >= 3) {
      double max = Double.NEGATIVE_INFINITY;
      int dropAt = -1;
      double dropFrom = 0;
      for (int i = 0; i < peers.size(); i++) {
        double v = peers.value(i);
        if (v < max && dropAt < 0) {
          dropAt = i;
          dropFrom = max;
        }
        max = Math.max(max, v);
      }
      if (dropAt >= 0) {
        double lastV = peers.last();
        boolean recovered = lastV >= dropFrom;
        Window w = peers.slice(Math.max(0, dropAt - 1), peers.size());
        Evidence ev = new Evidence("peer count after its maximum", w.start(), w.end(), w.size(), 0, "peers/h",
            Double.NaN, "peers lost", dropFrom - min(peers.values(), dropAt), dropFrom, lastV, "peers",
            Findings.extra("recovered", recovered ? "yes" : "no"));
        out.add(Findings.make(FindingKind.COMM, recovered ? Severity.INFO : Severity.WARNING, node, "comm.peers", seg,
            ev, null,
            recovered ? "Broker peers dropped mid-run and came back."
                : "Broker peers dropped from " + Findings.num(dropFrom) + " to " + Findings.num(lastV)
                    + " mid-run and did not come back.",
            "Check the cluster nodes that disconnected (crashed, restarted, network) and broker logs."));
      }
    }
    Window evIn = Window.withoutShutdown(node.get(Metric.COMM_EVENTS_IN), seg, segment);
    Window evOut = Window.withoutShutdown(node.get(Metric.COMM_EVENTS_OUT), seg, segment);
    if (evIn.size() >= o.minPoints() && evOut.size() >= o.minPoints()) {
      int half = evIn.size() / 2;
      double[] outAligned = evIn.aligned(evOut);
      double inFirst = evIn.value(half) - evIn.first();
      double inSecond = evIn.last() - evIn.value(half);
      double outFirst = outAligned[half] - outAligned[0];
      double outSecond = outAligned[outAligned.length - 1] - outAligned[half];
      // events kept arriving at a similar pace but sending stopped (or the reverse)
      if (outFirst > 100 && outSecond < 0.05 * outFirst && inSecond > 0.5 * inFirst && inFirst > 100) {
        Evidence ev = new Evidence("event rates, first vs second half", evIn.start(), evIn.end(), evIn.size(), 0,
            "events/h", Double.NaN, "out ratio second/first half", outSecond / outFirst, outAligned[0],
            outAligned[outAligned.length - 1], "events",
            Findings.extra("events in, first half", Findings.num(inFirst), "events in, second half", Findings.num(inSecond),
                "events out, first half", Findings.num(outFirst), "events out, second half", Findings.num(outSecond)));
        out.add(Findings.make(FindingKind.COMM, Severity.WARNING, node, "comm.events", seg, ev, null,
            "Broker events still arrive but this node stopped sending events: in and out diverge.",
            "Check the node's peerings and whether its publishing scripts stalled."));
      }
    }
    return out;
  }

  private static double min(double[] v, int from) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = from; i < v.length; i++) {
      m = Math.min(m, v[i]);
    }
    return m;
  }
}
