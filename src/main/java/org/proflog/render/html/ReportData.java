package org.proflog.render.html;

import java.util.List;
import java.util.Map;
import org.proflog.analysis.Finding;
import org.proflog.series.NodeSeries;

/**
 * Everything the HTML report shows.
 *
 * @param title shown as the page title and heading
 * @param generatedAtMicros when the report was made (µs since the epoch, UTC)
 * @param nodes the nodes to chart; order does not matter (the report sorts them by name)
 * @param findings the findings to list; order does not matter (the report ranks them by severity)
 * @param nodeNotes a short note per node name (e.g. the era label), shown beside the node
 */
public record ReportData(
    String title,
    long generatedAtMicros,
    List<NodeSeries> nodes,
    List<Finding> findings,
    Map<String, String> nodeNotes) {

  public ReportData {
    title = title == null ? "proflog report" : title;
    nodes = List.copyOf(nodes);
    findings = List.copyOf(findings);
    nodeNotes = nodeNotes == null ? Map.of() : Map.copyOf(nodeNotes);
  }
}
