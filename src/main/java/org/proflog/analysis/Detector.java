package org.proflog.analysis;

import java.util.List;
import org.proflog.series.NodeSeries;

/** Turns one node's series into findings of one kind. Implementations are stateless. */
public interface Detector {
  /** The findings for this node (empty when healthy), in any order. */
  List<Finding> detect(NodeSeries node, AnalysisContext ctx);
}
