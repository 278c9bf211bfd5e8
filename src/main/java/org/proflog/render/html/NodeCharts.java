package org.proflog.render.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.proflog.render.html.ChartSpec.Column;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/**
 * Decides which charts a node gets: memory, connections, timers and lag, one chart per message
 * thread (the busiest and those with findings, at most {@value #MAX_THREADS}), the fastest-growing
 * named globals (at most {@value #MAX_GLOBALS}), table totals and Broker communication. A chart
 * whose series are all absent is left out.
 */
final class NodeCharts {
  static final int MAX_THREADS = 12;
  static final int MAX_GLOBALS = 8;
  private static final double MIB_PER_KIB = 1.0 / 1024;

  private NodeCharts() {}

  /** What was left out of a node's charts, so the page can say so. */
  record Omitted(int threads, int globals) {}

  /** The charts of one node and what did not fit. */
  record Result(List<ChartSpec> charts, Omitted omitted) {}

  /**
   * @param prefix chart id prefix, unique per node
   * @param findingSubjects subjects of this node's findings: their threads and globals are always charted
   */
  static Result of(NodeSeries n, String prefix, Set<String> findingSubjects) {
    List<ChartSpec> out = new ArrayList<>();
    List<Column> mem = new ArrayList<>();
    add(mem, "peak RSS", n.get(Metric.MEMORY_TOTAL), MIB_PER_KIB);
    Series malloced = n.get(Metric.MEMORY_MALLOCED);
    if (malloced != null && anyNonZero(malloced)) {
      add(mem, "malloced", malloced, MIB_PER_KIB);
    }
    chart(out, prefix + "-memory", "Memory", List.of("memory.total", "memory.malloced", "memory"),
        "MiB", null, mem);

    List<Column> conns = new ArrayList<>();
    add(conns, "current", n.get(Metric.CONNS_CURRENT), 1);
    add(conns, "tcp", n.get(Metric.CONNS_TCP), 1);
    add(conns, "udp", n.get(Metric.CONNS_UDP), 1);
    add(conns, "icmp", n.get(Metric.CONNS_ICMP), 1);
    chart(out, prefix + "-conns", "Connections",
        List.of("conns.current", "conns.tcp", "conns.udp", "conns.icmp", "conns.total",
            "reassembler.data", "connections"), "connections", null, conns);

    List<Column> timers = new ArrayList<>();
    add(timers, "pending timers", n.get(Metric.TIMERS_CURRENT), 1);
    Series lag = n.get(Metric.TIMERS_LAG);
    if (lag != null && !lag.isEmpty()) {
      timers.add(Column.value("lag", lag, 1).onRight());
    }
    chart(out, prefix + "-timers", "Timers and lag", List.of("timers.current", "timers.lag", "timers"),
        "timers", lag != null && !lag.isEmpty() ? "lag (s)" : null, timers);

    Omitted omitted = threadCharts(n, prefix, findingSubjects, out);
    int globalsOmitted = globalCharts(n, prefix, findingSubjects, out);

    List<Column> comm = new ArrayList<>();
    add(comm, "peers", n.get(Metric.COMM_PEERS), 1);
    rate(comm, "events in/s", n.get(Metric.COMM_EVENTS_IN));
    rate(comm, "events out/s", n.get(Metric.COMM_EVENTS_OUT));
    rate(comm, "logs in/s", n.get(Metric.COMM_LOGS_IN));
    rate(comm, "logs out/s", n.get(Metric.COMM_LOGS_OUT));
    boolean commRates = comm.stream().anyMatch(Column::right);
    chart(out, prefix + "-comm", "Broker communication",
        List.of("comm.peers", "comm.events_in", "comm.events_out", "comm.logs_in", "comm.logs_out", "comm"),
        "peers", commRates ? "per second" : null, comm);
    return new Result(out, new Omitted(omitted.threads(), globalsOmitted));
  }

  private static Omitted threadCharts(NodeSeries n, String prefix, Set<String> findingSubjects,
      List<ChartSpec> out) {
    Map<String, Map<Metric, Series>> byThread = new TreeMap<>();
    for (Map.Entry<MetricKey, Series> e : n.series().entrySet()) {
      Metric m = e.getKey().metric();
      if (m == Metric.THREAD_PENDING_IN || m == Metric.THREAD_PENDING_OUT || m == Metric.THREAD_IN
          || m == Metric.THREAD_OUT) {
        String name = subjectOf(e.getKey());
        byThread.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(m, e.getValue());
      }
    }
    List<String> names = new ArrayList<>(byThread.keySet());
    names.sort(Comparator.<String, Boolean>comparing(t -> !findingSubjects.contains(t))
        .thenComparing(t -> -(max(byThread.get(t).get(Metric.THREAD_PENDING_IN))
            + max(byThread.get(t).get(Metric.THREAD_PENDING_OUT))))
        .thenComparing(Comparator.naturalOrder()));
    int shown = Math.min(MAX_THREADS, names.size());
    List<String> chosen = new ArrayList<>(names.subList(0, shown));
    chosen.sort(Comparator.naturalOrder());
    int i = 0;
    for (String t : chosen) {
      Map<Metric, Series> s = byThread.get(t);
      List<Column> cols = new ArrayList<>();
      add(cols, "pending in", s.get(Metric.THREAD_PENDING_IN), 1);
      add(cols, "pending out", s.get(Metric.THREAD_PENDING_OUT), 1);
      rate(cols, "in/s", s.get(Metric.THREAD_IN));
      rate(cols, "out/s", s.get(Metric.THREAD_OUT));
      boolean rates = cols.stream().anyMatch(Column::right);
      chart(out, prefix + "-thread" + i++, "Thread " + t, List.of(t), "pending messages",
          rates ? "messages/s" : null, cols);
    }
    return new Omitted(names.size() - shown, 0);
  }

  private static int globalCharts(NodeSeries n, String prefix, Set<String> findingSubjects,
      List<ChartSpec> out) {
    Metric metric = null;
    String unit = "entries";
    double factor = 1;
    for (Metric m : List.of(Metric.GLOBAL_ENTRIES, Metric.TABLE_ENTRIES, Metric.GLOBAL_SIZE,
        Metric.GLOBAL_FOOTPRINT)) {
      if (n.series().keySet().stream().anyMatch(k -> k.metric() == m)) {
        metric = m;
        break;
      }
    }
    int omitted = 0;
    if (metric != null) {
      Metric chosenMetric = metric;
      if (metric == Metric.GLOBAL_SIZE) {
        unit = "KiB";
      } else if (metric == Metric.GLOBAL_FOOTPRINT) {
        unit = "footprint";
      }
      Map<String, Series> byName = new TreeMap<>();
      n.series().forEach((k, v) -> {
        if (k.metric() == chosenMetric) {
          byName.put(subjectOf(k), v);
        }
      });
      List<String> names = new ArrayList<>(byName.keySet());
      names.sort(Comparator.<String, Boolean>comparing(g -> !findingSubjects.contains(g))
          .thenComparing(g -> -growth(byName.get(g)))
          .thenComparing(Comparator.naturalOrder()));
      int shown = Math.min(MAX_GLOBALS, names.size());
      omitted = names.size() - shown;
      List<Column> cols = new ArrayList<>();
      List<String> subjects = new ArrayList<>();
      for (String g : names.subList(0, shown)) {
        add(cols, g, byName.get(g), factor);
        subjects.add(g);
      }
      subjects.add(metric.id());
      String title = (metric == Metric.TABLE_ENTRIES ? "Table rows" : "Named globals")
          + " (top growers)";
      chart(out, prefix + "-globals", title, subjects, unit, null, cols);
    }
    List<Column> totals = new ArrayList<>();
    add(totals, "table entries", n.get(Metric.TABLES_ENTRIES), 1);
    add(totals, "incl. nested", n.get(Metric.TABLES_ENTRIES_RECURSIVE), 1);
    Series globalsTotal = n.get(Metric.GLOBALS_TOTAL);
    boolean right = globalsTotal != null && !globalsTotal.isEmpty();
    if (right) {
      totals.add(Column.value("globals total (KiB)", globalsTotal, 1).onRight());
    }
    chart(out, prefix + "-state", "Script state totals",
        List.of("tables.entries", "tables.entries_recursive", "globals.total"), "entries",
        right ? "KiB" : null, totals);
    return omitted;
  }

  /** The thread or global a labelled key is about: its first label's value. */
  static String subjectOf(MetricKey k) {
    return k.labels().isEmpty() ? k.metric().id() : k.labels().values().iterator().next();
  }

  private static void chart(List<ChartSpec> out, String id, String title, List<String> subjects,
      String left, String right, List<Column> cols) {
    if (!cols.isEmpty()) {
      out.add(new ChartSpec(id, title, subjects, left, right, List.copyOf(cols)));
    }
  }

  private static void add(List<Column> cols, String label, Series s, double factor) {
    if (s != null && !s.isEmpty()) {
      cols.add(Column.value(label, s, factor));
    }
  }

  private static void rate(List<Column> cols, String label, Series s) {
    if (s != null && s.size() > 1) {
      cols.add(Column.rate(label, s));
    }
  }

  private static boolean anyNonZero(Series s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.value(i) != 0) {
        return true;
      }
    }
    return false;
  }

  private static double max(Series s) {
    double m = 0;
    if (s != null) {
      for (int i = 0; i < s.size(); i++) {
        m = Math.max(m, s.value(i));
      }
    }
    return m;
  }

  /** Last minus first value: how much a global grew over the data. */
  private static double growth(Series s) {
    return s.isEmpty() ? 0 : s.last() - s.value(0);
  }
}
