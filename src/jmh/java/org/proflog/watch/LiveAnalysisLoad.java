package org.proflog.watch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.proflog.analysis.AnalysisContext;
import org.proflog.analysis.AnalysisInput;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.StatsMemo;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * The analysis work of {@code proflog watch} in one process, without files, threads or output: the
 * nodes of a simulated 6.2.1 cluster (demo scenario, one snapshot a second) are built from an hour
 * of history into series of the watcher's point limit, then each live snapshot is added, the node
 * rebuilt and analysed with its memo (unless the snapshot changed nothing an analysis sees), as the watcher does. Prints the mean CPU time and allocation
 * of one node's build and analysis per snapshot (this thread only, so the JIT and GC threads are not
 * counted) and how many statistics were computed rather than reused, for rounds of live snapshots
 * (the first rounds include compilation).
 *
 * <pre>
 * java -cp target/benchmarks.jar org.proflog.watch.LiveAnalysisLoad [nodes] [historySeconds] [liveSeconds] [rounds]
 * </pre>
 */
public final class LiveAnalysisLoad {
  private LiveAnalysisLoad() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int history = args.length > 1 ? Integer.parseInt(args[1]) : 3600;
    int live = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    SimulationSpec spec = SimulationSpec.of(Scenario.DEMO, nodes, history + live + 60, "6.2.1", 7).withInterval(1);
    List<String> names = Simulator.nodeNames(nodes);
    List<List<Snapshot>> snaps = new ArrayList<>();
    List<Era> eras = new ArrayList<>();
    for (String name : names) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      Simulator.writeNode(spec, name, out);
      List<Snapshot> s = new ArrayList<>();
      try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(out.toByteArray()), name, ParseOptions.defaults())) {
        r.forEachRemaining(s::add);
        eras.add(r.era());
      }
      snaps.add(s);
    }
    Analyzer analyzer = new Analyzer(AnalysisOptions.defaults());
    AnalysisContext ctx = AnalysisContext.of(analyzer.options(), List.of());
    System.out.printf(Locale.ROOT, "%d nodes, %d s of history, %d live snapshots per round%n", nodes, history, live);
    for (int round = 0; round < rounds; round++) {
      List<SeriesBuilder> builders = new ArrayList<>();
      List<StatsMemo> memos = new ArrayList<>();
      List<AnalysisInput> inputs = new ArrayList<>();
      for (int k = 0; k < nodes; k++) {
        SeriesBuilder b = new SeriesBuilder(new NodeId(names.get(k)), Watcher.DEFAULT_MAX_POINTS);
        b.startFile(names.get(k));
        List<Snapshot> s = snaps.get(k);
        for (int i = 0; i < history && i < s.size(); i++) {
          b.accept(s.get(i));
        }
        StatsMemo m = new StatsMemo();
        NodeSeries built = b.build(eras.get(k), 0, 0);
        analyzer.analyzeNode(built, ctx, m);
        builders.add(b);
        memos.add(m);
        inputs.add(AnalysisInput.of(built, b.wholeChanges()));
      }
      long findings = 0;
      long skipped = 0;
      com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      long a0 = mx.getThreadAllocatedBytes(id);
      long c0 = mx.getCurrentThreadCpuTime();
      long[] cpuBy = new long[3];
      long[] countBy = new long[3];
      int[] lastSize = new int[nodes];
      for (int i = history; i < history + live; i++) {
        for (int k = 0; k < nodes; k++) {
          List<Snapshot> s = snaps.get(k);
          if (i >= s.size()) {
            continue;
          }
          long before = mx.getCurrentThreadCpuTime();
          builders.get(k).accept(s.get(i));
          NodeSeries ns = builders.get(k).build(eras.get(k), 0, 0);
          AnalysisInput in = AnalysisInput.of(ns, builders.get(k).wholeChanges());
          if (in.sameAs(inputs.get(k))) {
            skipped++; // as the watcher does: the same data, the same findings
          } else {
            findings += analyzer.analyzeNode(ns, ctx, memos.get(k)).size();
            inputs.set(k, in);
          }
          org.proflog.series.Series mem = ns.get(org.proflog.series.Metric.MEMORY_TOTAL);
          int size = mem == null ? 0 : mem.size();
          int kind = s.get(i).expensive() ? 1 : size != lastSize[k] ? 2 : 0;
          lastSize[k] = size;
          cpuBy[kind] += mx.getCurrentThreadCpuTime() - before;
          countBy[kind]++;
        }
      }
      long ns = mx.getCurrentThreadCpuTime() - c0;
      long bytes = mx.getThreadAllocatedBytes(id) - a0;
      long misses = 0;
      long hits = 0;
      for (StatsMemo m : memos) {
        misses += m.misses();
        hits += m.hits();
      }
      System.out.printf(Locale.ROOT, "round %d: %6.1f µs of CPU and %5.1f KB allocated per node and snapshot, "
          + "%5.2f statistics computed and %5.1f reused per snapshot, %d findings, %.0f %% of analyses skipped%n",
          round, ns / 1e3 / nodes / live, bytes / 1e3 / nodes / live, (double) misses / nodes / (live + 1),
          (double) hits / nodes / (live + 1), findings, 100.0 * skipped / nodes / live);
      System.out.printf(Locale.ROOT, "         snapshots folded into the last points %6.1f µs each (%d), appending a point %6.1f µs (%d), "
          + "expensive %7.1f µs (%d)%n", cpuBy[0] / 1e3 / Math.max(1, countBy[0]), countBy[0],
          cpuBy[2] / 1e3 / Math.max(1, countBy[2]), countBy[2], cpuBy[1] / 1e3 / Math.max(1, countBy[1]), countBy[1]);
    }
  }
}
