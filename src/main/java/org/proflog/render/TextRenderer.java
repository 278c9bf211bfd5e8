package org.proflog.render;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.model.Era;
import org.proflog.series.NodeSeries;

/**
 * The human answer of {@code analyze}: findings first (worst first, each with its evidence and
 * next step), then one line per node. Lines fit in {@link #WIDTH} columns; colour (ANSI) only
 * when asked for, so pipes and {@code NO_COLOR} terminals get plain text.
 */
public final class TextRenderer {
  /** Target terminal width. */
  public static final int WIDTH = 80;

  private final boolean color;
  private final boolean verbose;

  public TextRenderer(boolean color, boolean verbose) {
    this.color = color;
    this.verbose = verbose;
  }

  /** Writes the summary. */
  public void write(RunSummary run, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    header(run, sb);
    findings(run, sb);
    nodes(run, sb);
    problems(run, sb);
    out.write(sb.toString());
    out.flush();
  }

  private void header(RunSummary run, StringBuilder sb) {
    List<NodeSeries> nodes = run.nodes();
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int snaps = 0;
    for (NodeSeries n : nodes) {
      if (n.snapshots() > 0 && n.endMicros() > 0) {
        start = Math.min(start, n.startMicros());
        end = Math.max(end, n.endMicros());
      }
      snaps += n.snapshots();
    }
    String span = start <= end ? Fmt.time(start) + " to " + Fmt.time(end) + " UTC (" + Fmt.duration(end - start) + ")" : "no timed data";
    line(sb, bold("proflog") + ": " + nodes.size() + (nodes.size() == 1 ? " node, " : " nodes, ") + Fmt.num(snaps) + " snapshots, " + eras(nodes));
    wrap(sb, span, "", "");
    sb.append('\n');
  }

  private static String eras(List<NodeSeries> nodes) {
    java.util.TreeSet<String> e = new java.util.TreeSet<>();
    for (NodeSeries n : nodes) {
      e.add(n.era().label());
    }
    return e.isEmpty() ? Era.UNKNOWN.label() : String.join(", ", e);
  }

  private void findings(RunSummary run, StringBuilder sb) {
    List<Finding> fs = run.findings();
    long above = fs.stream().filter(f -> f.severity() != Severity.INFO).count();
    if (above == 0) {
      line(sb, paint("32;1", "No problem found.") + (fs.isEmpty() ? "" : " " + fs.size() + " note" + (fs.size() == 1 ? "" : "s") + " below."));
      if (!run.checks().isEmpty()) {
        wrap(sb, "Checked: " + String.join("; ", run.checks()) + ".", "", "  ");
      }
      sb.append('\n');
    } else {
      List<String> parts = new ArrayList<>();
      for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
        long c = run.count(s);
        if (c > 0) {
          // "2 warnings"; critical and info read as they are ("2 critical, 3 info")
          parts.add(c + " " + s.label() + (s == Severity.WARNING && c > 1 ? "s" : ""));
        }
      }
      line(sb, bold(fs.size() + (fs.size() == 1 ? " finding" : " findings")) + ": " + String.join(", ", parts));
      sb.append('\n');
    }
    List<Finding> notes = new ArrayList<>();
    for (Finding f : fs) {
      if (f.severity() == Severity.INFO && !verbose) {
        notes.add(f);
      } else {
        finding(f, sb);
      }
    }
    if (!notes.isEmpty()) {
      // Info findings are context, not alarms: one line each unless -v asks for their evidence.
      line(sb, bold("Notes") + " (info; -v shows their evidence)");
      for (Finding f : notes) {
        wrap(sb, paint("36", f.node()) + "  " + f.kind().id() + "  " + f.subject() + ": " + f.explanation(), "  ", "      ");
      }
      sb.append('\n');
    }
  }

  private void finding(Finding f, StringBuilder sb) {
    String sev = String.format(Locale.ROOT, "%-8s", f.severity().label().toUpperCase(Locale.ROOT));
    String code = switch (f.severity()) {
      case CRITICAL -> "31;1";
      case WARNING -> "33;1";
      case INFO -> "36";
    };
    wrap(sb, paint(code, sev) + " " + f.kind().id() + "  " + f.node() + "  " + f.subject(), "", "         ");
    wrap(sb, f.explanation(), "  ", "  ");
    Evidence e = f.evidence();
    if (e != null) {
      wrap(sb, "evidence: " + e.method() + ", " + Fmt.time(e.windowStartMicros()) + " to " + Fmt.time(e.windowEndMicros()).substring(11) + " UTC, " + e.points() + " points", "  ", "            ");
      wrap(sb, evidenceNumbers(e), "            ", "            ");
      for (Map.Entry<String, String> x : e.extra().entrySet()) {
        wrap(sb, x.getKey() + ": " + x.getValue(), "            ", "              ");
      }
    }
    if (f.projection() != null) {
      wrap(sb, "projection: reaches " + Fmt.value(f.projection().limit(), f.projection().unit()) + " in " + Fmt.duration((long) (f.projection().hoursLeft() * 3.6e9)) + " (" + Fmt.time(f.projection().reachedAtMicros()) + " UTC)", "  ", "              ");
    }
    wrap(sb, "next: " + f.nextStep(), "  ", "        ");
    sb.append('\n');
  }

  static String evidenceNumbers(Evidence e) {
    List<String> p = new ArrayList<>();
    if (!Double.isNaN(e.slope())) {
      p.add((e.slope() > 0 ? "+" : "") + Fmt.num(e.slope()) + " " + e.slopeUnit());
    }
    if (e.statistic() != null && !Double.isNaN(e.statisticValue())) {
      p.add(e.statistic() + "=" + String.format(Locale.ROOT, "%.2f", e.statisticValue()));
    }
    if (!Double.isNaN(e.pValue())) {
      p.add(Fmt.pValue(e.pValue()));
    }
    p.add(Fmt.value(e.startValue(), e.valueUnit()) + " -> " + Fmt.value(e.endValue(), e.valueUnit()));
    return String.join(", ", p);
  }

  private void nodes(RunSummary run, StringBuilder sb) {
    if (run.nodes().isEmpty()) {
      return;
    }
    int w = 4;
    for (NodeSeries n : run.nodes()) {
      w = Math.max(w, n.node().name().length());
    }
    w = Math.min(w, 20);
    line(sb, bold("Nodes"));
    String fmt = "%-" + w + "s %-10s %-3s %4s %6s %5s %8s %4s %4s %5s  %s";
    line(sb, String.format(Locale.ROOT, fmt, "NODE", "ROLE", "ERA", "SEGS", "SNAPS", "EXP", "SPAN", "THR", "GLB", "PROB", "VERDICT"));
    for (NodeSeries n : run.nodes()) {
      String name = n.node().name();
      if (name.length() > w) {
        name = name.substring(0, w - 1) + "~";
      }
      String verdict = run.verdictOf(n.node().name());
      String v = switch (verdict) {
        case "critical" -> paint("31;1", verdict);
        case "warning" -> paint("33;1", verdict);
        default -> paint("32", verdict);
      };
      int globals = n.globalNames().size();
      line(sb, String.format(Locale.ROOT, fmt, name, n.node().role().label(), n.era().code().equals("unknown") ? "?" : n.era().code(),
          n.segments().size(), n.snapshots(), n.expensiveSnapshots(), Fmt.duration(n.endMicros() - n.startMicros()),
          n.threadNames().size(), n.unnamedTableRows() && globals == 0 ? "-" : Integer.toString(globals), n.problems(), v));
      if (verbose) {
        if (!n.threadNames().isEmpty()) {
          wrap(sb, "threads: " + String.join(", ", n.threadNames()), "  ", "    ");
        }
        if (!n.globalNames().isEmpty()) {
          wrap(sb, "globals: " + String.join(", ", n.globalNames()), "  ", "    ");
        }
        if (n.unnamedTableRows()) {
          wrap(sb, "tables: unnamed rows (Zeek 5.1+); 'proflog enable --companion' names them", "  ", "    ");
        }
        wrap(sb, "files: " + String.join(", ", n.files()), "  ", "    ");
      }
    }
    sb.append('\n');
  }

  private void problems(RunSummary run, StringBuilder sb) {
    if (run.problemCount() == 0) {
      return;
    }
    int shown = verbose ? run.problems().size() : Math.min(run.problems().size(), 10);
    line(sb, bold(run.problemCount() + " unreadable line" + (run.problemCount() == 1 ? "" : "s") + " skipped") + (shown < run.problemCount() ? " (first " + shown + " shown)" : ""));
    for (var p : run.problems().subList(0, shown)) {
      wrap(sb, p.toString(), "  ", "    ");
    }
  }

  private static void line(StringBuilder sb, String s) {
    sb.append(s).append('\n');
  }

  /** Word-wraps {@code text} to {@link #WIDTH} columns (ANSI codes do not count). */
  static void wrap(StringBuilder sb, String text, String first, String rest) {
    String prefix = first;
    int col = visible(prefix);
    StringBuilder line = new StringBuilder(prefix);
    boolean empty = true;
    for (String word : text.split(" ")) {
      int wl = visible(word);
      if (!empty && col + 1 + wl > WIDTH) {
        sb.append(line).append('\n');
        line.setLength(0);
        line.append(rest);
        col = visible(rest);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        col++;
      }
      line.append(word);
      col += wl;
      empty = false;
    }
    sb.append(line).append('\n');
  }

  private static int visible(String s) {
    int n = 0;
    boolean esc = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        esc = true;
      } else if (esc) {
        if (c == 'm') {
          esc = false;
        }
      } else {
        n++;
      }
    }
    return n;
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  private String bold(String s) {
    return paint("1", s);
  }
}
