package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.proflog.analysis.stats.Samples;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * cluster-outlier: a node far above its peers of the same role on {@code memory.total} or
 * {@code tables.entries} (latest value of each node's latest segment, shutdown snapshot excluded).
 * Robust z-score 0.6745·(x − median)/MAD (Iglewicz &amp; Hoaglin); needs at least three peers.
 */
public final class ClusterOutlierDetector {
  static final Metric[] METRICS = {Metric.MEMORY_TOTAL, Metric.TABLES_ENTRIES};

  /** Findings over the whole cluster. */
  public List<Finding> detect(List<NodeSeries> cluster, AnalysisOptions o) {
    List<Finding> out = new ArrayList<>();
    Map<NodeId.Role, List<NodeSeries>> byRole = new TreeMap<>();
    for (NodeSeries n : cluster) {
      byRole.computeIfAbsent(n.node().role(), r -> new ArrayList<>()).add(n);
    }
    for (Map.Entry<NodeId.Role, List<NodeSeries>> e : byRole.entrySet()) {
      List<NodeSeries> nodes = e.getValue();
      if (nodes.size() < 4) {
        continue;
      }
      for (Metric m : METRICS) {
        List<NodeSeries> have = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (NodeSeries n : nodes) {
          int seg = Findings.latestSegment(n);
          Segment segment = Findings.segment(n, seg);
          Window w = Window.withoutShutdown(n.get(m), seg, segment);
          if (!w.isEmpty()) {
            have.add(n);
            vals.add(w.last());
          }
        }
        if (have.size() < 4) {
          continue;
        }
        double[] v = vals.stream().mapToDouble(Double::doubleValue).toArray();
        double med = Samples.median(v);
        double mad = Samples.mad(v);
        for (int i = 0; i < v.length; i++) {
          // leave-one-out would be stricter; the median/MAD already resist one outlier
          double z = mad > 0 ? 0.6745 * (v[i] - med) / mad : (v[i] > med * 1.5 && med > 0 ? Double.POSITIVE_INFINITY : 0);
          if (z >= o.outlierZ() && v[i] >= 1.5 * med) {
            NodeSeries n = have.get(i);
            int seg = Findings.latestSegment(n);
            Segment segment = Findings.segment(n, seg);
            Window w = Window.withoutShutdown(n.get(m), seg, segment);
            String unit = m.unit() == Metric.Unit.KIB ? "KiB" : "entries";
            Evidence ev = new Evidence("robust z-score (median/MAD) among " + e.getKey().label() + " peers",
                w.start(), w.end(), w.size(), 0, "", Double.NaN, "robust z", z, med, v[i], unit,
                Findings.extra("peers", Integer.toString(have.size() - 1), "peer median", Findings.num(med) + " " + unit,
                    "peer MAD", Findings.num(mad) + " " + unit));
            out.add(Findings.make(FindingKind.CLUSTER_OUTLIER, Severity.WARNING, n, m.id(), seg, ev, null,
                n.node().name() + " has " + Findings.num(v[i] / Math.max(med, 1)) + "× the median " + m.id()
                    + " of its " + e.getKey().label() + " peers.",
                "Compare its traffic share and state tables with its peers (load balancing, a heavy flow, a leak on this node)."));
          }
        }
      }
    }
    return out;
  }
}
