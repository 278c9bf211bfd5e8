package org.proflog.analysis;

import org.proflog.analysis.stats.Envelope;
import org.proflog.analysis.stats.Relation;
import org.proflog.analysis.stats.WarmUp;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/** Decisions shared by several detectors: warm-up, envelopes, load-following, work done. */
final class Judging {
  private Judging() {}

  /**
   * How long a process must have run before its growth may be more than an info: for its first
   * minutes its connection table fills until the first connections time out (tcp_inactivity_timeout
   * is 5 min by default), and its heap and thread queues fill with it. Twice that timeout.
   */
  static final long MIN_JUDGED_AGE_MICROS = 10 * 60 * 1_000_000L;

  /**
   * How long the segment's process had run at {@code endMicros}, from its first snapshot with
   * network time; {@link Long#MAX_VALUE} when the segment or its start is unknown.
   */
  static long age(Segment seg, long endMicros) {
    return seg == null || seg.startMicros() <= 0 ? Long.MAX_VALUE : endMicros - seg.startMicros();
  }

  /** The sentence that says why growth of a process younger than {@link #MIN_JUDGED_AGE_MICROS} is only an info. */
  static String tooYoung(long ageMicros, String why) {
    return "The process had run for only " + Findings.hours(ageMicros / 3.6e9) + ": " + why
        + ", so growth this early is not yet judgeable.";
  }

  /** The next step of a finding on a process younger than {@link #MIN_JUDGED_AGE_MICROS}. */
  static final String CHECK_AGAIN = "Check again once the process has run for "
      + Findings.duration(MIN_JUDGED_AGE_MICROS / 1_000_000) + " or more.";

  /**
   * Window after warm-up, whether a warm-up was cut off, and whether the series was too short to
   * try (then growth may still be start-up: findings on it are capped at warning).
   */
  record AfterWarmUp(Window window, long warmupEndMicros, boolean separated, boolean tooShort) {
    AfterWarmUp(Window window, long warmupEndMicros, boolean separated) {
      this(window, warmupEndMicros, separated, false);
    }
  }

  /**
   * Cuts the warm-up off a window: a fixed length from the segment's start when the options say so,
   * otherwise the knee of a two-piece fit. A series shorter than {@code 3·minPoints} without a fixed
   * warm-up whose knee leaves too few points is judged whole ({@code separated} false: it cannot be
   * split); otherwise the window after warm-up is returned even when it is too short to judge.
   */
  static AfterWarmUp afterWarmUp(Window w, Segment seg, AnalysisOptions o) {
    if (w.size() < 2) {
      return cutWarmUp(w, seg, o);
    }
    // up to six two-piece fits over the window: worth remembering while the window stays the same
    double[] params = {seg == null ? Double.NaN : seg.startMicros(), o.warmupOverrideMicros(), o.minPoints()};
    return StatsMemo.warmUp(w, params, () -> cutWarmUp(w, seg, o));
  }

  private static AfterWarmUp cutWarmUp(Window w, Segment seg, AnalysisOptions o) {
    if (w.size() < 2) {
      return new AfterWarmUp(w, w.isEmpty() ? 0 : w.start(), false);
    }
    long end;
    if (o.warmupOverrideMicros() >= 0) {
      end = (seg == null ? w.start() : seg.startMicros()) + o.warmupOverrideMicros();
    } else {
      // a concave start-up (a cache filling up) has a knee within the knee: cut again while the
      // rest still starts clearly steeper than it ends
      Window rest = w;
      end = w.start();
      for (int round = 0; round < 6; round++) {
        WarmUp.Result r = WarmUp.detect(rest.hoursAxis(), rest.values(), Math.max(3, w.size() / 20), round == 0 ? 3.0 : 2.0, 1.0);
        if (r.index() <= 0) {
          break;
        }
        end = rest.times()[r.index()];
        rest = rest.from(end);
      }
    }
    Window after = w.from(end);
    if (after.size() < o.minPoints() && o.warmupOverrideMicros() < 0 && w.size() < 3 * o.minPoints()) {
      // too short to tell a ramp from a trend: judge it whole rather than not at all
      return new AfterWarmUp(w, w.start(), false, true);
    }
    // may be shorter than minPoints: not judgeable yet, callers check
    return new AfterWarmUp(after, end, end > w.start());
  }

  /**
   * Whether the segment is an offline run ({@code zeek -r trace}): it reads trace time, so lag,
   * connection counts and memory reflect the traces read, not a live process keeping up.
   */
  static boolean offline(Segment seg) {
    String c = seg == null ? null : seg.commandLine();
    return c != null && (" " + c + " ").contains(" -r ");
  }

  /** Trailing rolling minimum, so that a sawtooth is judged by its troughs. */
  static Window lowerEnvelope(Window w) {
    int win = Math.max(1, Math.min(60, w.size() / 10));
    return new Window(w.times(), Envelope.lower(w.values(), win));
  }

  /** How a window relates to the node's current connections, when it follows them. */
  record LoadFollowing(boolean follows, double spearman, double residualPerHour, String load) {}

  /**
   * Whether the growth of {@code w} is explained by a load gauge that itself grows: the load rises
   * significantly, y tracks it (Spearman ≥ 0.7), and y minus its Theil-Sen fit on the load no
   * longer rises significantly with a meaningful effect.
   */
  static LoadFollowing loadFollowing(NodeSeries node, int segment, Window w, Metric loadMetric,
      AnalysisOptions o, double minPerHour) {
    Window load = Window.of(node.get(loadMetric), segment);
    if (load.size() < 3 || w.size() < 3) {
      return new LoadFollowing(false, Double.NaN, Double.NaN, loadMetric.id());
    }
    double[] x = w.aligned(load);
    for (double v : x) {
      if (Double.isNaN(v)) {
        return new LoadFollowing(false, Double.NaN, Double.NaN, loadMetric.id());
      }
    }
    // the rank correlation first (O(n log n)): y that does not track the load needs neither the
    // load's trend nor a line of y on it; the relation's own Spearman is this same value
    double spearman = StatsMemo.spearman(x, w.values());
    if (!(spearman >= 0.7)) {
      return new LoadFollowing(false, spearman, Double.NaN, loadMetric.id());
    }
    if (!Trend.of(new Window(w.times(), x)).rising(o.alpha())) {
      // the load does not rise: no line of y on it is needed
      return new LoadFollowing(false, spearman, Double.NaN, loadMetric.id());
    }
    Relation rel = StatsMemo.relation(x, w.values(), spearman);
    double[] resid = new double[w.size()];
    for (int i = 0; i < resid.length; i++) {
      resid[i] = w.values()[i] - rel.slope() * x[i];
    }
    Trend rt = Trend.of(new Window(w.times(), resid));
    boolean explained = !rt.rising(o.alpha()) || rt.perHour() < minPerHour;
    return new LoadFollowing(explained, rel.spearman(), rt.perHour(), loadMetric.id());
  }

  /**
   * Fraction of the window's intervals in which the node did work (conns.total rose), 1 when
   * unknown. Growth is judged per hour of work so that idle hours do not dilute a leak.
   */
  static double activeFraction(NodeSeries node, int segment, Window w) {
    Window conns = Window.of(node.get(Metric.CONNS_TOTAL), segment);
    if (conns.size() < 2 || w.size() < 2) {
      return 1.0;
    }
    double[] c = w.aligned(conns);
    int active = 0;
    for (int i = 1; i < c.length; i++) {
      if (c[i] > c[i - 1]) {
        active++;
      }
    }
    if (active == 0) {
      return 1.0;
    }
    return Math.max(0.1, (double) active / (c.length - 1));
  }
}
