package org.proflog.series;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.proflog.model.NodeId;

/** The series of every node of a cluster, sorted by node name (so every listing is stable). */
public record ClusterSeries(SortedMap<NodeId, NodeSeries> nodes) {

  public ClusterSeries {
    nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
  }

  /**
   * The cluster of these nodes.
   *
   * @throws IllegalArgumentException when two of them have the same node name
   */
  public static ClusterSeries of(Collection<NodeSeries> all) {
    TreeMap<NodeId, NodeSeries> m = new TreeMap<>();
    for (NodeSeries ns : all) {
      if (m.put(ns.node(), ns) != null) {
        throw new IllegalArgumentException("node " + ns.node() + " given twice");
      }
    }
    return new ClusterSeries(m);
  }

  /** The node's series, or null. */
  public NodeSeries get(NodeId node) {
    return nodes.get(node);
  }

  /** The nodes of one role, in name order (peers for outlier comparisons). */
  public List<NodeSeries> withRole(NodeId.Role role) {
    List<NodeSeries> out = new ArrayList<>();
    for (NodeSeries ns : nodes.values()) {
      if (ns.node().role() == role) {
        out.add(ns);
      }
    }
    return out;
  }

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }
}
