package org.proflog.watch;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
import org.proflog.model.NodeId;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * The load test of {@code proflog watch}: a simulated cluster written in real time, one snapshot per
 * node per second, followed by a separate {@code proflog watch} process (the shipped jar, with the JVM
 * options and environment of the {@code ./proflog} launcher).
 * Prints the CPU share of one core and the memory of the watch process over the live phase, and the
 * delay from the moment a snapshot became readable to the moment the finding it completed was
 * printed.
 *
 * <p>The delay of a finding is measured against its <em>deciding snapshot</em>: the first snapshot k
 * at which an offline analysis of the node's first k snapshots reports it, of the run of such
 * prefixes that ends when it was printed (walking back from the last snapshot readable then; a
 * finding that clears and comes back is measured from its return). A
 * snapshot is readable when the next one starts, because the Comm line of Zeek 2.6+ ends without a
 * newline. Cluster-level findings (which compare nodes) are left out of the delay.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.proflog.watch.WatchLoad JAR DIR [nodes] [historySeconds] [liveSeconds] [warmSeconds]
 * </pre>
 */
public final class WatchLoad {
  private static final Pattern EVENT =
      Pattern.compile("\"event\":\"(new|changed|cleared)\".*?\"id\":\"([^\"]+)\"");

  private WatchLoad() {}

  /** One node: its file, the bytes still to append (snapshot by snapshot), and its whole text. */
  private record Node(String name, Path file, byte[] all, int[] starts, int historySnapshots) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    long history = args.length > 3 ? Long.parseLong(args[3]) : 3600;
    long liveSeconds = args.length > 4 ? Long.parseLong(args[4]) : 120;
    // live seconds before the measurement starts: code still being compiled is measured too
    long warmSeconds = args.length > 5 ? Long.parseLong(args[5]) : 20;

    SimulationSpec spec = SimulationSpec.of(Scenario.DEMO, nodes, (history + liveSeconds + warmSeconds) * 11 / 10 + 120, "6.2.1", 7)
        .withInterval(1);
    List<Node> all = new ArrayList<>();
    Path spool = dir.resolve("spool");
    for (String name : Simulator.nodeNames(nodes)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      Simulator.writeNode(spec, name, out);
      byte[] b = out.toByteArray();
      int[] starts = snapshotStarts(b);
      int h = (int) Math.min(history, starts.length - 2 - liveSeconds - warmSeconds);
      if (h < 2) {
        throw new IllegalStateException(name + ": the simulation is too short for the live phase");
      }
      Path f = spool.resolve(name).resolve("prof.log");
      Files.createDirectories(f.getParent());
      // history: every snapshot before h complete, plus the start of snapshot h (Zeek's glued separator)
      Files.write(f, Arrays.copyOf(b, starts[h]));
      all.add(new Node(name, f, b, starts, h));
    }
    long historyBytes = 0;
    for (Node n : all) {
      historyBytes += n.starts[n.historySnapshots];
    }
    System.out.printf(Locale.ROOT, "cluster          %d nodes (Zeek 6.2.1, demo scenario), %d s of history "
        + "(%.0f MB), then %d s live at one snapshot per node per second%n",
        nodes, history, historyBytes / 1e6, liveSeconds + warmSeconds);

    int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
    Path gcLog = dir.resolve("watch-gc.log");
    // the JVM options the ./proflog launcher next to target/ runs the jar with (or PROFLOG_JAVA_OPTS)
    List<String> jvm = launcherJavaOptions(jar);
    System.out.printf(Locale.ROOT, "watch JVM        %s %s (as ./proflog runs it)%n", String.join(" ", jvm), String.join(" ", launcherClassArchive(jar)));
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(jvm);
    cmd.addAll(launcherClassArchive(jar));
    cmd.add("-Xlog:gc:file=" + gcLog);
    String extra = System.getenv("WATCH_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-jar", jar.toString(), "watch", "--format", "ndjson", "--interval", "1s",
        "--serve", "127.0.0.1:" + port, spool.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("watch.err").toFile());
    launcherEnvironment(jar).forEach((k, v) -> pb.environment().putIfAbsent(k, v));
    Process p = pb.start();
    ConcurrentLinkedQueue<long[]> printedAt = new ConcurrentLinkedQueue<>();
    List<String> printed = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          long now = System.nanoTime();
          synchronized (printed) {
            printed.add(line);
            printedAt.add(new long[] {printed.size() - 1, now});
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();

    // wait until the history is read (the watcher counts the snapshots it moved into series)
    long expected = 0;
    for (Node n : all) {
      expected += n.historySnapshots - 1; // the last one is complete only when the next starts
    }
    long loadStart = System.nanoTime();
    HttpClient http = HttpClient.newHttpClient();
    while (snapshotsRead(http, port) < expected) {
      if (!p.isAlive()) {
        throw new IllegalStateException("watch exited: see " + dir.resolve("watch.err"));
      }
      Thread.sleep(200);
    }
    System.out.printf(Locale.ROOT, "initial load     %.1f s (history parsed, analysed, first events printed)%n",
        (System.nanoTime() - loadStart) / 1e9);

    // live: every second, the next snapshot of every node (completing the one before)
    long[] readableAt = new long[(int) (liveSeconds + warmSeconds) + 2];
    long t0 = System.nanoTime();
    long cpuStart = 0;
    long liveRssKiB = 0;
    long wallStart = 0;
    for (int sec = 0; sec < liveSeconds + warmSeconds; sec++) {
      long due = t0 + sec * 1_000_000_000L;
      long sleep = due - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
      if (sec == warmSeconds) {
        cpuStart = cpuTicks(p.pid());
        wallStart = System.nanoTime();
      }
      for (Node n : all) {
        int k = n.historySnapshots + sec;
        try (OutputStream o = Files.newOutputStream(n.file, StandardOpenOption.APPEND)) {
          o.write(n.all, n.starts[k], n.starts[k + 1] - n.starts[k]);
        }
      }
      // snapshot historySnapshots + sec - 1 became complete now, on every node
      readableAt[sec] = System.nanoTime();
      if (sec >= warmSeconds) {
        liveRssKiB = Math.max(liveRssKiB, rssKiB(p.pid()));
      }
    }
    long cpuEnd = cpuTicks(p.pid());
    long wallEnd = System.nanoTime();
    String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
    String liveHeap = liveHeapMiB(p.pid());
    Thread.sleep(2000);
    p.destroy();
    p.waitFor();

    double cpuSeconds = (cpuEnd - cpuStart) / 100.0; // USER_HZ
    double wall = (wallEnd - wallStart) / 1e9;
    System.out.printf(Locale.ROOT, "watch CPU        %.2f s over %.0f s of live following = %.1f %% of one core "
        + "(user+sys, all JVM threads, from /proc)%n", cpuSeconds, wall, 100 * cpuSeconds / wall);
    System.out.printf(Locale.ROOT, "watch memory     max RSS %s; heap: %s MiB live after a full GC at the end, "
        + "%s MiB at most before a collection (GC log)%n", field(status, "VmHWM"), liveHeap, peakHeap(gcLog));
    System.out.printf(Locale.ROOT, "watch RSS live   at most %d MiB over the measured seconds (sampled once a second; "
        + "max RSS above is over the whole run, start-up included)%n", liveRssKiB / 1024);

    // delays of the findings that appeared during the live phase
    Map<String, Node> byName = new TreeMap<>();
    for (Node n : all) {
      byName.put(n.name, n);
    }
    List<Double> delays = new ArrayList<>();
    List<String> lines;
    List<long[]> times;
    synchronized (printed) {
      lines = List.copyOf(printed);
      times = List.copyOf(printedAt);
    }
    Files.write(dir.resolve("events.ndjson"), lines);
    int events = 0;
    for (long[] t : times) {
      if (t[1] < readableAt[0]) {
        continue;
      }
      events++;
      Matcher m = EVENT.matcher(lines.get((int) t[0]));
      if (!m.find() || !m.group(1).equals("new")) {
        continue;
      }
      String id = m.group(2);
      String[] parts = id.split(":", 3);
      Node n = byName.get(parts[1]);
      if (n == null || parts[0].equals("cluster-outlier")) {
        continue;
      }
      int k = decidingSnapshot(n, id, n.historySnapshots - 1, lastReadable(n, readableAt, t[1]));
      if (k < 0) {
        System.out.printf(Locale.ROOT, "  %s: printed, but no prefix of %s's data readable then gives it offline%n",
            id, n.name);
        continue;
      }
      int sec = k - n.historySnapshots + 1; // snapshot k became readable at second sec
      if (sec < 0 || sec >= readableAt.length || readableAt[sec] == 0) {
        continue;
      }
      double d = (t[1] - readableAt[sec]) / 1e9;
      delays.add(d);
      System.out.printf(Locale.ROOT, "  %-60s deciding snapshot %d, printed %.2f s after it was readable%n",
          id, k, d);
    }
    System.out.printf(Locale.ROOT, "events           %d printed during the live phase%n", events);
    if (delays.isEmpty()) {
      System.out.println("delay            no per-node finding appeared during the live phase");
    } else {
      double[] d = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "delay            %d findings: median %.2f s, max %.2f s (snapshot readable -> "
          + "finding printed)%n", d.length, d[d.length / 2], d[d.length - 1]);
    }
  }

  /**
   * The JVM options of the launcher script {@code proflog} in the directory above the jar's (the
   * repository root for {@code target/proflog.jar}) for {@code proflog watch}: {@code
   * PROFLOG_JAVA_OPTS} when set, else the script's {@code watch_opts}, so that the load test
   * measures the watcher as users run it.
   */
  static List<String> launcherJavaOptions(Path jar) throws IOException {
    String set = System.getenv("PROFLOG_JAVA_OPTS");
    if (set != null) {
      return List.of(set.trim().split("\\s+"));
    }
    Matcher m = Pattern.compile("(?m)^\\s*watch_opts=\"([^\"]*)\"").matcher(launcher(jar));
    if (!m.find()) {
      throw new IllegalStateException("no watch_opts in " + launcherPath(jar));
    }
    return List.of(m.group(1).trim().split("\\s+"));
  }

  /**
   * The launcher's class archive options: {@code proflog.jsa} beside the jar, which the launcher
   * makes on its first run after a build and maps in every run (unless {@code PROFLOG_CDS=0}).
   */
  static List<String> launcherClassArchive(Path jar) {
    Path jsa = jar.resolveSibling("proflog.jsa");
    if ("0".equals(System.getenv("PROFLOG_CDS")) || !Files.isRegularFile(jsa)) {
      return List.of();
    }
    return List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds*=off");
  }

  /** The environment defaults the launcher exports ({@code export NAME="${NAME:-value}"}). */
  static Map<String, String> launcherEnvironment(Path jar) throws IOException {
    Map<String, String> env = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*export (\\w+)=\"\\$\\{\\1:-([^}]*)}\"").matcher(launcher(jar));
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }
    return env;
  }

  private static Path launcherPath(Path jar) {
    return jar.toAbsolutePath().getParent().getParent().resolve("proflog");
  }

  private static String launcher(Path jar) throws IOException {
    return Files.readString(launcherPath(jar));
  }

  /** Byte offsets where each snapshot's separator line starts (its timestamp), and the end. */
  static int[] snapshotStarts(byte[] b) {
    byte[] sep = " ------------------------".getBytes(StandardCharsets.ISO_8859_1);
    List<Integer> starts = new ArrayList<>();
    boolean commandBlock = false;
    for (int i = 0; i + sep.length <= b.length; i++) {
      if (b[i] == ' ' && b[i + 1] == '-' && Arrays.equals(b, i, i + sep.length, sep, 0, sep.length)
          && (i + sep.length == b.length || b[i + sep.length] == '\n')) {
        int s = i;
        while (s > 0 && b[s - 1] != '\n' && b[s - 1] != ' ') {
          s--;
        }
        if (!commandBlock) {
          starts.add(s);
        }
        // the separator after "Command line:" closes that block and starts nothing
        int next = i + sep.length + 1;
        commandBlock = next + 40 < b.length && new String(b, next, 40, StandardCharsets.ISO_8859_1).contains("Command line:");
      }
    }
    starts.add(b.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The last snapshot of the node that was readable at {@code nanos} (0-based). */
  private static int lastReadable(Node n, long[] readableAt, long nanos) {
    int sec = 0;
    while (sec + 1 < readableAt.length && readableAt[sec + 1] != 0 && readableAt[sec + 1] <= nanos) {
      sec++;
    }
    return n.historySnapshots - 1 + sec;
  }

  /**
   * The snapshot that decided a finding printed when snapshot {@code hi} was the last readable: the
   * first k of the latest run of prefixes ending at or shortly before {@code hi} that report it (a
   * finding can come, clear and come back while followed, so the prefixes that report it need not
   * be all those after one k), at least {@code lo}; -1 when none of the last few does.
   */
  private static int decidingSnapshot(Node n, String id, int lo, int hi) {
    hi = Math.min(hi, n.starts.length - 2);
    int k = hi;
    // the watcher may have analysed a little less than was readable when it printed
    while (k > lo && k > hi - 5 && !reports(n, id, k)) {
      k--;
    }
    if (!reports(n, id, k)) {
      return -1;
    }
    for (int steps = 0; k > lo && steps < 60; steps++) {
      if (!reports(n, id, k - 1)) {
        return k;
      }
      k--;
    }
    return k == lo ? lo : bisect(n, id, lo, k);
  }

  /** The first k in [lo, hi] whose prefix reports {@code id}, assuming those after it all do ({@code hi} does). */
  private static int bisect(Node n, String id, int lo, int hi) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reports(n, id, mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Whether an offline analysis of snapshots 0..k of the node reports the finding. */
  private static boolean reports(Node n, String id, int k) {
    byte[] prefix = Arrays.copyOf(n.all, n.starts[k + 1]);
    SeriesBuilder b = new SeriesBuilder(new NodeId(n.name), Watcher.DEFAULT_MAX_POINTS);
    b.startFile(n.file.toString());
    try (ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(prefix), n.name, ParseOptions.defaults())) {
      while (r.hasNext()) {
        b.accept(r.next());
      }
      NodeSeries ns = b.build(r.era(), r.problemCount(), r.repairedLines());
      for (Finding f : new Analyzer(AnalysisOptions.defaults()).analyze(List.of(ns))) {
        if (f.id().equals(id)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long snapshotsRead(HttpClient http, int port) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("(?m)^proflog_snapshots_read (\\S+)").matcher(r.body());
      return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  /** utime + stime of a process, in clock ticks (all its threads). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** Heap in use right after a full collection of the watch process (jcmd), in MiB. */
  private static String liveHeapMiB(long pid) {
    try {
      new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
      Process q = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      q.waitFor();
      // one "total ..K, used ..K" line per generation (Serial: young and tenured; G1: the heap)
      Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
      long used = -1;
      while (m.find()) {
        used = Math.max(0, used) + Long.parseLong(m.group(1));
      }
      return used < 0 ? "?" : String.valueOf(used / 1024);
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** The resident set of a process now, in KiB (0 when it cannot be read). */
  private static long rssKiB(long pid) {
    try {
      Matcher m = Pattern.compile("(?m)^VmRSS:\\s*(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String field(String status, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ":\\s*(\\d+) kB").matcher(status);
    return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MiB" : "?";
  }

  private static String peakHeap(Path gcLog) throws IOException {
    Matcher m = Pattern.compile("(\\d+)M->").matcher(Files.readString(gcLog));
    long max = 0;
    while (m.find()) {
      max = Math.max(max, Long.parseLong(m.group(1)));
    }
    return String.valueOf(max);
  }
}
