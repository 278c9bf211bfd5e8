package org.proflog.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.proflog.model.NodeId.Role;

/**
 * The state of one simulated Zeek process (or two, when it restarts) evolving snapshot by
 * snapshot: load, connections, memory, timers, threads, Broker counters and script tables. Each
 * snapshot is handed to {@link SnapshotFormatter}; the model never formats text itself.
 *
 * <p>Load is a product of a diurnal wave shared by the cluster, a warm-up ramp after process
 * start, bursts (sawtooth scenario) and small noise. Everything else is derived from it, so the
 * faults stand out against a coherent background.
 */
final class NodeModel {
  private static final long MICROS = 1_000_000L;

  final SimulationSpec spec;
  final NodePlan plan;
  final ZeekVersion v;
  private final SplittableRandom rng;
  private final long endMicros;

  // per node constants
  private final double baseConns;
  private final double baseRssK;
  private final double warmRssK;
  private final double burstPeriod;
  private final double burstPhase;
  private final int tableValTimers;
  final int matchers;
  final int nfaStates;
  final long hiddenEntries;
  final long hiddenSizeK;

  // per process state (reset on restart)
  int process;
  long processStart;
  int calls;
  long firstTotalBytes;
  long peakBytes;
  double connsTotal;
  long connsCurrentA;
  long connsCurrentB;
  long tcp;
  long udp;
  long icmp;
  long tcpMax;
  long udpMax;
  long icmpMax;
  double expired;
  long reassemK;
  final long[][] tcpCells = new long[7][7];
  double user;
  double sys;
  double realSeconds;
  long timersMax;
  final Map<String, Long> timers = new LinkedHashMap<>();
  long timersCurrent;
  long lagCentis;
  long dnsRequests;
  long dnsOk;
  long dnsFailed;
  long triggers;
  long peers;
  long stores;
  double eventsIn;
  double eventsOut;
  double logsIn;
  double logsOut;
  long dfaStates;
  long ncomputed;
  final List<WriterThread> threads = new ArrayList<>();
  final List<GlobalTable> globals = new ArrayList<>();
  long mallocedBytes;
  long totalBytes;
  // snapshot flags
  long ts;
  boolean expensive;
  String kind;
  boolean firstOfProcess;
  private long lastTs;
  private long lastLagMicros;

  NodeModel(SimulationSpec spec, NodePlan plan) {
    this.spec = spec;
    this.plan = plan;
    this.v = spec.version();
    this.rng = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + plan.name().hashCode());
    this.endMicros = (spec.startEpochSeconds() + spec.durationSeconds()) * MICROS;
    this.baseConns = plan.isPacketNode() ? 1800 + rng.nextInt(2400) : 0;
    this.baseRssK = switch (plan.role()) {
      case WORKER, STANDALONE -> 240_000 + rng.nextInt(90_000);
      case LOGGER -> 180_000 + rng.nextInt(40_000);
      default -> 200_000 + rng.nextInt(60_000);
    };
    this.warmRssK = plan.isPacketNode() ? 250_000 + rng.nextInt(150_000) : 30_000 + rng.nextInt(40_000);
    this.burstPeriod = (20 + rng.nextInt(25)) * 60.0;
    this.burstPhase = rng.nextDouble() * burstPeriod;
    this.tableValTimers = 21 + rng.nextInt(12);
    this.matchers = 11 + rng.nextInt(30);
    this.nfaStates = 1200 + rng.nextInt(16000);
    this.hiddenEntries = 300 + rng.nextInt(300);
    this.hiddenSizeK = 30_000 + rng.nextInt(20_000);
  }

  /** Writes the node's whole prof.log. */
  void write(OutputStream out, Consumer<WrittenSnapshot> observer) throws IOException {
    ByteSink sink = new ByteSink();
    SnapshotFormatter fmt = new SnapshotFormatter(v, spec.companion());
    long start = spec.startEpochSeconds() * MICROS + startOffset();
    List<long[]> runs = new ArrayList<>();
    if (plan.has(NodePlan.Kind.RESTART)) {
      long at = plan.start(NodePlan.Kind.RESTART);
      runs.add(new long[] {start, at - (3 + rng.nextInt(8)) * MICROS});
      runs.add(new long[] {at, endMicros});
    } else {
      runs.add(new long[] {start, endMicros});
    }
    for (int p = 0; p < runs.size(); p++) {
      long pStart = runs.get(p)[0];
      long pEnd = runs.get(p)[1];
      startProcess(p, pStart);
      // a: startup snapshot, before the main loop
      snapshot(plan.isPacketNode() ? 0 : pStart, "startup", pStart);
      emit(fmt, sink, out, observer);
      // b: the profile timer, first at the first packet (workers) or first idle loop
      long t = pStart + (plan.isPacketNode() ? (2 + rng.nextInt(4)) * MICROS + rng.nextInt(1_000_000)
          : 10_000 + rng.nextInt(200_000));
      boolean first = true;
      long lastTimer = t;
      while (t < pEnd) {
        snapshot(t, first ? "first" : "timer", pStart);
        emit(fmt, sink, out, observer);
        first = false;
        lastTimer = t;
        long lag = nextLagMicros(t);
        t = t + spec.intervalSeconds() * MICROS + lag;
        lastLagMicros = lag;
      }
      // d: shutdown snapshot
      long shut = lastTimer + 200_000 + rng.nextLong(spec.intervalSeconds() * MICROS);
      snapshot(shut, "shutdown", pStart);
      emit(fmt, sink, out, observer);
    }
    sink.writeTo(out);
  }

  private void emit(SnapshotFormatter fmt, ByteSink sink, OutputStream out,
      Consumer<WrittenSnapshot> observer) throws IOException {
    fmt.format(this, sink);
    if (sink.length() > (1 << 20)) {
      sink.writeTo(out);
      sink.clear();
    }
    if (observer != null) {
      observer.accept(record());
    }
  }

  private WrittenSnapshot record() {
    Map<String, Long> g = new TreeMap<>();
    for (GlobalTable t : globals) {
      if (t.table) {
        g.put(t.name, t.entries);
      }
    }
    Map<String, long[]> th = new LinkedHashMap<>();
    for (WriterThread w : threads) {
      th.put(w.name, new long[] {w.inW, w.inR, w.outW, w.outR});
    }
    return new WrittenSnapshot(plan.name(), process, ts, kind.equals("first") ? "timer" : kind,
        expensive, totalK(), mallocedK(), (long) connsTotal, connsCurrentB, timersCurrent,
        lagCentis, g, th);
  }

  /** zeekctl starts the logger first, then the manager, proxies, workers. */
  private long startOffset() {
    long base = switch (plan.role()) {
      case LOGGER -> 0;
      case MANAGER -> 1_200_000;
      case PROXY -> 2_300_000;
      default -> 3_100_000;
    };
    return base + plan.ordinal() * 37_000L + rng.nextInt(90_000);
  }

  private void startProcess(int p, long pStart) {
    process = p;
    processStart = pStart;
    calls = 0;
    firstTotalBytes = 0;
    peakBytes = 0;
    connsTotal = 0;
    connsCurrentA = connsCurrentB = tcp = udp = icmp = tcpMax = udpMax = icmpMax = 0;
    expired = 0;
    reassemK = 0;
    user = sys = realSeconds = 0;
    timersMax = 0;
    dnsRequests = dnsOk = dnsFailed = triggers = 0;
    eventsIn = eventsOut = logsIn = logsOut = 0;
    dfaStates = matchers;
    ncomputed = 0;
    lastTs = pStart;
    lastLagMicros = 0;
    for (long[] row : tcpCells) {
      java.util.Arrays.fill(row, 0);
    }
    threads.clear();
    ThreadCatalog.install(this, threads);
    globals.clear();
    GlobalCatalog.install(this, globals);
    stores = v.atLeast(6, 0) ? 1 : 0;
  }

  // ---- load model ----------------------------------------------------------------------

  /** Cluster-wide diurnal load factor around 1. */
  double diurnal(long t) {
    double sec = (t / (double) MICROS) % 86_400.0;
    double amp = spec.scenario() == Scenario.LOAD_FOLLOWING ? 0.55 : 0.25;
    double period = spec.scenario() == Scenario.LOAD_FOLLOWING
        ? Math.max(7200.0, Math.min(86_400.0, spec.durationSeconds() / 1.5)) : 86_400.0;
    double x = spec.scenario() == Scenario.LOAD_FOLLOWING
        ? (t / (double) MICROS - spec.startEpochSeconds()) / period : sec / 86_400.0;
    return 1.0 + amp * Math.sin(2 * Math.PI * x - (spec.scenario() == Scenario.LOAD_FOLLOWING ? Math.PI / 2 : 0.0));
  }

  /** 0 → 1 after process start (connections, caches fill). */
  double warm(long t, double tau) {
    double e = Math.max(0, (t - processStart) / (double) MICROS);
    return 1.0 - Math.exp(-e / tau);
  }

  /** Sawtooth bursts: rises in a minute, drains with a 3-minute time constant. */
  double burst(long t) {
    if (spec.scenario() != Scenario.SAWTOOTH) {
      return 0;
    }
    double e = (t / (double) MICROS + burstPhase) % burstPeriod;
    if (e < 60) {
      return e / 60.0;
    }
    return Math.exp(-(e - 60) / 180.0);
  }

  double noise(double rel) {
    return 1.0 + rel * (rng.nextDouble() * 2 - 1);
  }

  private long nextLagMicros(long t) {
    if (t >= plan.start(NodePlan.Kind.TIMER_LAG)) {
      double hours = (t - plan.start(NodePlan.Kind.TIMER_LAG)) / 3.6e9;
      double total = Math.max(1.0, (endMicros - plan.start(NodePlan.Kind.TIMER_LAG)) / 3.6e9);
      double lagS = 0.2 + 45.0 * hours / total;
      return Math.round(lagS * noise(0.15) * MICROS);
    }
    if (plan.isPacketNode()) {
      double x = -Math.log(1 - rng.nextDouble()) * 0.03;
      return Math.round(Math.min(x, 0.9) * MICROS);
    }
    return rng.nextInt(8_000);
  }

  // ---- one snapshot --------------------------------------------------------------------

  private void snapshot(long at, String k, long pStart) {
    calls++;
    kind = k;
    ts = at;
    firstOfProcess = calls == 1;
    expensive = calls % spec.expensiveEvery() == 0;
    long t = at == 0 ? pStart : at;
    double dt = Math.max(0, (t - lastTs) / (double) MICROS);
    lastTs = Math.max(lastTs, t);
    boolean startup = k.equals("startup");

    double load = diurnal(t) * noise(0.03);
    double b = burst(t);
    // connections
    if (plan.isPacketNode() && !startup) {
      double target = baseConns * load * warm(t, 150) * (1 + 1.4 * b);
      double lagS = lastLagMicros / (double) MICROS;
      if (plan.has(NodePlan.Kind.TIMER_LAG) && t >= plan.start(NodePlan.Kind.TIMER_LAG)) {
        target *= 1 + Math.min(3.0, lagS / 15.0);
      }
      double rate = baseConns * load * (1 + 1.4 * b) / 11.0;
      connsTotal += rate * dt * warm(t, 60);
      expired += rate * dt * 0.36 * warm(t, 60);
      long cur = Math.max(0, Math.min(Math.round(target), (long) connsTotal));
      tcp = Math.round(cur * 0.68);
      icmp = Math.round(cur * 0.012);
      udp = cur - tcp - icmp;
      connsCurrentB = tcp + udp + icmp;
      connsCurrentA = connsCurrentB + (connsCurrentB > 0 ? rng.nextInt(5) : 0);
      tcpMax = Math.max(tcpMax, tcp);
      udpMax = Math.max(udpMax, udp);
      icmpMax = Math.max(icmpMax, icmp);
      reassemK = Math.round(connsCurrentB * 0.45 * noise(0.3));
      fillTcpCells();
      dfaStates = Math.min(dfaStates + Math.round(dt * 0.05 * rng.nextDouble() * 10), matchers * 30L);
      ncomputed += Math.round(dt * 2.5 * load);
    } else if (!plan.isPacketNode() && !startup) {
      ncomputed += rng.nextInt(2);
    }
    // cpu and wall clock
    if (!startup) {
      double cpu = switch (plan.role()) {
        case WORKER, STANDALONE -> 0.35 + 0.45 * load * (1 + b) / 2;
        case LOGGER -> 0.25 + 0.6 * load;
        case MANAGER -> 0.08 + 0.05 * load;
        default -> 0.04;
      };
      if (t >= plan.start(NodePlan.Kind.TIMER_LAG)) {
        cpu = 0.99;
      }
      cpu = Math.min(cpu * noise(0.08), plan.role() == Role.LOGGER ? 2.5 : 1.0);
      user += dt * cpu * 0.88;
      sys += dt * cpu * 0.12;
      realSeconds = (t - pStart) / (double) MICROS + (plan.isPacketNode() ? 0.4 : 0.0);
    }
    timers(t, k);
    dnsAndTriggers(dt);
    comm(dt, load, b, k);
    ThreadCatalog.advance(this, threads, t, dt, load, b, rng);
    GlobalCatalog.advance(this, globals, t, load, b, rng);
    memory(t, startup, load, b); // after the tables moved: a leaking table costs memory
  }

  private void memory(long t, boolean startup, double load, double b) {
    double rssK = baseRssK + warmRssK * (startup ? 0 : warm(t, 420)) * (0.85 + 0.15 * load)
        + connsCurrentB * 1.1 + 900 * b * (plan.isPacketNode() ? baseConns / 1000 : 1);
    for (GlobalTable g : globals) {
      if (g.name.startsWith("MyPkg::")) {
        rssK += g.sizeBytes / 1024.0 * 2.5; // allocator overhead beyond the estimate
      }
    }
    if (t >= plan.start(NodePlan.Kind.MEMORY_LEAK)) {
      rssK += (t - plan.start(NodePlan.Kind.MEMORY_LEAK)) / 3.6e9 * 52_000;
    }
    if (t >= plan.start(NodePlan.Kind.SLOW_READER)) {
      for (WriterThread w : threads) {
        rssK += (w.outW - w.outR) * 0.25;
      }
    }
    rssK *= startup ? 1.0 : noise(0.004);
    long bytes = Math.round(rssK) * 1024L;
    if (v.peakRss()) {
      peakBytes = Math.max(peakBytes, bytes);
      totalBytes = peakBytes;
    } else {
      totalBytes = bytes; // 2.0-2.3: heap arena, shrinks with the heap
    }
    if (firstTotalBytes == 0) {
      firstTotalBytes = totalBytes;
    }
    double heap = (rssK - baseRssK * 0.45) * (0.92 + 0.06 * rng.nextDouble());
    mallocedBytes = Math.max(1024, Math.round(heap) * 1024L);
  }

  long totalK() {
    if (v.thirtyTwoBit()) {
      return (totalBytes & 0xFFFF_FFFFL) / 1024;
    }
    return totalBytes / 1024;
  }

  long totalAdjK() {
    long first = firstTotalBytes & 0xFFFF_FFFFL;
    long cur = v.thirtyTwoBit() ? totalBytes & 0xFFFF_FFFFL : totalBytes;
    long diff = cur - first;
    if (v.thirtyTwoBit()) {
      return (diff & 0xFFFF_FFFFL) / 1024;
    }
    return Long.divideUnsigned(diff, 1024);
  }

  /** As printed: 0 on 5.2+, int-wrapped before 4.1, 32-bit before 2.5; unsigned. */
  long mallocedK() {
    if (v.zeroMalloced()) {
      return 0;
    }
    long m = mallocedBytes;
    if (v.thirtyTwoBit()) {
      return (m & 0xFFFF_FFFFL) / 1024;
    }
    if (v.before(4, 1)) {
      long asInt = (int) m; // mallinfo's int field, widened to size_t
      return Long.divideUnsigned(asInt, 1024);
    }
    return m / 1024;
  }

  private static final int[][] CELLS = {
    // row, col, weight per mille
    {0, 3, 19}, {1, 0, 300}, {1, 6, 8}, {2, 0, 1}, {3, 3, 130}, {3, 4, 6},
    {4, 5, 31}, {4, 6, 4}, {5, 4, 20}, {5, 5, 5}, {5, 6, 1}, {6, 4, 9},
  };

  private void fillTcpCells() {
    for (long[] row : tcpCells) {
      java.util.Arrays.fill(row, 0);
    }
    long rest = tcp;
    for (int[] c : CELLS) {
      long n = Math.min(rest, Math.round(tcp * c[2] / 1000.0 * noise(0.15)));
      tcpCells[c[0]][c[1]] = n;
      rest -= n;
    }
    tcpCells[4][4] = rest; // Est./Est. takes the remainder so the table sums to tcp
  }

  private void timers(long t, String k) {
    timers.clear();
    boolean packets = plan.isPacketNode() && !k.equals("startup");
    if (packets) {
      long inact = udp + icmp + Math.round(tcp * 0.55);
      long backlog = 0;
      if (t >= plan.start(NodePlan.Kind.TIMER_LAG)) {
        backlog = Math.round(lastLagMicros / (double) MICROS * baseConns / 11.0 * 0.8);
      }
      put("ConnectionDeleteTimer", Math.round(connsCurrentB * 0.02 * noise(0.2)));
      put("ConnectionInactivityTimer", inact + backlog);
      put("DNSExpireTimer", rng.nextInt(8));
      if (v.atLeast(2, 2)) {
        put("FileAnalysisInactivityTimer", Math.round(connsCurrentB * 0.012 * noise(0.3)));
      }
      put("FragTimer", rng.nextInt(3));
      put("NetworkTimer", 1);
    }
    if (!plan.isPacketNode()) {
      put("DNSExpireTimer", plan.role() == Role.MANAGER ? 1 + rng.nextInt(3) : 0);
    }
    if (k.equals("startup") || k.equals("shutdown")) {
      put("ProfileTimer", 1);
    }
    put("ScheduleTimer", (plan.isPacketNode() ? 20 : 18) + rng.nextInt(12));
    put("TableValTimer", tableValTimers);
    if (packets) {
      long syn = 0;
      for (long c : tcpCells[1]) {
        syn += c;
      }
      put("TCPConnectionAttemptTimer", syn + tcpCells[0][3]);
      put("TCPConnectionExpireTimer", Math.round(tcp * 0.02 * noise(0.2)));
      put("TCPConnectionPartialClose", Math.round(tcp * 0.006 * noise(0.3)));
      put("TCPConnectionResetTimer", Math.round(tcp * 0.009 * noise(0.3)));
    }
    if (plan.role() == Role.MANAGER) {
      put("TriggerTimer", rng.nextInt(3));
    }
    if (v.atLeast(3, 1)) {
      put("ThreadHeartbeat", 1);
    }
    if (v.atLeast(4, 0) && plan.isPacketNode() && !k.equals("startup")) {
      put("UnknownProtocolExpire", 1);
    }
    if (v.atLeast(7, 1) && plan.writesLogs()) {
      put("LogFlushWriteBufferTimer", 1);
    }
    long sum = 0;
    for (long n : timers.values()) {
      sum += n;
    }
    timersCurrent = sum;
    timersMax = Math.max(timersMax, sum + (k.equals("startup") ? 0 : rng.nextInt(40)));
    // lag as printed
    if (k.equals("startup") || k.equals("shutdown")) {
      lagCentis = Math.round(ts / 10_000.0);
    } else if (k.equals("first")) {
      lagCentis = Math.round((ts - MICROS) / 10_000.0);
    } else {
      lagCentis = Math.round(lastLagMicros / 10_000.0);
    }
  }

  private void put(String name, long n) {
    if (n > 0) {
      timers.merge(name, n, Long::sum);
    }
  }

  private void dnsAndTriggers(double dt) {
    if (plan.role() == Role.MANAGER && dt > 0) {
      if (rng.nextDouble() < dt / 600) {
        dnsRequests++;
        if (rng.nextInt(10) == 0) {
          dnsFailed++;
        } else {
          dnsOk++;
        }
        triggers++;
      }
    } else if (plan.isPacketNode() && triggers == 0 && dt > 0) {
      triggers = 2;
    }
  }

  private void comm(double dt, double load, double b, String k) {
    boolean broker = !(v.atLeast(8, 1) && plan.role() != Role.STANDALONE);
    int others = plan.clusterSize() - 1;
    int nonWorkers = plan.clusterSize() - plan.workers();
    peers = switch (plan.role()) {
      case STANDALONE -> 0;
      case WORKER -> nonWorkers;
      default -> others;
    };
    if (!broker || k.equals("startup")) {
      peers = 0;
    }
    if (k.equals("shutdown") && peers > 0 && !plan.isPacketNode()) {
      peers = Math.max(0, peers - 1 - rng.nextInt((int) peers)); // peers leave as the cluster stops
    }
    if (!broker || dt <= 0) {
      return;
    }
    int w = plan.workers();
    switch (plan.role()) {
      case WORKER -> {
        eventsIn += dt * 0.6 * noise(0.2);
        eventsOut += dt * (2.0 + load) * noise(0.2);
        logsOut += dt * baseConns * load * (1 + 1.4 * b) / 11.0 * 2.6 * noise(0.05);
      }
      case MANAGER -> {
        eventsIn += dt * w * (2.0 + load) * 0.9 * noise(0.1);
        eventsOut += dt * w * 0.5 * noise(0.1);
        logsOut += dt * 0.02;
        if (!plan.hasLogger()) {
          logsIn += dt * w * 3000 * load / 11.0 * 2.6 * noise(0.05);
        }
      }
      case LOGGER -> logsIn += dt * w * 3000 * load * (1 + 1.4 * b) / 11.0 * 2.6 * noise(0.05);
      case PROXY -> {
        eventsIn += dt * w * 0.3 * noise(0.1);
        eventsOut += dt * w * 0.1 * noise(0.1);
      }
      default -> { }
    }
  }
}
