package org.proflog.render;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.series.NodeSeries;

/**
 * {@code analyze --format markdown}: the findings and nodes as GitHub-flavoured Markdown, for
 * pasting into a ticket. Text from logs is escaped so a name cannot break the table.
 */
public final class MarkdownRenderer {

  /** Writes the summary. */
  public void write(RunSummary run, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# proflog analysis\n\n");
    long above = run.findings().stream().filter(f -> f.severity() != org.proflog.analysis.Severity.INFO).count();
    if (above == 0) {
      sb.append("**No problem found.**");
      if (!run.checks().isEmpty()) {
        sb.append(" Checked: ").append(esc(String.join("; ", run.checks()))).append('.');
      }
      sb.append("\n\n");
    }
    if (!run.findings().isEmpty()) {
      sb.append("## Findings\n\n| severity | kind | node | subject | evidence |\n|---|---|---|---|---|\n");
      for (Finding f : run.findings()) {
        sb.append("| ").append(f.severity().label()).append(" | ").append(f.kind().id()).append(" | ")
            .append(esc(f.node())).append(" | `").append(code(f.subject())).append("` | ")
            .append(f.evidence() == null ? "" : esc(TextRenderer.evidenceNumbers(f.evidence()))).append(" |\n");
      }
      sb.append('\n');
      for (Finding f : run.findings()) {
        sb.append("### ").append(f.severity().label()).append(": ").append(f.kind().id()).append(" on ")
            .append(esc(f.node())).append(", `").append(code(f.subject())).append("`\n\n");
        sb.append(esc(f.explanation())).append("\n\n");
        Evidence e = f.evidence();
        if (e != null) {
          sb.append("- method: ").append(esc(e.method())).append('\n');
          sb.append("- window: ").append(Fmt.time(e.windowStartMicros())).append(" to ")
              .append(Fmt.time(e.windowEndMicros())).append(" UTC, ").append(e.points()).append(" points\n");
          sb.append("- trend: ").append(esc(TextRenderer.evidenceNumbers(e))).append('\n');
          for (Map.Entry<String, String> x : e.extra().entrySet()) {
            sb.append("- ").append(esc(x.getKey())).append(": ").append(esc(x.getValue())).append('\n');
          }
        }
        if (f.projection() != null) {
          sb.append("- projection: reaches ").append(Fmt.value(f.projection().limit(), f.projection().unit()))
              .append(" at ").append(Fmt.time(f.projection().reachedAtMicros())).append(" UTC\n");
        }
        sb.append("- **next step:** ").append(esc(f.nextStep())).append("\n\n");
      }
    }
    sb.append("## Nodes\n\n| node | role | era | segments | snapshots | expensive | span | threads | globals | problems | verdict |\n");
    sb.append("|---|---|---|---:|---:|---:|---|---:|---:|---:|---|\n");
    for (NodeSeries n : run.nodes()) {
      sb.append("| ").append(esc(n.node().name())).append(" | ").append(n.node().role().label()).append(" | ")
          .append(esc(n.era().label())).append(" | ").append(n.segments().size()).append(" | ").append(n.snapshots())
          .append(" | ").append(n.expensiveSnapshots()).append(" | ").append(Fmt.duration(n.endMicros() - n.startMicros()))
          .append(" | ").append(n.threadNames().size()).append(" | ").append(n.globalNames().size()).append(" | ")
          .append(n.problems()).append(" | ").append(run.verdictOf(n.node().name())).append(" |\n");
    }
    if (run.problemCount() > 0) {
      sb.append("\n").append(run.problemCount()).append(" unreadable lines were skipped.\n");
    }
    out.write(sb.toString());
    out.flush();
  }

  /** Escapes Markdown/HTML-significant characters in table and prose text. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '|', '\\', '*', '_', '`', '[', ']', '#' -> b.append('\\').append(c);
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String code(String s) {
    return s == null ? "" : s.replace("`", "'").replace("|", "\\|").replace('\n', ' ');
  }
}
