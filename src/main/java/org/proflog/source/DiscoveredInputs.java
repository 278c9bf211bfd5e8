package org.proflog.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.proflog.model.NodeId;

/**
 * What {@link InputFinder} found: per node (sorted by name) its inputs in time order, and the paths
 * that could not be used, in the order they were met.
 */
public record DiscoveredInputs(
    SortedMap<NodeId, List<InputSource>> nodes, List<SourceProblem> problems) {

  public DiscoveredInputs {
    TreeMap<NodeId, List<InputSource>> copy = new TreeMap<>();
    nodes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    nodes = Collections.unmodifiableSortedMap(copy);
    problems = List.copyOf(problems);
  }

  /** Whether no input was found. */
  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /** Every input, node by node. */
  public List<InputSource> all() {
    List<InputSource> out = new ArrayList<>();
    nodes.values().forEach(out::addAll);
    return out;
  }

  /** Only the nodes the filter keeps; problems are kept as they are. */
  public DiscoveredInputs filter(NodeFilter filter) {
    TreeMap<NodeId, List<InputSource>> kept = new TreeMap<>();
    for (Map.Entry<NodeId, List<InputSource>> e : nodes.entrySet()) {
      if (filter.matches(e.getKey())) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return new DiscoveredInputs(kept, problems);
  }
}
