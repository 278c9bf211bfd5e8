package org.proflog.render;

import java.util.List;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.model.ParseProblem;
import org.proflog.series.NodeSeries;

/**
 * What one {@code analyze} run found, ready to render: the nodes (sorted by name), the findings
 * (sorted by severity, node, kind, subject), the problems met while reading (the first few, and the
 * count of all), and the list of checks that ran, so a healthy answer can say what it looked at.
 */
public record RunSummary(
    List<NodeSeries> nodes, List<Finding> findings, List<ParseProblem> problems, long problemCount, List<String> checks) {

  public RunSummary {
    nodes = List.copyOf(nodes);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    checks = List.copyOf(checks);
  }

  /** The worst severity among the findings, or null when there are none. */
  public Severity worst() {
    Severity w = null;
    for (Finding f : findings) {
      if (w == null || f.severity().compareTo(w) > 0) {
        w = f.severity();
      }
    }
    return w;
  }

  /** The worst severity of one node's findings, or null. */
  public Severity worstOf(String node) {
    Severity w = null;
    for (Finding f : findings) {
      if (f.node().equals(node) && (w == null || f.severity().compareTo(w) > 0)) {
        w = f.severity();
      }
    }
    return w;
  }

  /** Number of findings of a severity. */
  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** {@code healthy}, {@code info}, {@code warning} or {@code critical} for one node. */
  public String verdictOf(String node) {
    Severity w = worstOf(node);
    return w == null || w == Severity.INFO ? "healthy" : w.label();
  }
}
