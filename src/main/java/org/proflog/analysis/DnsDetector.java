package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/** dns: outstanding requests stuck above zero, or a rising share of failed requests. */
public final class DnsDetector implements Detector {
  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    List<Finding> out = new ArrayList<>();
    Window pending = Window.withoutShutdown(node.get(Metric.DNS_PENDING), seg, segment);
    if (pending.size() >= o.minPoints()) {
      Window tail = pending.slice(pending.size() - Math.max(o.minPoints(), pending.size() / 3), pending.size());
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < tail.size(); i++) {
        min = Math.min(min, tail.value(i));
      }
      if (min > 0) {
        Trend t = Trend.of(tail);
        Evidence ev = Findings.trendEvidence("lowest pending over the last third", tail, t, "requests/h", "requests",
            Findings.extra("lowest pending", Findings.num(min)));
        out.add(Findings.make(FindingKind.DNS, Severity.WARNING, node, "dns.pending", seg, ev, null,
            "DNS requests stay pending (never fewer than " + Findings.num(min) + "): the resolver does not answer.",
            "Check the resolver configured for Zeek; `when` lookups stall meanwhile (watch TriggerTimer)."));
      }
    }
    Window failed = Window.withoutShutdown(node.get(Metric.DNS_FAILED), seg, segment);
    Window requests = Window.withoutShutdown(node.get(Metric.DNS_REQUESTS), seg, segment);
    if (failed.size() >= o.minPoints() && requests.size() >= o.minPoints()) {
      Window tail = failed.slice(failed.size() - Math.max(o.minPoints(), failed.size() / 3), failed.size());
      double[] req = tail.aligned(requests);
      double df = tail.last() - tail.first();
      double dr = req[req.length - 1] - req[0];
      if (df > 10 && dr > 0 && df / dr >= 0.1) {
        Trend t = Trend.of(tail);
        Evidence ev = new Evidence("failed share of new requests (last third)", tail.start(), tail.end(), tail.size(),
            t.perHour(), "failures/h", t.mk().pIncreasing(), "failed share", df / dr, tail.first(), tail.last(),
            "requests", Findings.extra("new requests", Findings.num(dr), "new failures", Findings.num(df)));
        out.add(Findings.make(FindingKind.DNS, Severity.WARNING, node, "dns.failed", seg, ev, null,
            Findings.pct(100 * df / dr) + " of recent DNS requests failed.",
            "Check the resolver and the names being looked up."));
      }
    }
    return out;
  }
}
