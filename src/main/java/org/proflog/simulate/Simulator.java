package org.proflog.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.proflog.analysis.FindingKind;
import org.proflog.model.NodeId.Role;

/**
 * Writes a zeekctl-like spool tree of simulated prof.log files and returns its ground truth.
 *
 * <pre>{@code
 * SimulationSpec spec = SimulationSpec.of(Scenario.TABLE_LEAK, 6, 3 * 3600, "5.0.10", 7);
 * Truth truth = Simulator.write(spec, Path.of("out"));   // out/spool/<node>/prof.log, out/truth.json
 * }</pre>
 *
 * <p>Cluster shape: 1 node is a standalone {@code zeek}; 2–3 nodes are a manager and workers
 * (the manager then writes the logs); 4+ nodes are manager, logger-1, proxy-1 and workers
 * {@code worker-1-1..k}. Output depends only on the spec: no wall clock, fixed seeds, Locale-free
 * number formatting.
 *
 * <p>Restarts: a restarted worker's file holds both processes one after the other (the second
 * starting with its own {@code Command line:} block), as if zeekctl's archived copy and the new
 * file were concatenated. The first process ends with a regular shutdown snapshot.
 */
public final class Simulator {
  private Simulator() {}

  /** The nodes of a cluster of this size, in zeekctl's naming. */
  public static List<String> nodeNames(int nodes) {
    List<String> names = new ArrayList<>();
    for (NodePlan p : layout(nodes)) {
      names.add(p.name());
    }
    return names;
  }

  private static List<NodePlan> layout(int n) {
    List<NodePlan> out = new ArrayList<>();
    if (n == 1) {
      out.add(new NodePlan("zeek", Role.STANDALONE, 0, Map.of(), 1, 0, false));
      return out;
    }
    boolean big = n >= 4;
    int workers = big ? n - 3 : n - 1;
    out.add(new NodePlan("manager", Role.MANAGER, 0, Map.of(), n, workers, big));
    if (big) {
      out.add(new NodePlan("logger-1", Role.LOGGER, 1, Map.of(), n, workers, true));
      out.add(new NodePlan("proxy-1", Role.PROXY, 2, Map.of(), n, workers, true));
    }
    for (int i = 1; i <= workers; i++) {
      out.add(new NodePlan("worker-1-" + i, Role.WORKER, out.size(), Map.of(), n, workers, big));
    }
    return out;
  }

  /** The planned cluster with every fault placed; deterministic in the spec. */
  static Plan plan(SimulationSpec spec) {
    List<NodePlan> nodes = layout(spec.nodes());
    SplittableRandom rng = new SplittableRandom(spec.seed() ^ 0x5EED_CAFEL);
    long start = spec.startEpochSeconds() * 1_000_000L;
    long dur = spec.durationSeconds() * 1_000_000L;
    List<NodePlan> packet = nodes.stream().filter(NodePlan::isPacketNode).toList();
    NodePlan faultWorker = packet.get(rng.nextInt(packet.size()));
    NodePlan logs = nodes.stream().filter(NodePlan::writesLogs).findFirst().orElseThrow();
    NodePlan reader = nodes.stream()
        .filter(p -> p.role() == Role.MANAGER || p.role() == Role.STANDALONE).findFirst().orElseThrow();
    long mid = start + dur / 4 + (long) (rng.nextDouble() * dur / 4);
    Map<String, Map<NodePlan.Kind, Long>> faults = new java.util.HashMap<>();
    List<Fault> truth = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String wName = faultWorker.name();
    switch (spec.scenario()) {
      case TABLE_LEAK -> {
        add(faults, wName, NodePlan.Kind.TABLE_LEAK, start);
        truth.add(new Fault(FindingKind.STATE_GROWTH.id(), wName, GlobalCatalog.LEAK_TABLE, start,
            "table without expiry gains one entry per ~22 new connections; tracks Conns total"));
        truth.add(new Fault(FindingKind.MEMORY_GROWTH.id(), wName, "memory.total", start,
            "peak memory follows the leaking table (~270 bytes per entry)"));
      }
      case DEMO -> {
        NodePlan w = packet.stream().filter(p -> p.name().equals("worker-1-2")).findFirst()
            .orElse(faultWorker);
        add(faults, w.name(), NodePlan.Kind.TABLE_LEAK, start);
        truth.add(new Fault(FindingKind.STATE_GROWTH.id(), w.name(), GlobalCatalog.LEAK_TABLE, start,
            "table without expiry gains one entry per ~22 new connections; tracks Conns total"));
        truth.add(new Fault(FindingKind.MEMORY_GROWTH.id(), w.name(), "memory.total", start,
            "peak memory follows the leaking table (~270 bytes per entry)"));
        addStuck(spec, faults, truth, logs, mid);
      }
      case STUCK_WRITER -> addStuck(spec, faults, truth, logs, mid);
      case SLOW_READER -> {
        add(faults, reader.name(), NodePlan.Kind.SLOW_READER, mid);
        truth.add(new Fault(FindingKind.QUEUE_BACKLOG.id(), reader.name(),
            ThreadCatalog.intelReaderName(spec.version()), mid,
            "input reader delivers ~42 msgs/s, main loop reads ~30/s: pending out rises, never drains"));
      }
      case TIMER_LAG -> {
        add(faults, wName, NodePlan.Kind.TIMER_LAG, mid);
        truth.add(new Fault(FindingKind.TIMER_LAG.id(), wName, "timers.lag", mid,
            "profile timer fires later and later (to ~45 s); timers current grows with the backlog"));
      }
      case RESTART -> {
        long at = start + dur / 3 + (long) (rng.nextDouble() * dur / 3);
        add(faults, wName, NodePlan.Kind.RESTART, at);
        truth.add(new Fault(FindingKind.RESTART.id(), wName, "process", at,
            "worker restarted: a second Command line block, counters reset; one file holds both"));
      }
      case MEMORY_LEAK -> {
        long at = start + Math.min(dur / 5, 45 * 60 * 1_000_000L);
        add(faults, wName, NodePlan.Kind.MEMORY_LEAK, at);
        truth.add(new Fault(FindingKind.MEMORY_GROWTH.id(), wName, "memory.total", at,
            "core leak: new memory peaks at ~52 MB/h while conns, timers and tables stay flat"));
      }
      case HEALTHY -> notes.add("warm-up growth in the first ~20-30 min, then a plateau; "
          + "Weird::weird_ignore hovers around 100 entries and its row comes and goes");
      case SAWTOOTH -> notes.add("bursts every 20-45 min raise connections, heap and writer "
          + "queues, which drain within minutes; the peak memory is set by the first bursts");
      case LOAD_FOLLOWING -> notes.add(GlobalCatalog.FLOW_TABLE + " and memory follow current "
          + "connections, which rise and fall with load: not a leak");
      case EXPIRING_TABLE -> notes.add(GlobalCatalog.EXPIRING_TABLE + " grows on every worker for "
          + "its expiry (" + GlobalCatalog.EXPIRY_SECONDS + " s) and then stays flat: not a leak");
    }
    if (spec.version().atLeast(2, 2) && spec.durationSeconds() > 3600) {
      notes.add(reader.name() + ": Intel::data_store (named rows up to 5.0) grows in steps each hour "
          + "when the Intel file is re-read and the input reader's out counter jumps: it follows its "
          + "data set, not a leak");
    }
    List<NodePlan> planned = new ArrayList<>();
    for (NodePlan p : nodes) {
      Map<NodePlan.Kind, Long> f = faults.getOrDefault(p.name(), Map.of());
      planned.add(new NodePlan(p.name(), p.role(), p.ordinal(), f, p.clusterSize(), p.workers(),
          p.hasLogger()));
    }
    truth.sort(Comparator.comparing(Fault::node).thenComparing(Fault::kind).thenComparing(Fault::subject));
    List<String> names = planned.stream().map(NodePlan::name).sorted().toList();
    Truth t = new Truth(spec.scenario().id(), spec.version().toString(), spec.version().era().code(),
        spec.seed(), spec.intervalSeconds(), spec.expensiveEvery(), start, spec.durationSeconds(),
        names, List.copyOf(truth), List.copyOf(notes));
    return new Plan(planned, t);
  }

  private static void addStuck(SimulationSpec spec, Map<String, Map<NodePlan.Kind, Long>> faults,
      List<Fault> truth, NodePlan logs, long at) {
    add(faults, logs.name(), NodePlan.Kind.STUCK_WRITER, at);
    truth.add(new Fault(FindingKind.QUEUE_BACKLOG.id(), logs.name(),
        ThreadCatalog.writerName(spec.version(), ThreadCatalog.STUCK_STREAM), at,
        "writer thread stops reading its queue while the main thread keeps sending: pending in rises"));
  }

  private static void add(Map<String, Map<NodePlan.Kind, Long>> faults, String node,
      NodePlan.Kind kind, long at) {
    faults.computeIfAbsent(node, k -> new EnumMap<>(NodePlan.Kind.class)).put(kind, at);
  }

  /** The cluster plan and its truth. */
  record Plan(List<NodePlan> nodes, Truth truth) {}

  /** The ground truth the spec produces, without writing anything. */
  public static Truth truth(SimulationSpec spec) {
    return plan(spec).truth();
  }

  /**
   * Writes {@code dir/spool/<node>/prof.log} for every node and {@code dir/truth.json}; returns the
   * truth.
   */
  public static Truth write(SimulationSpec spec, Path dir) throws IOException {
    Plan plan = plan(spec);
    // nodes are independent (each has its own random stream), so writing them in parallel keeps
    // the output byte-identical
    int threads = Math.max(1, Math.min(plan.nodes().size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "proflog-simulate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (NodePlan p : plan.nodes()) {
        jobs.add(pool.submit(() -> {
          Path d = dir.resolve("spool").resolve(p.name());
          Files.createDirectories(d);
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(d.resolve("prof.log")), 1 << 16)) {
            new NodeModel(spec, p).write(out, null);
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing " + dir, e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("truth.json"), json.writeValueAsString(plan.truth()) + "\n");
    return plan.truth();
  }

  /** Streams one node's prof.log to {@code out} (not closed). */
  public static void writeNode(SimulationSpec spec, String node, OutputStream out) throws IOException {
    writeNode(spec, node, out, null);
  }

  /**
   * Streams one node's prof.log to {@code out} (not closed), handing each snapshot's values to
   * {@code observer} (may be null) right after it was formatted.
   */
  public static void writeNode(SimulationSpec spec, String node, OutputStream out,
      Consumer<WrittenSnapshot> observer) throws IOException {
    for (NodePlan p : plan(spec).nodes()) {
      if (p.name().equals(node)) {
        new NodeModel(spec, p).write(out, observer);
        return;
      }
    }
    throw new IllegalArgumentException("no node '" + node + "' in a cluster of " + spec.nodes()
        + " (nodes: " + String.join(", ", nodeNames(spec.nodes())) + ")");
  }
}
