package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/**
 * The load of a node that handles no connections itself. A manager, logger or proxy prints
 * {@code current=0} but works for the workers: their logs, events and Broker traffic grow and
 * shrink with the connections they track, and its memory with them. Its load is the sum of the
 * current connections of the nodes that have any, read at its own memory snapshots.
 */
final class ClusterLoad {
  private ClusterLoad() {}

  /**
   * The node as the memory judgement sees it: {@code node} with the summed current connections of
   * {@code sources} other nodes as its {@code conns.current}.
   */
  record StandIn(NodeSeries node, int sources) {}

  /**
   * The stand-in for a node whose latest segment has no current connections, or null when it has
   * its own (or no other node has any).
   */
  static StandIn of(NodeSeries node, int seg, List<NodeSeries> cluster) {
    Window own = Window.of(node.get(Metric.CONNS_CURRENT), seg);
    if (!own.isEmpty() && !own.allZero()) {
      return null;
    }
    List<Window> loads = new ArrayList<>();
    for (NodeSeries other : cluster) {
      if (other.node().equals(node.node())) {
        continue;
      }
      Window w = Window.of(other.get(Metric.CONNS_CURRENT), Findings.latestSegment(other));
      if (!w.isEmpty() && !w.allZero()) {
        loads.add(w);
      }
    }
    Window at = Window.of(node.get(Metric.MEMORY_TOTAL), seg);
    if (loads.isEmpty() || at.isEmpty()) {
      return null;
    }
    Series sum = new Series(at.size());
    double[][] aligned = new double[loads.size()][];
    for (int k = 0; k < aligned.length; k++) {
      aligned[k] = at.aligned(loads.get(k));
    }
    for (int i = 0; i < at.size(); i++) {
      double s = 0;
      for (double[] a : aligned) {
        s += a[i]; // NaN before a node's first snapshot: that time is left out
      }
      if (!Double.isNaN(s)) {
        sum.add(at.time(i), s, seg);
      }
    }
    if (sum.size() < 3) {
      return null;
    }
    TreeMap<MetricKey, Series> series = new TreeMap<>(node.series());
    series.put(MetricKey.of(Metric.CONNS_CURRENT), sum);
    NodeSeries standIn = new NodeSeries(node.node(), node.era(), node.files(), node.segments(), series,
        node.snapshots(), node.expensiveSnapshots(), node.partialSnapshots(), node.expensiveTimes(),
        node.threadNames(), node.globalNames(), node.unnamedTableRows(), node.problems(), node.repairedLines());
    return new StandIn(standIn, loads.size());
  }

  /** A finding judged on the stand-in, saying whose connections it followed. */
  static Finding relabel(Finding f, StandIn load) {
    String follows = f.evidence().extra().get("follows");
    if (follows == null || !follows.startsWith(Metric.CONNS_CURRENT.id())) {
      return f;
    }
    Evidence ev = f.evidence().with("follows", Metric.CONNS_CURRENT.id() + " summed over " + load.sources()
        + " other nodes" + follows.substring(Metric.CONNS_CURRENT.id().length()));
    String why = f.explanation().replace("the number of current connections", "the cluster's current connections")
        .replace("while current connections", "while the cluster's current connections");
    return new Finding(f.id(), f.kind(), f.severity(), f.node(), f.subject(), f.segment(), f.windowStartMicros(),
        f.windowEndMicros(), ev, f.projection(), why, f.nextStep());
  }
}
