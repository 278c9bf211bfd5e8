package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * The whole analysis over a cluster: {@code nodes} nodes × one day at 15 s (5760 snapshots), about
 * fifty series per node (memory, connections, timers and timer types, dns, triggers, comm, eight
 * writer threads with six counters each, named globals at every 4th snapshot). Half the nodes leak
 * memory and a table so that the expensive paths (trend tests, load relations) run too.
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package && java -jar target/benchmarks.jar AnalyzerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AnalyzerBenchmark {
  @Param({"100"})
  public int nodes;

  @Param({"5760"})
  public int points;

  private List<NodeSeries> cluster;
  private Analyzer analyzer;

  @Setup
  public void setup() {
    cluster = new ArrayList<>();
    for (int k = 0; k < nodes; k++) {
      cluster.add(node("worker-" + k, points, k % 2 == 0, k));
    }
    analyzer = new Analyzer(AnalysisOptions.defaults().withMemoryLimitKiB(16 << 20));
  }

  @Benchmark
  public List<Finding> analyzeCluster() {
    return analyzer.analyze(cluster);
  }

  static NodeSeries node(String name, int n, boolean leak, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long t0 = 1_700_000_000_000_000L;
    long dt = 15_000_000L;
    TreeMap<MetricKey, Series> map = new TreeMap<>();
    TreeSet<String> threads = new TreeSet<>();
    TreeSet<String> globals = new TreeSet<>();
    double[] conns = new double[n];
    for (int i = 0; i < n; i++) {
      conns[i] = 20_000 + 8_000 * Math.sin(2 * Math.PI * i / n) + 400 * (r.nextDouble() - 0.5);
    }
    double max = 0;
    double[] rss = new double[n];
    for (int i = 0; i < n; i++) {
      double v = 1_500_000 * (1 - 0.6 * Math.exp(-i / 40.0)) + (leak ? 4.0 * i : 0) + 2000 * r.nextDouble();
      max = Math.max(max, v);
      rss[i] = Math.rint(max);
    }
    put(map, MetricKey.of(Metric.MEMORY_TOTAL), n, t0, dt, 1, i -> rss[i]);
    put(map, MetricKey.of(Metric.MEMORY_MALLOCED), n, t0, dt, 1,
        i -> 600_000 + 10 * conns[i] + 5_000.0 * (i % 30) + (leak ? 3.0 * i : 0) + 3000 * r.nextDouble());
    put(map, MetricKey.of(Metric.CONNS_CURRENT), n, t0, dt, 1, i -> conns[i]);
    put(map, MetricKey.of(Metric.CONNS_TOTAL), n, t0, dt, 1, i -> 300.0 * i);
    put(map, MetricKey.of(Metric.TIMERS_CURRENT), n, t0, dt, 1, i -> 1.3 * conns[i]);
    put(map, MetricKey.of(Metric.TIMERS_LAG), n, t0, dt, 1, i -> 0.05 * r.nextDouble());
    for (String type : new String[] {"ConnectionInactivityTimer", "ScheduleTimer", "TableValTimer", "TCPConnectionAttemptTimer"}) {
      put(map, MetricKey.of(Metric.TIMER_COUNT, "type", type), n, t0, dt, 1, i -> 0.3 * conns[i]);
    }
    put(map, MetricKey.of(Metric.DNS_PENDING), n, t0, dt, 1, i -> i % 7 == 0 ? 1 : 0);
    put(map, MetricKey.of(Metric.DNS_REQUESTS), n, t0, dt, 1, i -> 5.0 * i);
    put(map, MetricKey.of(Metric.DNS_FAILED), n, t0, dt, 1, i -> i / 100);
    put(map, MetricKey.of(Metric.TRIGGERS_PENDING), n, t0, dt, 1, i -> 3 + (i % 4));
    put(map, MetricKey.of(Metric.COMM_PEERS), n, t0, dt, 1, i -> 3);
    put(map, MetricKey.of(Metric.COMM_EVENTS_IN), n, t0, dt, 1, i -> 7.0 * i);
    put(map, MetricKey.of(Metric.COMM_EVENTS_OUT), n, t0, dt, 1, i -> 9.0 * i);
    for (String t : new String[] {"conn", "dns", "http", "ssl", "files", "x509", "weird", "notice"}) {
      String name2 = t + "/Log::WRITER_ASCII";
      threads.add(name2);
      put(map, MetricKey.of(Metric.THREAD_IN, "thread", name2), n, t0, dt, 1, i -> 120.0 * i);
      put(map, MetricKey.of(Metric.THREAD_IN_READS, "thread", name2), n, t0, dt, 1, i -> 120.0 * i);
      put(map, MetricKey.of(Metric.THREAD_PENDING_IN, "thread", name2), n, t0, dt, 1, i -> i % 50 == 0 ? 3 : 0);
      put(map, MetricKey.of(Metric.THREAD_OUT, "thread", name2), n, t0, dt, 1, i -> 2.0 * i);
      put(map, MetricKey.of(Metric.THREAD_OUT_READS, "thread", name2), n, t0, dt, 1, i -> 2.0 * i);
      put(map, MetricKey.of(Metric.THREAD_PENDING_OUT, "thread", name2), n, t0, dt, 1, i -> 0);
    }
    for (int g = 0; g < 6; g++) {
      String gname = "MyScript::table" + g;
      globals.add(gname);
      boolean grows = leak && g == 0;
      put(map, MetricKey.of(Metric.GLOBAL_ENTRIES, "name", gname), n, t0, dt, 4,
          i -> grows ? 200 + 0.05 * i * 300 : 400 + 0.3 * conns[i]);
    }
    put(map, MetricKey.of(Metric.TABLES_ENTRIES), n, t0, dt, 4, i -> 50_000 + 0.3 * conns[i]);
    put(map, MetricKey.of(Metric.GLOBALS_TOTAL), n, t0, dt, 4, i -> 29_000 + (i % 10));
    int ne = (n + 3) / 4;
    long[] exp = new long[ne];
    for (int k = 0; k < ne; k++) {
      exp[k] = t0 + 4L * k * dt;
    }
    List<Segment> segs = List.of(new Segment(0, Segment.Reason.FIRST, t0, t0 + (n - 1) * dt, n, "prof.log", 1, null));
    return new NodeSeries(new NodeId(name), Era.G6, List.of("prof.log"), segs, map, n, ne, 0, exp, threads, globals,
        false, 0, 0);
  }

  private interface F {
    double at(int i);
  }

  private static void put(TreeMap<MetricKey, Series> map, MetricKey k, int n, long t0, long dt, int every, F f) {
    Series s = new Series(n / every + 1);
    for (int i = 0; i < n; i += every) {
      s.add(t0 + i * dt, f.at(i), 0);
    }
    map.put(k, s);
  }
}
