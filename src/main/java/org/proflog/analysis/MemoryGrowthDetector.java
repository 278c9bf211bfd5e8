package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.proflog.analysis.stats.PeakStats;
import org.proflog.analysis.stats.Relation;
import org.proflog.analysis.stats.Samples;
import org.proflog.model.Era;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/**
 * memory-growth: process memory that keeps growing after warm-up in the latest segment.
 *
 * <p>Two signals, each judged the way it behaves. {@code memory.malloced} (heap in use; absent when
 * all zero, as on Linux from Zeek 5.2; unwrapped at 2 GiB before Zeek 4.1) falls when memory is
 * freed, so its lower envelope gets a Theil-Sen + Mann-Kendall trend. {@code memory.total} is peak
 * RSS on Linux since Bro 2.4: a staircase that never falls, so a trend test would always "find"
 * growth; instead the new peaks after warm-up are counted and a leak needs new peaks throughout the
 * window up to its end. Growth explained by current connections is load-following (info); growth
 * is measured per hour of work done so idle hours do not hide a leak. Growth that levels off is a
 * process still settling after start-up (info), and growth with a cause reported elsewhere is an
 * info that names it: a rising queue backlog holds its messages in memory, and lagging timers keep
 * connections, and their memory, longer.
 */
public final class MemoryGrowthDetector implements Detector {
  /** malloced is a signed 32-bit byte count before Zeek 4.1: it wraps at 2^31 bytes. */
  static final double MALLOC_WRAP_KIB = 2097152;

  /** A process younger than this (µs of uptime) gets memory warnings, never criticals. */
  static final long MIN_CRITICAL_AGE_MICROS = 3600L * 1_000_000;

  /**
   * Growth over the window (fraction of its start) from which memory of a process younger than
   * {@link Judging#MIN_JUDGED_AGE_MICROS} is reported anyway: the connections and tables of the
   * first minutes add a third to a busy worker's memory at most, a heap that quadruples in two
   * minutes (the field note's example) is more than start-up.
   */
  static final double MIN_YOUNG_GROWTH = 0.5;

  /**
   * The window's later half grew less than this fraction of its earlier half's growth: the curve is
   * levelling off, start-up rather than a leak (which keeps its pace, about 1).
   */
  static final double SETTLING = 0.5;

  /**
   * {@link #SETTLING} in a process's first hour when the warm-up was found rather than given. A
   * start-up curve that approaches its level with a time constant of minutes (a worker's
   * connection table and caches) leaves its tail in windows of ten to thirty snapshots, whose later
   * half grows 50-65 % as much as the earlier; a leak that starts after a warm-up grows as much
   * or more (DetectionDelayTest: 110-160 % at the snapshot it is reported).
   */
  static final double START_UP_SETTLING = 0.8;

  /**
   * In a process's first hour with the warm-up found rather than given, growth (by less than
   * {@link #MIN_YOUNG_GROWTH}) judged on fewer than this many times {@code minPoints} snapshots is an
   * info: halves of a few points each cannot show that a start-up curve levels off (at one snapshot
   * a minute, twenty minutes in, the window holds 6 to 8). The same length below which a series
   * is judged whole rather than cut at a warm-up knee.
   */
  static final int START_UP_MIN_POINTS_FACTOR = 3;

  /** Kendall's tau the heap's lower envelope must reach while load rises: a persistent rise. */
  static final double MIN_TAU = 0.5;

  /**
   * Effect size below which growth after warm-up while load rises is a drift worth an info, not a
   * warning (% of the level per hour of work): healthy workers drift by about 1 %/h with rising load.
   */
  static final double WARN_PCT_PER_HOUR = 2.0;

  /**
   * Growth over the judged window (% of the level) from which peak RSS is a leak even when it set no
   * more new peaks than its noise could have ({@link #noiseRecords}): the peak of a steady process
   * rises by a few standard deviations of its noise at most. Below it, half an hour after a long
   * warm-up can hold three records that rise by 0.05 % in all.
   */
  static final double MIN_WINDOW_GROWTH_PCT = 1.0;

  /**
   * Hours of window below which peak RSS that rises slower than {@link #WARN_PCT_PER_HOUR} is an
   * info, whatever the load did: in a process's first hours Zeek's own day-long tables
   * (Software::tracked, Known::hosts, create_expire=1day) still fill, the daily rise of load moves
   * peak RSS by up to 2 %/h, and the noise of a steady process sets a few new peaks too. A leak that
   * slow is found once the window spans an hour; one faster is judged at once.
   */
  static final double SLOW_PEAKS_MIN_HOURS = 1.0;

  /** R² against conns.total from which growth counts as kept per connection. */
  static final double PER_CONNECTION_R2 = 0.98;

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    ClusterLoad.StandIn load = ClusterLoad.of(node, seg, ctx.cluster());
    if (load == null) {
      return detect(node, seg, ctx);
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : detect(load.node(), seg, ctx)) {
      out.add(ClusterLoad.relabel(f, load));
    }
    return out;
  }

  private List<Finding> detect(NodeSeries node, int seg, AnalysisContext ctx) {
    List<Finding> out = new ArrayList<>();
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    Window total = Window.withoutShutdown(node.get(Metric.MEMORY_TOTAL), seg, segment);
    Window malloced = Window.withoutShutdown(node.get(Metric.MEMORY_MALLOCED), seg, segment);
    if (malloced.allZero()) {
      malloced = Window.EMPTY;
    } else if (wraps(node.era())) {
      malloced = unwrap(malloced);
    }
    String backlog = growingBacklog(node, seg, segment, o);
    long age = Judging.age(segment, Math.max(total.isEmpty() ? 0 : total.end(), malloced.isEmpty() ? 0 : malloced.end()));
    boolean startUp = age < MIN_CRITICAL_AGE_MICROS && o.warmupOverrideMicros() < 0;
    double lag = laggingTimers(node, seg, segment, o);
    Finding heap = malloced.size() >= o.minPoints() ? judgeHeap(node, seg, segment, malloced, total, o, startUp) : null;
    boolean heapHealthy = heap == null && heapSpeaksFor(malloced, total, segment, o);
    if (heap != null) {
      heap = explainedByLag(explainedByBacklog(heap, backlog), lag, node, seg, malloced, o);
      out.add(capped(heap, segment, age, startUp, o));
    }
    if (total.size() >= o.minPoints()) {
      Finding f = isMonotone(total.values())
          ? judgePeaks(node, seg, segment, total, o, heapHealthy, startUp)
          : judgeGauge(node, seg, segment, total, o, startUp);
      if (f != null) {
        f = explainedByLag(explainedByBacklog(f, backlog), lag, node, seg, total, o);
        out.add(capped(f, segment, age, startUp, o));
      }
    }
    return out;
  }

  /**
   * The median timer lag (s) of the segment's last third when timers fire late in a sustained way
   * and the lag rises (as the timer-lag finding judges it), else NaN.
   */
  private static double laggingTimers(NodeSeries node, int seg, Segment segment, AnalysisOptions o) {
    Window w = Window.withoutShutdown(node.get(Metric.TIMERS_LAG), seg, segment);
    if (w.size() < o.minPoints()) {
      return Double.NaN;
    }
    Window tail = w.lastThird();
    double median = Samples.median(tail.values());
    return median >= o.lagWarnSeconds() && Trend.of(w).rising(o.alpha()) ? median : Double.NaN;
  }

  /**
   * A process that falls behind expires its connections late: while its timers lag and its current
   * connections rise, the memory they hold grows with them, and the timer lag is the cause to fix.
   */
  private static Finding explainedByLag(Finding f, double lagSeconds, NodeSeries node, int seg, Window memory,
      AnalysisOptions o) {
    if (f == null || Double.isNaN(lagSeconds) || f.severity() == Severity.INFO
        || !loadRises(node, seg, memory.from(f.windowStartMicros()), o)) {
      return f;
    }
    return f.demoted(Severity.INFO, f.projection(), "Timers fire " + Findings.num(lagSeconds)
            + " s late and current connections rise: connections that expire late hold their memory longer, so the"
            + " timer lag explains it.",
        "Fix the timer lag (see the timer-lag finding); memory should follow.");
  }

  /**
   * Whether a heap that was not reported may vouch for peak RSS ("the in-use heap does not grow"):
   * its window after warm-up must hold enough points and cover at least the later half of the
   * window peak RSS is judged on. A noisy heap's warm-up cut can leave its last ten minutes, which
   * say nothing about the hour before.
   */
  private static boolean heapSpeaksFor(Window malloced, Window total, Segment segment, AnalysisOptions o) {
    if (malloced.size() < o.minPoints() || total.size() < 2) {
      return false;
    }
    Window heap = Judging.afterWarmUp(malloced, segment, o).window();
    if (heap.size() < o.minPoints()) {
      return false;
    }
    Window peaks = Judging.afterWarmUp(total, segment, o).window();
    return peaks.size() < 2 || heap.start() <= peaks.start() + (peaks.end() - peaks.start()) / 2;
  }

  /**
   * The thread whose pending queue keeps rising in this segment, or null: queued messages are held
   * in memory, so the queue-backlog finding is the cause and memory growth only its consequence.
   */
  private static String growingBacklog(NodeSeries node, int seg, Segment segment, AnalysisOptions o) {
    for (Map.Entry<org.proflog.series.MetricKey, org.proflog.series.Series> e : node.series().entrySet()) {
      Metric m = e.getKey().metric();
      if (m != Metric.THREAD_PENDING_IN && m != Metric.THREAD_PENDING_OUT) {
        continue;
      }
      if (e.getValue().max(seg) < 1000) {
        // never 1000 pending: nor is its window's last point
        continue;
      }
      Window w = Window.withoutShutdown(e.getValue(), seg, segment);
      if (w.size() < o.minPoints() || w.last() < 1000) {
        continue;
      }
      Trend t = Trend.of(w);
      if (t.tau() >= MIN_TAU && t.rising(o.alpha())) {
        return e.getKey().label("thread");
      }
    }
    return null;
  }

  /**
   * An offline run ({@code zeek -r}) reads trace time: connections and heap accumulate per trace and
   * start-up dominates a short run, so its growth is reported but never alarmed on.
   */
  /**
   * The severity the process allows: an offline run's memory follows the traces read (info); a
   * process younger than {@link Judging#MIN_JUDGED_AGE_MICROS} is still filling up, and in its first
   * hour growth after a found warm-up on too few snapshots ({@link #START_UP_MIN_POINTS_FACTOR})
   * cannot be told from start-up (both info, unless memory grew by {@link #MIN_YOUNG_GROWTH} or
   * more); in its first hour it is still warming up whatever its curve looks like, so growth may be
   * reported but a projection from it is too uncertain to call critical (warning).
   */
  private static Finding capped(Finding f, Segment segment, long age, boolean startUp, AnalysisOptions o) {
    if (f == null || f.severity() == Severity.INFO) {
      return f;
    }
    if (Judging.offline(segment)) {
      return f.demoted(Severity.INFO, null,
          "This is an offline run (zeek -r): memory follows the traces read, not a live process.",
          "Judge memory on a live process; for a trace run compare with the size of the traces.");
    }
    Evidence ev = f.evidence();
    double growth = ev.startValue() > 0 ? ev.endValue() / ev.startValue() - 1 : Double.POSITIVE_INFINITY;
    if (age < Judging.MIN_JUDGED_AGE_MICROS && growth < MIN_YOUNG_GROWTH) {
      return f.demoted(Severity.INFO, null, Judging.tooYoung(age, "memory fills with the connections and tables"
          + " of the first minutes, and it grew by " + Findings.pct(growth * 100) + " (less than half)"),
          Judging.CHECK_AGAIN);
    }
    if (startUp && ev.points() < START_UP_MIN_POINTS_FACTOR * o.minPoints() && growth < MIN_YOUNG_GROWTH) {
      return f.demoted(Severity.INFO, null, "The process is less than an hour old and only " + ev.points()
              + " snapshots follow its warm-up: too few to tell the tail of its start-up from a leak.",
          "Check again after " + START_UP_MIN_POINTS_FACTOR * o.minPoints() + " snapshots past the warm-up.");
    }
    if (age < MIN_CRITICAL_AGE_MICROS && f.severity() == Severity.CRITICAL) {
      return f.demoted(Severity.WARNING, f.projection(),
          "The process is less than an hour old, so start-up may still account for part of it.", null);
    }
    return f;
  }

  private static Finding explainedByBacklog(Finding f, String thread) {
    if (thread == null || f.severity() == Severity.INFO) {
      return f;
    }
    return f.demoted(Severity.INFO, f.projection(),
        "The messages queued for " + thread + " are held in memory: the queue backlog explains it.",
        "Fix the queue backlog of " + thread + " (see the queue-backlog finding); memory should follow.");
  }

  private static boolean wraps(Era era) {
    return era.ordinal() <= Era.G7.ordinal();
  }

  /** Adds 2 GiB after every drop that looks like a wrap (a fall of more than 1 GiB). */
  static Window unwrap(Window w) {
    double[] v = w.values();
    double offset = 0;
    double[] u = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      if (i > 0 && v[i] - v[i - 1] < -MALLOC_WRAP_KIB / 2) {
        offset += MALLOC_WRAP_KIB;
      }
      u[i] = v[i] + offset;
    }
    return new Window(w.times(), u);
  }

  private static boolean isMonotone(double[] v) {
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private Finding judgeHeap(NodeSeries node, int seg, Segment segment, Window malloced, Window total, AnalysisOptions o,
      boolean startUp) {
    Judging.AfterWarmUp aw = Judging.afterWarmUp(malloced, segment, o);
    if (aw.window().size() < o.minPoints()) {
      return null;
    }
    Window env = Judging.lowerEnvelope(aw.window());
    return judgeTrend(node, seg, env, aw, "memory.malloced", "lower envelope of in-use heap", total, o, startUp);
  }

  /** Current-RSS eras (Bro 2.0-2.3 arena, macOS) can fall: judge the envelope like the heap. */
  private Finding judgeGauge(NodeSeries node, int seg, Segment segment, Window total, AnalysisOptions o,
      boolean startUp) {
    Judging.AfterWarmUp aw = Judging.afterWarmUp(total, segment, o);
    if (aw.window().size() < o.minPoints()) {
      return null;
    }
    Window env = Judging.lowerEnvelope(aw.window());
    return judgeTrend(node, seg, env, aw, "memory.total", "lower envelope of process memory", total, o, startUp);
  }

  private Finding judgeTrend(NodeSeries node, int seg, Window env, Judging.AfterWarmUp aw, String subject,
      String what, Window total, AnalysisOptions o, boolean startUp) {
    Trend t = Trend.of(env);
    double level = Math.max(1, Samples.median(env.values()));
    double active = Judging.activeFraction(node, seg, env);
    double perWorkHour = t.perHour() / active;
    double pct = perWorkHour / level * 100;
    if (!t.rising(o.alpha()) || pct < o.minMemoryGrowthPctPerHour()) {
      return null;
    }
    if (env.last() - env.first() < 0.25 * t.perHour() * env.hours()) {
      // the envelope ends about where it started: a wandering heap, not one that keeps growing
      return null;
    }
    boolean loadRises = loadRises(node, seg, env, o);
    if (loadRises && !(t.tau() >= MIN_TAU)) {
      // while load rises the heap wiggles up with it: only a persistent rise counts
      return null;
    }
    Map<String, String> extra = Findings.extra(
        "signal", what,
        "growth", Findings.pct(pct) + " of its level per hour of work",
        "warm-up", warmupText(aw));
    Relation work = addWorkRelation(node, seg, env, extra);
    Judging.LoadFollowing lf = Judging.loadFollowing(node, seg, env, Metric.CONNS_CURRENT, o,
        o.minMemoryGrowthPctPerHour() / 100 * level);
    Evidence ev = Findings.trendEvidence(Trend.METHOD + " on lower envelope", env, t, "KiB/h", "KiB", extra);
    if (lf.follows() && !perConnection(work, pct)) {
      extra.put("follows", lf.load() + " (Spearman " + Findings.num(lf.spearman()) + ")");
      ev = Findings.trendEvidence(Trend.METHOD + " on lower envelope", env, t, "KiB/h", "KiB", extra);
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          subject + " grows with the number of current connections, which explains the growth (load-following).",
          "Nothing to fix while load explains it; watch that memory falls back when connections do.");
    }
    if (loadRises && pct < WARN_PCT_PER_HOUR) {
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, subject, seg, ev, null,
          subject + " drifts up by " + Findings.pct(pct) + " per hour of work after warm-up: too little to call a leak.",
          "Watch the trend over a longer run.");
    }
    double current = total.isEmpty() ? env.last() : Math.max(total.last(), env.last());
    Projection p = project(current, perWorkHour, env.end(), o);
    Settling st = settling(env, o, startUp);
    if (st != null) {
      ev = ev.with("halves", st.text());
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, subject, seg, ev, p,
          subject + " still rises after warm-up, but ever more slowly (the second half of the window rose "
              + Findings.pct(st.ratio() * 100) + " as fast as the first" + (st.significant() ? "" : ", not significantly")
              + "): the process is still "
              + "settling after start-up.",
          "Check again later; a leak keeps its pace, start-up levels off.");
    }
    Severity sev = Severity.WARNING;
    if (!aw.tooShort() && ((p != null && p.hoursLeft() <= o.criticalHours()) || pct >= o.criticalGrowthPctPerHour())) {
      sev = Severity.CRITICAL;
    }
    return Findings.make(FindingKind.MEMORY_GROWTH, sev, node, subject, seg, ev, p,
        subject + " keeps growing after warm-up by " + Findings.num(perWorkHour) + " KiB/h ("
            + Findings.pct(pct) + " per hour) and is not explained by current connections.",
        "Look for the growing script table (state-growth findings, `Global_sizes`) and for state kept "
            + "per connection without expiry; plan a restart before the limit.");
  }

  private Finding judgePeaks(NodeSeries node, int seg, Segment segment, Window total, AnalysisOptions o,
      boolean heapHealthy, boolean startUp) {
    Judging.AfterWarmUp aw = Judging.afterWarmUp(total, segment, o);
    Window w = aw.window();
    if (w.size() < o.minPoints()) {
      return null;
    }
    int from = total.size() - w.size();
    PeakStats ps = PeakStats.of(total.times(), total.values(), from, total.size(), 4);
    double hours = w.hours();
    if (hours <= 0) {
      return null;
    }
    double level = Math.max(1, Samples.median(w.values()));
    double active = Judging.activeFraction(node, seg, w);
    // the rise within the window: measured from the maximum before it, the first new peak would
    // carry the tail of a warm-up whose knee was placed a little early (a manager whose peak crept
    // 0.3 %/h was judged at 0.6 %/h, over the 0.5 %/h worth a warning)
    double perWorkHour = (w.last() - w.first()) / hours / active;
    double pct = perWorkHour / level * 100;
    boolean steady = ps.newPeaks() >= 3 && ps.regularity() >= 0.75 && ps.lastPeakFraction() >= 0.75;
    if (!steady || pct < o.minMemoryGrowthPctPerHour()) {
      return null;
    }
    Map<String, String> extra = Findings.extra(
        "signal", "peak RSS (high-water mark; never falls)",
        "new peaks", Integer.toString(ps.newPeaks()),
        "mean increment", Findings.num(ps.meanIncrement()) + " KiB",
        "last new peak", Findings.pct(ps.lastPeakFraction() * 100) + " into the window",
        "regularity", Findings.pct(ps.regularity() * 100) + " of the window's quarters set a new peak",
        "warm-up", warmupText(aw));
    Relation work = addWorkRelation(node, seg, w, extra);
    Evidence ev = new Evidence("new-peak rate of peak RSS after warm-up", w.start(), w.end(), w.size(),
        perWorkHour, "KiB/h", Double.NaN, "new peaks/h", ps.peaksPerHour(), w.first(), w.last(), "KiB", extra);
    Judging.LoadFollowing lf = Judging.loadFollowing(node, seg, w, Metric.CONNS_CURRENT, o,
        o.minMemoryGrowthPctPerHour() / 100 * level);
    if (lf.follows() && !perConnection(work, pct)) {
      ev = ev.with("follows", lf.load() + " (Spearman " + Findings.num(lf.spearman()) + ")");
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, ev, null,
          "Peak RSS sets new peaks while current connections rise with it (load-following).",
          "Nothing to fix while load explains it; compare with a quieter period.");
    }
    Projection p = project(w.last(), perWorkHour, w.end(), o);
    Finding small = tooLittleGrowth(node, ev, seg, p, ps, level, w);
    if (small != null) {
      return small;
    }
    double settling = deceleration(w);
    if (settling < (startUp ? START_UP_SETTLING : SETTLING)) {
      ev = ev.with("second half", Findings.pct(settling * 100) + " of the first half's growth");
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, ev, p,
          "Peak RSS still sets new peaks, but ever more slowly (the second half of the window grew "
              + Findings.pct(settling * 100) + " as much as the first): the process is still settling after start-up.",
          "Check again later; a leak keeps its pace, start-up levels off.");
    }
    if (pct < WARN_PCT_PER_HOUR && hours < SLOW_PEAKS_MIN_HOURS) {
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, ev, p,
          "Peak RSS still sets new peaks after warm-up, by " + Findings.pct(pct) + " per hour of work over the "
              + Findings.hours(hours) + " judged: too slow to tell from start-up and daily load in under an hour.",
          "Check again when an hour after warm-up has been recorded; a leak keeps its pace.");
    }
    if (loadRises(node, seg, w, o) && pct < WARN_PCT_PER_HOUR) {
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, ev, p,
          "Peak RSS still sets new peaks after warm-up, by " + Findings.pct(pct) + " per hour of work: too little to call a leak.",
          "Watch the trend over a longer run.");
    }
    if (heapHealthy) {
      return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, ev, p,
          "Peak RSS keeps setting new peaks although the in-use heap (malloced) does not grow: fragmentation "
              + "or allocator retention rather than a leak.",
          "Watch the trend; if it continues, compare with stats.log mem and consider a periodic restart.");
    }
    Severity sev = Severity.WARNING;
    if (!aw.tooShort() && ((p != null && p.hoursLeft() <= o.criticalHours()) || pct >= o.criticalGrowthPctPerHour())) {
      sev = Severity.CRITICAL;
    }
    return Findings.make(FindingKind.MEMORY_GROWTH, sev, node, "memory.total", seg, ev, p,
        "Peak RSS keeps setting new peaks after warm-up (" + ps.newPeaks() + " new peaks, "
            + Findings.num(perWorkHour) + " KiB/h, " + Findings.pct(pct) + " per hour) up to the end of the data.",
        "Look for the growing script table (state-growth findings) and plan a restart before the limit.");
  }

  private static String warmupText(Judging.AfterWarmUp aw) {
    if (aw.tooShort()) {
      return "series too short to separate start-up from growth (capped at warning)";
    }
    return aw.separated()
        ? "ends at " + java.time.Instant.ofEpochSecond(aw.warmupEndMicros() / 1_000_000) + " (growth before it ignored)"
        : "no start-up ramp found";
  }

  /** Adds memory per 1000 connections when conns.total is known: growth judged against work done. */
  private static Relation addWorkRelation(NodeSeries node, int seg, Window w, Map<String, String> extra) {
    Window conns = Window.of(node.get(Metric.CONNS_TOTAL), seg);
    if (conns.size() < 3 || w.size() < 3 || conns.allZero()) {
      return null; // a manager, logger or proxy counts no connections of its own
    }
    double[] c = w.aligned(conns);
    for (double v : c) {
      if (Double.isNaN(v)) {
        return null;
      }
    }
    Relation r = StatsMemo.relation(c, w.values());
    if (!Double.isNaN(r.slope())) {
      extra.put("per work", Findings.num(r.slope() * 1000) + " KiB per 1000 connections (R² "
          + Findings.num(r.r2()) + " against conns.total)");
    }
    return r;
  }

  /**
   * How many new peaks {@code n} independent values of one distribution set by chance: the mean
   * number of records among them, the harmonic number H(n), plus one standard deviation (variance
   * H(n) minus the sum of 1/k²). A steady process's noise sets about that many; a leak sets more, as
   * its rise outruns the noise. (One deviation, not two: a leak of 1 %/h then still shows within
   * the dozen snapshots DetectionDelayTest allows.)
   */
  static double noiseRecords(int n) {
    double mean = 0;
    double var = 0;
    for (int k = 1; k <= n; k++) {
      mean += 1.0 / k;
      var += 1.0 / k - 1.0 / ((double) k * k);
    }
    return mean + Math.sqrt(var);
  }

  /**
   * An info when peak RSS set no more new peaks than noise would ({@link #noiseRecords}) and rose by
   * less than {@link #MIN_WINDOW_GROWTH_PCT} of its level from the judged window's first point to
   * its last, else null.
   */
  private static Finding tooLittleGrowth(NodeSeries node, Evidence ev, int seg, Projection p, PeakStats ps,
      double level, Window w) {
    double growth = w.last() - w.first();
    double pct = growth / level * 100;
    double chance = noiseRecords(w.size());
    if (ps.newPeaks() > chance || pct >= MIN_WINDOW_GROWTH_PCT) {
      return null;
    }
    Evidence shown = ev.with("window growth", Findings.num(growth) + " KiB (" + Findings.pct(pct)
        + " of its level; a leak needs " + Findings.pct(MIN_WINDOW_GROWTH_PCT) + ", or more new peaks than the "
        + Findings.num(Math.floor(chance)) + " that noise sets in " + w.size() + " snapshots)");
    return Findings.make(FindingKind.MEMORY_GROWTH, Severity.INFO, node, "memory.total", seg, shown, p,
        "Peak RSS sets new peaks after warm-up, but no more than its noise sets, and they rose by only "
            + Findings.pct(pct) + " over the " + Findings.hours(w.hours()) + " judged: too little to tell a leak from noise.",
        "Check again over a longer run; a leak keeps its pace.");
  }

  /** The slopes of an envelope's two halves, when the second is the slower by far. */
  record Settling(double firstPerHour, double secondPerHour, double ratio, double secondP, boolean significant) {
    String text() {
      return Findings.num(firstPerHour) + " KiB/h, then " + Findings.num(secondPerHour) + " KiB/h (p="
          + Findings.num(secondP) + ")";
    }
  }

  /**
   * An envelope that is levelling off, or null: the Theil-Sen slope of its later half (by time) is
   * under half its earlier half's, and the later half alone rises not significantly. A leak keeps
   * its pace; the tail of a start-up curve, which a warm-up cut placed a little early leaves in the
   * window, does not. Each half needs {@code minPoints} points. In a process's first hour with an
   * automatic warm-up ({@code startUp}) a later half under {@link #START_UP_SETTLING} of the earlier
   * is enough, significant or not: there the window is the tail of a slow start-up curve more often
   * than a leak.
   */
  static Settling settling(Window env, AnalysisOptions o, boolean startUp) {
    long mid = env.start() + (env.end() - env.start()) / 2;
    int m = 0;
    while (m < env.size() && env.time(m) <= mid) {
      m++;
    }
    if (m < o.minPoints() || env.size() - m < o.minPoints()) {
      return null;
    }
    Trend first = Trend.of(env.slice(0, m));
    Trend second = Trend.of(env.slice(m, env.size()));
    double s1 = first.perHour();
    double s2 = second.perHour();
    if (!(s1 > 0)) {
      return null;
    }
    boolean significant = second.rising(o.alpha());
    if (startUp ? s2 >= START_UP_SETTLING * s1 : s2 >= SETTLING * s1 || significant) {
      return null;
    }
    return new Settling(s1, s2, s2 / s1, second.mk().pIncreasing(), significant);
  }

  /**
   * Growth of the window's second half (by time) as a fraction of its first half's: about 1 for a
   * steady leak, well below 1 for a start-up curve that is levelling off (1 when the first half did
   * not grow).
   */
  static double deceleration(Window w) {
    long mid = w.start() + (w.end() - w.start()) / 2;
    double atMid = w.first();
    for (int i = 0; i < w.size() && w.times()[i] <= mid; i++) {
      atMid = w.values()[i];
    }
    double g1 = atMid - w.first();
    double g2 = w.last() - atMid;
    return g1 <= 0 ? 1 : g2 / g1;
  }

  /**
   * Whether current connections rise significantly over the window: then slow memory growth may be
   * load (more state per live connection mix, caches) and needs a meaningful effect to alarm; with
   * flat load any steady growth is suspect.
   */
  static boolean loadRises(NodeSeries node, int seg, Window w, AnalysisOptions o) {
    Window load = Window.of(node.get(Metric.CONNS_CURRENT), seg);
    if (load.size() < 3 || w.size() < 3) {
      return false;
    }
    double[] x = w.aligned(load);
    for (double v : x) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return Trend.of(new Window(w.times(), x)).rising(o.alpha());
  }

  /**
   * Memory that grows fast and in lockstep with the cumulative connection count keeps something per
   * connection: current connections rising at the same time do not explain it away.
   */
  static boolean perConnection(Relation work, double pctPerHour) {
    return work != null && work.r2() >= PER_CONNECTION_R2 && pctPerHour >= WARN_PCT_PER_HOUR;
  }

  static Projection project(double current, double perHour, long endMicros, AnalysisOptions o) {
    if (o.memoryLimitKiB() <= 0 || perHour <= 0) {
      return null;
    }
    double left = (o.memoryLimitKiB() - current) / perHour;
    if (left < 0) {
      left = 0;
    }
    return new Projection(o.memoryLimitKiB(), "KiB", endMicros + (long) (left * 3.6e9), left);
  }
}
