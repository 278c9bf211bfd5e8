package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * Builds NodeSeries directly for detector tests: a fixed snapshot grid (interval, count), one or
 * more segments, per-snapshot series from functions of the snapshot index, and expensive series at
 * every {@code expensiveEvery}-th snapshot.
 */
final class NodeBuilder {
  static final long T0 = 1_700_000_000_000_000L;

  final String name;
  final long intervalMicros;
  final int n;
  Era era = Era.G6;
  int expensiveEvery = 1;
  String firstCommandLine;
  boolean unnamedRows;
  final List<Integer> restarts = new ArrayList<>();
  final TreeMap<MetricKey, Series> series = new TreeMap<>();
  final TreeSet<String> threads = new TreeSet<>();
  final TreeSet<String> globals = new TreeSet<>();
  final SplittableRandom rnd;

  NodeBuilder(String name, long intervalSeconds, int n, long seed) {
    this.name = name;
    this.intervalMicros = intervalSeconds * 1_000_000L;
    this.n = n;
    this.rnd = new SplittableRandom(seed);
  }

  long time(int i) {
    return T0 + i * intervalMicros;
  }

  int segmentOf(int i) {
    int s = 0;
    for (int r : restarts) {
      if (i >= r) {
        s++;
      }
    }
    return s;
  }

  NodeBuilder era(Era e) {
    this.era = e;
    return this;
  }

  /** The first process's command line (e.g. an offline {@code zeek -r} run). */
  NodeBuilder commandLine(String c) {
    this.firstCommandLine = c;
    return this;
  }

  /** Marks the node as printing Zeek 5.1+ unnamed table rows. */
  NodeBuilder unnamedRows() {
    this.unnamedRows = true;
    return this;
  }

  NodeBuilder restartAt(int i) {
    restarts.add(i);
    return this;
  }

  NodeBuilder expensiveEvery(int k) {
    expensiveEvery = k;
    return this;
  }

  /** A per-snapshot series. */
  NodeBuilder put(MetricKey key, IntToDoubleFunction f) {
    Series s = new Series(n);
    for (int i = 0; i < n; i++) {
      s.add(time(i), f.applyAsDouble(i), segmentOf(i));
    }
    series.put(key, s);
    return this;
  }

  NodeBuilder put(Metric m, IntToDoubleFunction f) {
    return put(MetricKey.of(m), f);
  }

  /** A series at expensive snapshots only; NaN from f means "no row" (below listing threshold). */
  NodeBuilder putExpensive(MetricKey key, IntToDoubleFunction f) {
    Series s = new Series(n);
    for (int i = 0; i < n; i += expensiveEvery) {
      double v = f.applyAsDouble(i);
      if (!Double.isNaN(v)) {
        s.add(time(i), v, segmentOf(i));
      }
    }
    series.put(key, s);
    if (key.metric() == Metric.GLOBAL_ENTRIES || key.metric() == Metric.GLOBAL_SIZE) {
      globals.add(key.label("name"));
    }
    return this;
  }

  NodeBuilder thread(String thread, IntToDoubleFunction in, IntToDoubleFunction pendingIn,
      IntToDoubleFunction inReads, IntToDoubleFunction out, IntToDoubleFunction pendingOut,
      IntToDoubleFunction outReads) {
    threads.add(thread);
    put(MetricKey.of(Metric.THREAD_IN, "thread", thread), in);
    put(MetricKey.of(Metric.THREAD_PENDING_IN, "thread", thread), pendingIn);
    put(MetricKey.of(Metric.THREAD_IN_READS, "thread", thread), inReads);
    put(MetricKey.of(Metric.THREAD_OUT, "thread", thread), out);
    put(MetricKey.of(Metric.THREAD_PENDING_OUT, "thread", thread), pendingOut);
    put(MetricKey.of(Metric.THREAD_OUT_READS, "thread", thread), outReads);
    return this;
  }

  double noise(double sd) {
    // sum of uniforms: cheap, bounded, roughly normal
    double s = 0;
    for (int k = 0; k < 4; k++) {
      s += rnd.nextDouble() - 0.5;
    }
    return s * sd * Math.sqrt(3);
  }

  NodeSeries build() {
    List<Segment> segs = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    starts.addAll(restarts);
    for (int k = 0; k < starts.size(); k++) {
      int a = starts.get(k);
      int b = k + 1 < starts.size() ? starts.get(k + 1) : n;
      segs.add(new Segment(k, k == 0 ? Segment.Reason.FIRST : Segment.Reason.COMMAND_LINE, time(a), time(b - 1),
          b - a, "prof.log", 1 + a * 20L, k == 0 ? firstCommandLine : "zeek -i eth0"));
    }
    int ne = (n + expensiveEvery - 1) / expensiveEvery;
    long[] exp = new long[ne];
    for (int i = 0, k = 0; i < n; i += expensiveEvery, k++) {
      exp[k] = time(i);
    }
    return new NodeSeries(new NodeId(name), era, List.of("prof.log"), segs, series, n, ne, 0, exp,
        threads, globals, unnamedRows, 0, 0);
  }
}
