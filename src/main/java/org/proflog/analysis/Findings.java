package org.proflog.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.proflog.series.NodeSeries;

/**
 * Construction and wording helpers for findings: one place for number formatting (Locale.US: the
 * same digits, sign and decimal point as Locale.ROOT for these patterns, without grouping).
 */
final class Findings {
  /**
   * The JDK's Formatter takes a fast path for Locale.US and looks up the locale's symbols on every
   * conversion otherwise; evidence is formatted at every analysis of every node while following.
   */
  private static final Locale NUMBERS = Locale.US;

  private Findings() {}

  static Finding make(FindingKind kind, Severity sev, NodeSeries node, String subject, int segment,
      Evidence ev, Projection projection, String explanation, String nextStep) {
    String n = node.node().name();
    return new Finding(Finding.idOf(kind, n, subject), kind, sev, n, subject, segment,
        ev.windowStartMicros(), ev.windowEndMicros(), ev, projection, explanation, nextStep);
  }

  /** Evidence of a trend over a window. */
  static Evidence trendEvidence(String method, Window w, Trend t, String slopeUnit, String valueUnit,
      Map<String, String> extra) {
    return new Evidence(method, w.start(), w.end(), w.size(), t.perHour(), slopeUnit, t.mk().pIncreasing(),
        "tau", t.tau(), w.first(), w.last(), valueUnit, extra);
  }

  static Map<String, String> extra(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 100 || a == Math.rint(a)) {
      return String.format(NUMBERS, "%.0f", v);
    }
    if (a >= 1) {
      return String.format(NUMBERS, "%.1f", v);
    }
    return String.format(NUMBERS, "%.3g", v);
  }

  static String pct(double v) {
    return String.format(NUMBERS, "%.2f%%", v);
  }

  static String hours(double h) {
    if (h < 1) {
      return String.format(NUMBERS, "%.0f min", h * 60);
    }
    if (h < 48) {
      return String.format(NUMBERS, "%.1f h", h);
    }
    return String.format(NUMBERS, "%.1f days", h / 24);
  }

  static String duration(long seconds) {
    if (seconds % 86400 == 0) {
      return (seconds / 86400) + " day" + (seconds == 86400 ? "" : "s");
    }
    if (seconds % 3600 == 0) {
      return (seconds / 3600) + " h";
    }
    if (seconds % 60 == 0) {
      return (seconds / 60) + " min";
    }
    return seconds + " s";
  }

  /** The latest segment index of a node (0 when none). */
  static int latestSegment(NodeSeries node) {
    return node.segments().isEmpty() ? 0 : node.segments().get(node.segments().size() - 1).index();
  }

  static org.proflog.series.Segment segment(NodeSeries node, int index) {
    for (org.proflog.series.Segment s : node.segments()) {
      if (s.index() == index) {
        return s;
      }
    }
    return null;
  }
}
