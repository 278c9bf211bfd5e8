package org.proflog.analysis;

import java.util.List;
import org.proflog.series.NodeSeries;

/**
 * What a detector may know beyond its own node: the options, the table of Zeek's own globals, and
 * every node of the cluster (for comparisons between peers).
 */
public record AnalysisContext(AnalysisOptions options, ZeekGlobals zeekGlobals, List<NodeSeries> cluster) {

  public AnalysisContext {
    cluster = List.copyOf(cluster);
  }

  /** A context for one node or a cluster with the bundled globals table. */
  public static AnalysisContext of(AnalysisOptions options, List<NodeSeries> cluster) {
    return new AnalysisContext(options, ZeekGlobals.bundled(), cluster);
  }
}
