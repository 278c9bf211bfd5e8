package org.proflog.render.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.FindingKind;
import org.proflog.analysis.Projection;
import org.proflog.analysis.Severity;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * A small, realistic three-node cluster for renderer tests: a manager, a logger whose writer queue
 * backs up, and a worker whose peak RSS and one script table leak and which restarts once. Built
 * from a fixed seed, so it is the same every run.
 */
public final class TestCluster {
  /** 2024-03-01T00:00:00Z, in µs. */
  public static final long START = 1_709_251_200_000_000L;
  public static final long STEP = 10_000_000L;
  public static final int POINTS = 6 * 360;
  public static final String WRITER = "conn/Log::WRITER_ASCII";
  public static final String READER = "intel/Input::READER_ASCII";

  private TestCluster() {}

  public static List<NodeSeries> nodes(String workerName, String hostileThread) {
    List<NodeSeries> out = new ArrayList<>();
    out.add(node("manager", 1, false, false, null));
    out.add(node("logger-1", 2, true, false, null));
    out.add(node(workerName, 3, false, true, hostileThread));
    return out;
  }

  public static List<NodeSeries> nodes() {
    return nodes("worker-1", null);
  }

  public static List<Finding> findings(String workerName) {
    long end = START + (POINTS - 1) * STEP;
    long restart = START + (POINTS * 2L / 3) * STEP;
    List<Finding> f = new ArrayList<>();
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("load-following", "no: conns.current flat (tau 0.02)");
    f.add(new Finding(Finding.idOf(FindingKind.MEMORY_GROWTH, workerName, "memory.total"),
        FindingKind.MEMORY_GROWTH, Severity.CRITICAL, workerName, "memory.total", 1,
        restart + 600_000_000L, end,
        new Evidence("new-peak rate (Theil-Sen on peaks)", restart + 600_000_000L, end, 660, 51200,
            "KiB/h", 1.2e-9, "tau", 0.91, 2_400_000, 2_500_000, "KiB", extra),
        new Projection(16 * 1024 * 1024, "KiB", end + 3_600_000_000L * 270, 270.5),
        "Peak RSS keeps setting new highs at 50 MiB/h while load is flat.",
        "Look at the growing table LeakyTable::seen; add &create_expire."));
    f.add(new Finding(Finding.idOf(FindingKind.STATE_GROWTH, workerName, "LeakyTable::seen"),
        FindingKind.STATE_GROWTH, Severity.WARNING, workerName, "LeakyTable::seen", 1,
        restart, end,
        new Evidence("Theil-Sen + Mann-Kendall (Hamed-Rao)", restart, end, 72, 5000, "entries/h",
            3.0e-6, "tau", 0.88, 1000, 11000, "entries", Map.of("expiry", "none")),
        null, "Table LeakyTable::seen grows with the cumulative connection count and never shrinks.",
        "Add &create_expire=1hr or &read_expire to LeakyTable::seen."));
    f.add(new Finding(Finding.idOf(FindingKind.QUEUE_BACKLOG, "logger-1", WRITER),
        FindingKind.QUEUE_BACKLOG, Severity.WARNING, "logger-1", WRITER, 0,
        START + 3_600_000_000L, end,
        new Evidence("Theil-Sen on pending_in", START + 3_600_000_000L, end, 1800, 120, "messages/h",
            1e-4, "tau", 0.45, 10, 600, "messages", null),
        null, "The ASCII conn writer receives more than it writes; its inbound queue never drains.",
        "Check disk throughput of the logger; consider more loggers."));
    f.add(new Finding(Finding.idOf(FindingKind.RESTART, workerName, "process"),
        FindingKind.RESTART, Severity.INFO, workerName, "process", 1, restart, restart,
        null, null, "The process restarted (new Command line block).",
        "Check the reporter.log and crash reports of " + workerName + "."));
    return f;
  }

  public static ReportData report() {
    return new ReportData("test cluster", START + POINTS * STEP, nodes(), findings("worker-1"),
        Map.of("worker-1", "Zeek 6.0 (G8)"));
  }

  private static NodeSeries node(String name, int seed, boolean logger, boolean leaking,
      String extraThread) {
    Random r = new Random(seed);
    SortedMap<MetricKey, Series> s = new TreeMap<>();
    int restartAt = leaking ? POINTS * 2 / 3 : -1;
    List<Segment> segments = new ArrayList<>();
    long restartTime = START + restartAt * STEP;
    if (leaking) {
      segments.add(new Segment(0, Segment.Reason.FIRST, START, restartTime - STEP, restartAt,
          "spool/" + name + "/prof.log", 1, "zeek -i eth0 local"));
      segments.add(new Segment(1, Segment.Reason.COMMAND_LINE, restartTime,
          START + (POINTS - 1) * STEP, POINTS - restartAt, "spool/" + name + "/prof.log", 99_000,
          "zeek -i eth0 local"));
    } else {
      segments.add(new Segment(0, Segment.Reason.FIRST, START, START + (POINTS - 1) * STEP, POINTS,
          "spool/" + name + "/prof.log", 1, null));
    }
    List<String> threads = new ArrayList<>(List.of(WRITER, "dns/Log::WRITER_ASCII"));
    if (!logger) {
      threads.add(READER);
    }
    if (extraThread != null) {
      threads.add(extraThread);
    }
    double peak = 0;
    double leak = 0;
    double[] counterIn = new double[threads.size()];
    double[] counterOut = new double[threads.size()];
    double events = 0;
    double logs = 0;
    double pendingWriter = 0;
    for (int i = 0; i < POINTS; i++) {
      long t = START + i * STEP;
      int seg = leaking && i >= restartAt ? 1 : 0;
      if (leaking && i == restartAt) {
        peak = 0;
        leak = 0;
        java.util.Arrays.fill(counterIn, 0);
        java.util.Arrays.fill(counterOut, 0);
        events = 0;
        logs = 0;
      }
      double day = Math.sin(2 * Math.PI * i / POINTS);
      double conns = 20_000 + 6_000 * day + r.nextGaussian() * 500;
      double rss = 1_500_000 + conns * 20 + (leaking ? (i - (i >= restartAt ? restartAt : 0)) * 400 : 0)
          + r.nextGaussian() * 20_000;
      peak = Math.max(peak, rss);
      put(s, MetricKey.of(Metric.MEMORY_TOTAL), t, peak, seg);
      put(s, MetricKey.of(Metric.MEMORY_MALLOCED), t, rss * 0.8, seg);
      put(s, MetricKey.of(Metric.CONNS_CURRENT), t, Math.round(conns), seg);
      put(s, MetricKey.of(Metric.CONNS_TCP), t, Math.round(conns * 0.7), seg);
      put(s, MetricKey.of(Metric.CONNS_UDP), t, Math.round(conns * 0.28), seg);
      put(s, MetricKey.of(Metric.CONNS_ICMP), t, Math.round(conns * 0.02), seg);
      put(s, MetricKey.of(Metric.TIMERS_CURRENT), t, Math.round(conns * 3.1), seg);
      put(s, MetricKey.of(Metric.TIMERS_LAG), t, Math.abs(r.nextGaussian() * 0.02), seg);
      for (int k = 0; k < threads.size(); k++) {
        String th = threads.get(k);
        double in = (60 + 15 * day + r.nextInt(5)) * (logger ? 10 : 1) * (k + 1);
        counterIn[k] += in * STEP / 1e6;
        boolean backlog = logger && th.equals(WRITER) && i > 360;
        counterOut[k] += (backlog ? in * 0.97 : in * 0.8) * STEP / 1e6;
        double pin = backlog ? (pendingWriter += 0.3 + r.nextDouble() * 0.2)
            : r.nextInt(40) == 0 ? r.nextInt(60) : 0;
        put(s, MetricKey.of(Metric.THREAD_IN, "thread", th), t, Math.round(counterIn[k]), seg);
        put(s, MetricKey.of(Metric.THREAD_OUT, "thread", th), t, Math.round(counterOut[k]), seg);
        put(s, MetricKey.of(Metric.THREAD_PENDING_IN, "thread", th), t, Math.round(pin), seg);
        put(s, MetricKey.of(Metric.THREAD_PENDING_OUT, "thread", th), t, r.nextInt(60) == 0 ? r.nextInt(20) : 0, seg);
      }
      put(s, MetricKey.of(Metric.COMM_PEERS), t, logger ? 4 : 2, seg);
      events += 200 + r.nextInt(50);
      logs += logger ? 0 : 900 + r.nextInt(100);
      put(s, MetricKey.of(Metric.COMM_EVENTS_IN), t, events, seg);
      put(s, MetricKey.of(Metric.COMM_EVENTS_OUT), t, Math.round(events * 0.9), seg);
      put(s, MetricKey.of(Metric.COMM_LOGS_OUT), t, logs, seg);
      if (i % 30 == 0) { // expensive snapshot every 5 minutes
        leak += leaking ? 400 : 0;
        put(s, MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Known::hosts"), t, 800 + r.nextInt(40), seg);
        put(s, MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Conn::track"), t, Math.round(conns / 10), seg);
        put(s, MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "Weird::weird_ignore"), t, 100 + r.nextInt(300), seg);
        if (leaking) {
          put(s, MetricKey.of(Metric.GLOBAL_ENTRIES, "name", "LeakyTable::seen"), t, 1000 + leak, seg);
        }
        put(s, MetricKey.of(Metric.TABLES_ENTRIES), t, 5000 + Math.round(conns / 10) + leak, seg);
        put(s, MetricKey.of(Metric.GLOBALS_TOTAL), t, 250_000 + leak * 0.5, seg);
      }
    }
    TreeSet<String> globals = new TreeSet<>(List.of("Known::hosts", "Conn::track", "Weird::weird_ignore"));
    if (leaking) {
      globals.add("LeakyTable::seen");
    }
    return new NodeSeries(new NodeId(name), Era.G7, List.of("spool/" + name + "/prof.log"), segments, s,
        POINTS, POINTS / 30, 0, new long[0], new TreeSet<>(threads), globals, false, 0, 0);
  }

  private static void put(SortedMap<MetricKey, Series> s, MetricKey k, long t, double v, int seg) {
    s.computeIfAbsent(k, x -> new Series(POINTS)).add(t, v, seg);
  }
}
