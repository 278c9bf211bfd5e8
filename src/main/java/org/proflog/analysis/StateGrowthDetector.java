package org.proflog.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.proflog.analysis.stats.Relation;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * state-growth: script tables that keep growing in the latest segment, read at expensive snapshots.
 *
 * <p>What a table's size follows tells its story: a table that never shrinks while it tracks the
 * cumulative connection count retains per-connection state (a leak); one explained by current
 * connections is load-following (info); one that shrinks or drops out of Zeek's listing (below 100
 * entries / 100 KiB) is bounded by expiry (nothing); one that grows in steps when an input reader's
 * {@code out} counter jumps follows its data set (info). A table that Zeek's own scripts define
 * with an expiry longer than the window cannot be judged yet (info, naming the expiry).
 */
public final class StateGrowthDetector implements Detector {
  /**
   * Entries per new connection from which an unnamed table counts as keeping per-connection state:
   * Zeek's own long-expiry tables (Software::tracked, Known::*) grow with distinct hosts or software,
   * a fraction of a percent of connections, and over a short window any monotone series correlates
   * with the cumulative connection count.
   */
  static final double MIN_UNNAMED_PER_CONNECTION = 0.01;

  /** A table at least this many times its starting size is critical. */
  static final double CRITICAL_FACTOR = 10;

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    List<Finding> leaks = new ArrayList<>();
    List<Finding> others = new ArrayList<>();
    for (Map.Entry<MetricKey, Series> e : node.series().entrySet()) {
      MetricKey k = e.getKey();
      String subject;
      boolean shipped = false;
      String kindText;
      switch (k.metric()) {
        case GLOBAL_ENTRIES -> {
          subject = k.label("name");
          shipped = true;
          kindText = "global";
        }
        case GLOBAL_SIZE -> {
          // sizes only for globals that are not tables (tables are judged by entries)
          if (node.get(MetricKey.of(Metric.GLOBAL_ENTRIES, "name", k.label("name"))) != null) {
            continue;
          }
          subject = k.label("name");
          shipped = true;
          kindText = "global";
        }
        case TABLE_ENTRIES -> {
          subject = "table " + k.label("table");
          kindText = "unnamed";
        }
        case TABLES_ENTRIES -> {
          subject = "tables.entries";
          kindText = "total";
        }
        case GLOBALS_TOTAL -> {
          subject = "globals.total";
          kindText = "total";
        }
        default -> {
          continue;
        }
      }
      if (subject == null) {
        continue;
      }
      Finding f = judge(node, seg, segment, k, e.getValue(), subject, shipped, kindText, ctx);
      if (f == null) {
        continue;
      }
      (f.severity() == Severity.INFO ? others : leaks).add(f);
    }
    leaks.sort(Comparator.comparingDouble((Finding f) -> -f.evidence().slope()).thenComparing(Finding::subject));
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < leaks.size(); i++) {
      Finding f = leaks.get(i);
      Evidence ev = f.evidence().with("rank", (i + 1) + " of " + leaks.size() + " growing tables");
      out.add(new Finding(f.id(), f.kind(), f.severity(), f.node(), f.subject(), f.segment(), f.windowStartMicros(),
          f.windowEndMicros(), ev, f.projection(), f.explanation(), f.nextStep()));
    }
    out.addAll(others);
    return out;
  }

  private Finding judge(NodeSeries node, int seg, Segment segment, MetricKey key, Series s, String subject,
      boolean shipped, String kindText, AnalysisContext ctx) {
    AnalysisOptions o = ctx.options();
    Window all = Window.of(s, seg);
    if (all.size() < 4) {
      return null;
    }
    String unit = key.metric().unit() == Metric.Unit.KIB ? "KiB" : "entries";
    // a named row that vanishes between its first and last appearance fell below the listing
    // threshold: the table shrinks by itself
    if (vanishes(node, all)) {
      return null;
    }
    Judging.AfterWarmUp aw = key.metric() == Metric.GLOBALS_TOTAL
        ? Judging.afterWarmUp(all, segment, o)
        : new Judging.AfterWarmUp(all, all.start(), false);
    Window w = aw.window();
    if (w.size() < 4) {
      return null;
    }
    ZeekGlobals.Entry zeekTable = shipped ? ctx.zeekGlobals().get(subject) : null;
    int sinceFilled = -1; // listings after a Zeek table's first expiry interval, when too few to judge
    if (zeekTable != null && zeekTable.expireSeconds() > 0) {
      // a Zeek table fills up during its first expiry interval by design: once the run outlasts it,
      // what came after is what tells a leak from a full table
      long filled = (segment == null ? all.start() : segment.startMicros()) + zeekTable.expireSeconds() * 1_000_000L;
      if (w.end() >= filled) {
        Window after = w.from(filled);
        if (after.size() >= 4) {
          w = after;
        } else {
          sinceFilled = after.size();
        }
      }
    }
    double growth = w.last() - w.first();
    double start = Math.max(1, w.first());
    double pct = growth / start * 100;
    double minAbs = unit.equals("KiB") ? 100 : o.minTableGrowthEntries();
    if (growth < minAbs || pct < o.minTableGrowthPct()) {
      return null;
    }
    Trend t = Trend.of(w);
    if (!t.rising(o.alpha())) {
      return null;
    }
    Map<String, String> extra = Findings.extra("growth", Findings.num(growth) + " " + unit + " (" + Findings.pct(pct) + ")");
    Window conns = Window.of(node.get(Metric.CONNS_TOTAL), seg);
    Relation rTotal = relation(w, conns);
    if (rTotal != null) {
      extra.put("vs conns.total", "Spearman " + Findings.num(rTotal.spearman()) + ", R² " + Findings.num(rTotal.r2())
          + ", " + Findings.num(rTotal.slope() * 1000) + " " + unit + " per 1000 connections");
    }
    if (zeekTable != null) {
      long windowSeconds = (w.end() - (segment == null ? w.start() : segment.startMicros())) / 1_000_000;
      if (zeekTable.expireSeconds() > 0 && (windowSeconds < zeekTable.expireSeconds() || sinceFilled >= 0)) {
        extra.put("expiry", zeekTable.expiry() + " (" + Findings.duration(zeekTable.expireSeconds()) + ", defined in " + zeekTable.script() + ")");
        Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
        String why = sinceFilled < 0
            ? "so growth over " + Findings.hours(windowSeconds / 3600.0) + " is not yet judgeable."
            : "and the " + (sinceFilled == 1 ? "1 table listing" : sinceFilled + " table listings")
                + " since then are too few to tell whether it levelled off.";
        return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
            subject + " is a Zeek table with an expiry of " + Findings.duration(zeekTable.expireSeconds())
                + "; it grows by design until its first entries expire, " + why,
            "Check again after " + Findings.duration(zeekTable.expireSeconds()) + " of uptime; it should then level off.");
      }
    }
    boolean total = kindText.equals("total");
    long sinceStart = (w.end() - (segment == null ? w.start() : segment.startMicros())) / 1_000_000;
    if (total && node.globalNames().isEmpty() && node.unnamedTableRows()
        && sinceStart < ctx.zeekGlobals().longestExpirySeconds()) {
      // Zeek 5.1+ without names: the total includes Zeek's own tables, which fill up for their whole
      // expiry (up to a day) by design; growth over a shorter window cannot be judged
      long longest = ctx.zeekGlobals().longestExpirySeconds();
      extra.put("expiry", "longest expiry of Zeek's shipped tables " + Findings.duration(longest));
      Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
      return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          describe(subject, kindText) + " grows, but Zeek's own tables grow by design for up to "
              + Findings.duration(longest) + " and this version does not name them, so growth over "
              + Findings.hours(sinceStart / 3600.0) + " is not yet judgeable.",
          "Run `proflog enable --companion` to log table names, or check again after "
              + Findings.duration(longest) + " of uptime.");
    }
    if ((total || kindText.equals("unnamed")) && !node.globalNames().isEmpty()) {
      // the per-global rows say which table grows; the total only repeats it
      Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
      return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          describe(subject, kindText) + " grows; the per-global findings say which tables carry the growth.",
          "See the state-growth findings for the named globals of this node.");
    }
    boolean monotone = maxDrawdown(w.values()) < 0.01;
    boolean cumulative = rTotal != null && rTotal.spearman() >= 0.9 && rTotal.r2() >= 0.9;
    boolean ignoresLoadDrops = monotone && (ignoresLoadDrops(node, seg, w)
        || (cumulative && outgrowsLoad(node, seg, w)));
    if (ignoresLoadDrops) {
      extra.put("vs conns.current", "did not shrink in any interval in which current connections fell");
    }
    Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
    Judging.LoadFollowing lf = ignoresLoadDrops ? new Judging.LoadFollowing(false, Double.NaN, Double.NaN, "")
        : Judging.loadFollowing(node, seg, w, Metric.CONNS_CURRENT, o,
        o.minTableGrowthPct() / 100 * start / Math.max(w.hours(), 1e-9));
    if (lf.follows()) {
      extra.put("follows", lf.load() + " (Spearman " + Findings.num(lf.spearman()) + ")");
      ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
      return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          describe(subject, kindText) + " grows with the number of current connections (load-following).",
          "Nothing to fix while load explains it; it should shrink when connections do.");
    }
    if (maxDrawdown(w.values()) >= 0.05) {
      // shrinks by itself: bounded by expiry or deletes
      return null;
    }
    String reader = followsInputReader(node, seg, w);
    if (reader != null) {
      extra.put("follows input reader", reader);
      ev = Findings.trendEvidence(Trend.METHOD, w, t, unit + "/h", unit, extra);
      return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          describe(subject, kindText) + " grows in steps when the input reader " + reader
              + " delivers data: it follows its data set.",
          "Nothing to fix unless the input file itself keeps growing; check its size.");
    }
    if (kindText.equals("unnamed") && !(cumulative && rTotal.slope() >= MIN_UNNAMED_PER_CONNECTION)) {
      // an unnamed table may be one of Zeek's own with a long expiry (Software::tracked, Known::*):
      // only growth that is clearly per connection is a leak without its name
      return Findings.make(FindingKind.STATE_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          describe(subject, kindText) + " grows without shrinking, but it is unnamed (Zeek 5.1+) and does not track"
              + " the connection count; it may be a Zeek table that fills up for its expiry interval.",
          "Run `proflog enable --companion` to log table names, then check the expiry of this unnamed table.");
    }
    Severity sev = w.last() >= CRITICAL_FACTOR * start && growth >= 10 * minAbs ? Severity.CRITICAL : Severity.WARNING;
    String why = cumulative
        ? " never shrinks and tracks the cumulative connection count: state is kept per connection and never removed."
        : " keeps growing and never shrinks.";
    String next = switch (kindText) {
      case "unnamed" -> "Zeek 5.1+ no longer prints table names, so this table is unnamed (tracked by its row position); "
          + "run `proflog enable --companion` to log names, then add &create_expire/&read_expire or a delete.";
      case "total" -> "Find the growing global (per-global rows, or `proflog enable --companion` on Zeek 5.1+) and "
          + "add &create_expire/&read_expire or a delete.";
      default -> "Add &create_expire or &read_expire to " + subject + " (or delete entries when done with them).";
    };
    return Findings.make(FindingKind.STATE_GROWTH, sev, node, subject, seg, ev, null,
        describe(subject, kindText) + why, next);
  }

  private static String describe(String subject, String kindText) {
    return switch (kindText) {
      case "unnamed" -> "Unnamed " + subject;
      case "total" -> subject.equals("globals.total") ? "The total size of all globals" : "The total number of table entries";
      default -> "Table " + subject;
    };
  }

  /**
   * Whether current connections fell noticeably (by at least 2 % between expensive snapshots) at
   * least twice while the table did not shrink in any of those intervals: a table that follows load
   * falls when load falls.
   */
  static boolean ignoresLoadDrops(NodeSeries node, int seg, Window w) {
    Window load = Window.of(node.get(Metric.CONNS_CURRENT), seg);
    if (load.size() < 3) {
      return false;
    }
    double[] x = w.aligned(load);
    double[] v = w.values();
    int drops = 0;
    int followed = 0;
    for (int i = 1; i < v.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(x[i - 1])) {
        continue;
      }
      if (x[i] < x[i - 1] * 0.98) {
        drops++;
        if (v[i] < v[i - 1]) {
          followed++;
        }
      }
    }
    return drops >= 2 && followed == 0;
  }

  /**
   * Whether the table grew at least twice as much (as a ratio of its start) as current connections
   * did: a table that follows load keeps roughly a fixed number of entries per live connection.
   */
  static boolean outgrowsLoad(NodeSeries node, int seg, Window w) {
    Window load = Window.of(node.get(Metric.CONNS_CURRENT), seg);
    if (load.size() < 3) {
      return false;
    }
    double[] x = w.aligned(load);
    int n = Math.max(1, x.length / 10);
    double l0 = 0;
    double l1 = 0;
    for (int i = 0; i < n; i++) {
      l0 += x[i];
      l1 += x[x.length - 1 - i];
    }
    double[] v = w.values();
    if (!(l0 > 0) || !(l1 > 0) || v[0] <= 0) {
      return false;
    }
    return v[v.length - 1] / v[0] >= 2 * (l1 / l0);
  }

  /** Largest fall from a running maximum, as a fraction of that maximum. */
  static double maxDrawdown(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    double dd = 0;
    for (double x : v) {
      max = Math.max(max, x);
      if (max > 0) {
        dd = Math.max(dd, (max - x) / max);
      }
    }
    return dd;
  }

  private static boolean vanishes(NodeSeries node, Window w) {
    long[] exp = node.expensiveTimes();
    if (exp == null || exp.length == 0) {
      return false;
    }
    int listed = 0;
    int expected = 0;
    for (long t : exp) {
      if (t >= w.start() && t <= w.end()) {
        expected++;
      }
    }
    listed = w.size();
    return listed < expected;
  }

  private static Relation relation(Window w, Window x) {
    if (x.size() < 3) {
      return null;
    }
    double[] a = w.aligned(x);
    for (double v : a) {
      if (Double.isNaN(v)) {
        return null;
      }
    }
    return StatsMemo.relation(a, w.values());
  }

  /**
   * The input reader whose {@code out} jumps carry the table's growth: growth happens in at most a
   * third of the intervals, and at least 80 % of it in intervals where that reader's out rose.
   */
  private static String followsInputReader(NodeSeries node, int seg, Window w) {
    double[] v = w.values();
    double total = 0;
    int growing = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[i - 1]) {
        total += v[i] - v[i - 1];
        growing++;
      }
    }
    if (total <= 0 || growing > (v.length - 1) / 3.0) {
      return null;
    }
    for (Map.Entry<MetricKey, Series> e : node.series().entrySet()) {
      if (e.getKey().metric() != Metric.THREAD_OUT) {
        continue;
      }
      String name = e.getKey().label("thread");
      if (name == null || !name.contains("READER")) {
        continue;
      }
      double[] out = w.aligned(Window.of(e.getValue(), seg));
      double covered = 0;
      for (int i = 1; i < v.length; i++) {
        if (v[i] > v[i - 1] && out[i] > out[i - 1]) {
          covered += v[i] - v[i - 1];
        }
      }
      if (covered >= 0.8 * total) {
        return name;
      }
    }
    return null;
  }
}
