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
    if (a >= 1000) {
      return format("%,.0f", v); // 164,004: grouped as the rendered start and end values are
    }
    if (a >= 100 || a == Math.rint(a)) {
      return format("%.0f", v);
    }
    if (a >= 1) {
      return format("%.1f", v);
    }
    return format("%.3g", v);
  }

  /** A percentage in whole percent from 100 (1,420%, 752%), one decimal from 10 (14.2%), two below (0.05%). */
  static String pct(double v) {
    double a = Math.abs(v);
    if (a >= 1000) {
      return format("%,.0f%%", v);
    }
    if (a >= 100) {
      return format("%.0f%%", v);
    }
    if (a >= 10) {
      return format("%.1f%%", v);
    }
    return format("%.2f%%", v);
  }

  static String hours(double h) {
    if (h < 1) {
      return format("%.0f min", h * 60);
    }
    if (h < 48) {
      return format("%.1f h", h);
    }
    return format("%.1f days", h / 24);
  }

  /** Slots of {@link #FORMATTED}: a few analyses' worth of numbers. */
  private static final int SLOTS = 1024;

  /**
   * The latest texts formatted on this thread, by pattern and value (direct-mapped: a slot holds
   * the last pattern and value that hashed to it). A followed node is analysed at every snapshot
   * and most of its evidence repeats the numbers of the analysis before, which the JDK's Formatter
   * would parse the pattern for and format again each time.
   */
  private static final ThreadLocal<Formatted[]> FORMATTED = ThreadLocal.withInitial(() -> new Formatted[SLOTS]);

  private record Formatted(String pattern, long bits, String text) {}

  /** {@code String.format(NUMBERS, pattern, v)}, reused when this thread formatted the same lately. */
  private static String format(String pattern, double v) {
    long bits = Double.doubleToRawLongBits(v);
    int h = (int) (bits ^ (bits >>> 32)) * 31 + System.identityHashCode(pattern);
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    Formatted[] cache = FORMATTED.get();
    Formatted f = cache[slot];
    if (f != null && f.bits == bits && f.pattern.equals(pattern)) {
      return f.text;
    }
    String text = String.format(NUMBERS, pattern, v);
    cache[slot] = new Formatted(pattern, bits, text);
    return text;
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
