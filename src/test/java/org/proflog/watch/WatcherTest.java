package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
import org.proflog.model.NodeId;
import org.proflog.parse.ParseOptions;
import org.proflog.render.TidyExport;
import org.proflog.series.ClusterLoader;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputFinder;
import org.proflog.source.InputSource;
import org.proflog.source.NodeFilter;

class WatcherTest {
  @TempDir Path dir;

  static byte[] node(SimulationSpec spec, String node) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, node, out);
    return out.toByteArray();
  }

  static void append(Path p, byte[] b, int from, int to) throws IOException {
    Files.createDirectories(p.getParent());
    try (OutputStream o = Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      o.write(b, from, to - from);
    }
  }

  /** The offset just after the newline nearest to the middle. */
  static int lineBoundaryNear(byte[] b, int at) {
    int i = at;
    while (b[i - 1] != '\n') {
      i++;
    }
    return i;
  }

  Watcher watcher() {
    return new Watcher(List.of(dir.resolve("spool").toString()), NodeFilter.all(),
        new InputFinder(List.of(), () -> null), ParseOptions.defaults(), AnalysisOptions.defaults());
  }

  /** Loads incarnations of files (the bytes each file held, in order) per node the offline way, at the watcher's resolution. */
  static List<NodeSeries> offline(Map<String, List<byte[]>> files) {
    TreeMap<NodeId, List<InputSource>> nodes = new TreeMap<>();
    files.forEach((n, list) -> {
      List<InputSource> srcs = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        srcs.add(InputSource.ofStream(new NodeId(n), n + "#" + i, new ByteArrayInputStream(list.get(i))));
      }
      nodes.put(new NodeId(n), srcs);
    });
    ClusterLoader.Result r = ClusterLoader.load(new DiscoveredInputs(nodes, List.of()),
        ClusterLoader.Options.defaults().withThreads(1).withMaxPoints(Watcher.DEFAULT_MAX_POINTS));
    return r.nodes();
  }

  static String tidy(List<NodeSeries> nodes) throws IOException {
    StringWriter w = new StringWriter();
    TidyExport.write(nodes, TidyExport.Format.CSV, w);
    return w.toString();
  }

  static List<String> segments(List<NodeSeries> nodes) {
    List<String> out = new ArrayList<>();
    for (NodeSeries n : nodes) {
      out.add(n.node() + " snapshots=" + n.snapshots() + " expensive=" + n.expensiveSnapshots()
          + " partial=" + n.partialSnapshots() + " era=" + n.era() + " files=" + n.files().size()
          + " problems=" + n.problems());
      for (Segment s : n.segments()) {
        out.add(n.node() + " " + s.index() + " " + s.reason() + " " + s.startMicros() + " "
            + s.endMicros() + " " + s.snapshots() + " " + s.line());
      }
    }
    return out;
  }

  static List<String> findings(List<Finding> fs) {
    List<String> out = new ArrayList<>();
    for (Finding f : fs) {
      out.add(f.id() + " " + f.severity() + " " + f.explanation());
    }
    out.sort(null);
    return out;
  }

  @Test
  void liveSpoolEndsWithTheSeriesAndFindingsOfAnOfflineRun() throws Exception {
    SimulationSpec spec = SimulationSpec.of(Scenario.DEMO, 5, 3 * 3600, "6.2.1", 7);
    List<String> names = Simulator.nodeNames(5);
    byte[] a = node(spec, names.get(0)); // rotated halfway
    byte[] b = node(spec, names.get(1)); // truncated halfway, then a new process
    byte[] c = node(spec, names.get(2)); // writer killed mid-line
    byte[] d = node(spec, names.get(3)); // appears late
    byte[] e = node(spec, names.get(4)); // plain appends
    SimulationSpec later = new SimulationSpec(spec.scenario(), 5, 3600, spec.intervalSeconds(),
        spec.version(), 99, spec.expensiveEvery(), false, SimulationSpec.DEFAULT_START + 4 * 3600);
    byte[] b2 = node(later, names.get(1));
    int cKill = lineBoundaryNear(c, c.length * 3 / 4) + 17;

    Path spool = dir.resolve("spool");
    Path pa = spool.resolve(names.get(0)).resolve("prof.log");
    Path pb = spool.resolve(names.get(1)).resolve("prof.log");
    Path pc = spool.resolve(names.get(2)).resolve("prof.log");
    Path pd = spool.resolve(names.get(3)).resolve("prof.log");
    Path pe = spool.resolve(names.get(4)).resolve("prof.log");
    int aRot = lineBoundaryNear(a, a.length / 2);
    int bTrunc = b.length / 2;

    Random rnd = new Random(42);
    Watcher w = watcher();
    int steps = 40;
    int[] pos = new int[5];
    List<WatchEvent> events = new ArrayList<>();
    boolean rotated = false;
    boolean truncated = false;
    int b2pos = 0;
    for (int step = 1; step <= steps; step++) {
      // a: append up to the rotation point, then rename and continue in a new file
      int aTo = step == steps ? a.length : Math.min(a.length, pos[0] + rnd.nextInt(a.length / steps * 2));
      if (!rotated && aTo >= aRot) {
        append(pa, a, pos[0], aRot);
        Files.move(pa, pa.resolveSibling("prof.log.1"));
        pos[0] = aRot;
        rotated = true;
      }
      append(pa, a, pos[0], aTo);
      pos[0] = aTo;
      // b: the first process, truncated halfway, then another process from 0
      if (!truncated) {
        int bTo = Math.min(bTrunc, pos[1] + rnd.nextInt(b.length / steps * 2));
        append(pb, b, pos[1], bTo);
        pos[1] = bTo;
        if (bTo == bTrunc) {
          w.catchUp(10_000);
          Files.write(pb, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
          truncated = true;
        }
      } else {
        int to = step == steps ? b2.length : Math.min(b2.length, b2pos + rnd.nextInt(b2.length / steps * 3));
        append(pb, b2, b2pos, to);
        b2pos = to;
      }
      // c: up to the kill point, cut mid-line
      int cTo = step == steps ? cKill : Math.min(cKill, pos[2] + rnd.nextInt(c.length / steps * 2));
      append(pc, c, pos[2], cTo);
      pos[2] = cTo;
      // d: only from step 10 on
      if (step >= 10) {
        int dTo = step == steps ? d.length : Math.min(d.length, pos[3] + rnd.nextInt(d.length / steps * 3));
        append(pd, d, pos[3], dTo);
        pos[3] = dTo;
      }
      int eTo = step == steps ? e.length : Math.min(e.length, pos[4] + rnd.nextInt(e.length / steps * 2));
      append(pe, e, pos[4], eTo);
      pos[4] = eTo;

      if (step % 5 == 0) {
        w.discover();
      }
      w.poll();
      if (step % 3 == 0 || step == steps) {
        w.catchUp(10_000);
        events.addAll(w.tick());
      }
    }
    assertThat(truncated).isTrue();
    assertThat(b2pos).isEqualTo(b2.length);
    w.catchUp(10_000);
    events.addAll(w.tick());

    Map<String, List<byte[]>> files = new TreeMap<>();
    files.put(names.get(0), List.of(Arrays.copyOf(a, aRot), Arrays.copyOfRange(a, aRot, a.length)));
    // truncation loses the old process's unfinished last line: its end will never arrive
    int bComplete = bTrunc;
    while (b[bComplete - 1] != '\n') {
      bComplete--;
    }
    files.put(names.get(1), List.of(Arrays.copyOf(b, bComplete), b2));
    int cComplete = cKill;
    while (c[cComplete - 1] != '\n') {
      cComplete--;
    }
    files.put(names.get(2), List.of(Arrays.copyOf(c, cComplete)));
    files.put(names.get(3), List.of(d));
    files.put(names.get(4), List.of(e));
    // live, the last snapshot of each file is not known to be complete until the next one starts
    Map<String, Long> pending = new TreeMap<>();
    for (NodeSeries n : offline(files)) {
      pending.put(n.node().toString(), (long) n.snapshots() - 1);
    }
    Map<String, Long> live = new TreeMap<>();
    for (NodeSeries n : w.series()) {
      live.put(n.node().toString(), (long) n.snapshots());
    }
    assertThat(live).isEqualTo(pending);

    // once the files end, everything is read, the killed writer's partial line included
    w.close();
    events.addAll(w.tick());
    files.put(names.get(2), List.of(Arrays.copyOf(c, cKill)));
    List<NodeSeries> expected = offline(files);
    List<NodeSeries> actual = w.series();

    assertThat(actual).hasSize(5);
    assertThat(segments(actual)).containsExactlyElementsOf(segments(expected));
    assertThat(tidy(actual)).isEqualTo(tidy(expected));
    List<Finding> offlineFindings = new Analyzer(AnalysisOptions.defaults()).analyze(expected);
    assertThat(offlineFindings).isNotEmpty();
    assertThat(findings(w.openFindings())).containsExactlyElementsOf(findings(offlineFindings));

    assertReplayGivesTheOpenSet(events, w);
  }

  /** Replaying the events gives the open set: every finding was announced, cleared ones went away. */
  static void assertReplayGivesTheOpenSet(List<WatchEvent> events, Watcher w) {
    Map<String, Finding> replay = new TreeMap<>();
    for (WatchEvent ev : events) {
      switch (ev.type()) {
        case NEW -> assertThat(replay.put(ev.finding().id(), ev.finding())).isNull();
        case CHANGED -> assertThat(replay.put(ev.finding().id(), ev.finding())).isNotNull();
        case CLEARED -> assertThat(replay.remove(ev.finding().id())).isNotNull();
        default -> throw new AssertionError();
      }
    }
    assertThat(replay.keySet()).containsExactlyElementsOf(
        w.openFindings().stream().map(Finding::id).sorted().toList());
  }

  @Test
  void aNodeFollowedInSmallStepsSkipsWhatOnlyFoldsAndEndsLikeOffline() throws Exception {
    // an hour at 1 s: 3,600 snapshots a node, compacted to a factor of 16, so most snapshots only
    // fold; the first 3,000 are read at once, the rest one or so at a time
    SimulationSpec spec = SimulationSpec.of(Scenario.DEMO, 2, 3600, "6.2.1", 5).withInterval(1);
    List<String> names = Simulator.nodeNames(2);
    Map<String, List<byte[]>> files = new TreeMap<>();
    List<byte[]> bytes = new ArrayList<>();
    for (String n : names) {
      byte[] b = node(spec, n);
      bytes.add(b);
      files.put(n, List.of(b));
    }
    Watcher w = watcher();
    List<WatchEvent> events = new ArrayList<>();
    int steps = 600;
    int[] pos = new int[names.size()];
    for (int step = 0; step <= steps; step++) {
      for (int k = 0; k < names.size(); k++) {
        byte[] b = bytes.get(k);
        long at = b.length * 5L / 6 + (long) b.length * step / 6 / steps;
        int to = step == steps ? b.length : lineBoundaryNear(b, Math.max(pos[k] + 1, (int) at));
        append(dir.resolve("spool").resolve(names.get(k)).resolve("prof.log"), b, pos[k], to);
        pos[k] = to;
      }
      if (step == 0) {
        w.discover();
      }
      w.poll();
      w.catchUp(10_000);
      events.addAll(w.tick());
    }
    w.close();
    events.addAll(w.tick());
    assertThat(w.skippedAnalyses()).as("analyses skipped while snapshots only folded").isGreaterThan(w.analyses() / 4);

    List<NodeSeries> expected = offline(files);
    assertThat(tidy(w.series())).isEqualTo(tidy(expected));
    List<Finding> offlineFindings = new Analyzer(AnalysisOptions.defaults()).analyze(expected);
    assertThat(offlineFindings).isNotEmpty();
    assertThat(findings(w.openFindings())).containsExactlyElementsOf(findings(offlineFindings));
    assertReplayGivesTheOpenSet(events, w);
  }

  @Test
  void onceReadsEverythingLikeAnOfflineRun() throws Exception {
    Simulator.write(SimulationSpec.of(Scenario.DEMO, 3, 2 * 3600, "3.2.4", 3), dir);
    Watcher w = watcher();
    List<WatchEvent> events = w.once();
    assertThat(events).allMatch(ev -> ev.type() == WatchEvent.Type.NEW);
    DiscoveredInputs in = new InputFinder(List.of(), () -> null).find(List.of(dir.resolve("spool").toString()));
    // 480 snapshots a node: more than the watcher keeps, so both sides are compacted alike
    List<NodeSeries> expected = ClusterLoader.load(in,
        ClusterLoader.Options.defaults().withMaxPoints(Watcher.DEFAULT_MAX_POINTS)).nodes();
    assertThat(expected).allMatch(n -> n.snapshots() > Watcher.DEFAULT_MAX_POINTS);
    assertThat(tidy(w.series())).isEqualTo(tidy(expected));
    assertThat(findings(events.stream().map(WatchEvent::finding).toList()))
        .containsExactlyElementsOf(findings(new Analyzer(AnalysisOptions.defaults()).analyze(expected)));
  }

  @Test
  void killedAndResumedWatchersLoseAndRepeatNothing() throws Exception {
    SimulationSpec spec = SimulationSpec.of(Scenario.DEMO, 2, 3 * 3600, "6.2.1", 11);
    List<String> names = Simulator.nodeNames(2);
    byte[] a = node(spec, names.get(0));
    byte[] b = node(spec, names.get(1));
    int aRot = lineBoundaryNear(a, a.length / 2);
    int steps = 20;
    for (int kill : new int[] {3, 8, 9, 10, 15}) {
      Path spool = dir.resolve("k" + kill).resolve("spool");
      Path pa = spool.resolve(names.get(0)).resolve("prof.log");
      Path pb = spool.resolve(names.get(1)).resolve("prof.log");
      Path stateFile = dir.resolve("k" + kill).resolve("state.json");
      Random rnd = new Random(kill);
      int[] pos = new int[2];
      boolean rotated = false;
      List<WatchEvent> events = new ArrayList<>();
      String savedTidy = "";
      List<String> savedSegments = List.of();
      Watcher w = new Watcher(List.of(spool.toString()), NodeFilter.all(),
          new InputFinder(List.of(), () -> null), ParseOptions.defaults(), AnalysisOptions.defaults());
      w.discover();
      for (int step = 1; step <= steps; step++) {
        int aTo = step == steps ? a.length : Math.min(a.length, pos[0] + rnd.nextInt(a.length / steps * 2));
        if (!rotated && aTo >= aRot) {
          append(pa, a, pos[0], aRot);
          Files.move(pa, pa.resolveSibling("prof.log.1"));
          pos[0] = aRot;
          rotated = true;
        }
        append(pa, a, pos[0], aTo);
        pos[0] = aTo;
        int bTo = step == steps ? b.length : Math.min(b.length, pos[1] + rnd.nextInt(b.length / steps * 2));
        append(pb, b, pos[1], bTo);
        pos[1] = bTo;
        if (step == kill) {
          // SIGKILL: the watcher is gone; only what it saved atomically survives. Two steps pass.
          w = null;
          continue;
        }
        if (w == null && step < kill + 2) {
          continue;
        }
        if (w == null) {
          w = new Watcher(List.of(spool.toString()), NodeFilter.all(),
              new InputFinder(List.of(), () -> null), ParseOptions.defaults(), AnalysisOptions.defaults());
          events.addAll(w.resume(WatchState.load(stateFile)));
          assertThat(segments(w.series())).as("resume after kill at %d", kill).containsExactlyElementsOf(savedSegments);
          assertThat(tidy(w.series())).as("resume after kill at %d", kill).isEqualTo(savedTidy);
        }
        w.discover();
        w.poll();
        if (step % 2 == 0) {
          w.catchUp(10_000);
          events.addAll(w.tick());
          w.state().save(stateFile);
          savedTidy = tidy(w.series());
          savedSegments = segments(w.series());
        }
      }
      w.close();
      events.addAll(w.tick());

      Map<String, List<byte[]>> files = new TreeMap<>();
      files.put(names.get(0), List.of(Arrays.copyOf(a, aRot), Arrays.copyOfRange(a, aRot, a.length)));
      files.put(names.get(1), List.of(b));
      List<NodeSeries> expected = offline(files);
      assertThat(segments(w.series())).as("kill at %d", kill).containsExactlyElementsOf(segments(expected));
      assertThat(tidy(w.series())).as("kill at %d", kill).isEqualTo(tidy(expected));

      Map<String, Finding> replay = new TreeMap<>();
      for (WatchEvent ev : events) {
        switch (ev.type()) {
          case NEW -> assertThat(replay.put(ev.finding().id(), ev.finding())).as("kill at %d: %s", kill, ev).isNull();
          case CHANGED -> assertThat(replay.put(ev.finding().id(), ev.finding())).as("kill at %d: %s", kill, ev.finding().id()).isNotNull();
          case CLEARED -> assertThat(replay.remove(ev.finding().id())).as("kill at %d: %s", kill, ev).isNotNull();
          default -> throw new AssertionError();
        }
      }
      assertThat(replay.keySet()).as("kill at %d", kill).containsExactlyElementsOf(
          w.openFindings().stream().map(Finding::id).sorted().toList());
    }
  }

  @Test
  void olderFilesFoundAtStartAreReadInPiecesBeforeTheLiveOne() throws Exception {
    // a node whose history is a gzipped archive and a rotated file, each several pieces long
    SimulationSpec spec = SimulationSpec.of(Scenario.TABLE_LEAK, 3, 6 * 3600, "5.0.10", 5);
    List<String> names = Simulator.nodeNames(3);
    String n = names.get(2);
    byte[] all = node(spec, n);
    int cut1 = lineBoundaryNear(all, all.length / 3);
    int cut2 = lineBoundaryNear(all, all.length * 2 / 3);
    assertThat(cut1).isGreaterThan((int) Watcher.IN_FLIGHT_BYTES * 2);
    Path nodeDir = dir.resolve("spool").resolve(n);
    Files.createDirectories(nodeDir);
    try (OutputStream o = new java.util.zip.GZIPOutputStream(
        Files.newOutputStream(nodeDir.resolve("prof.2023-11-14-22-00-00.log.gz")))) {
      o.write(all, 0, cut1);
    }
    Files.write(nodeDir.resolve("prof.log.1"), Arrays.copyOfRange(all, cut1, cut2));
    Files.write(nodeDir.resolve("prof.log"), Arrays.copyOfRange(all, cut2, all.length));

    Watcher w = watcher();
    List<WatchEvent> events = w.once();
    List<NodeSeries> live = w.series();
    List<NodeSeries> off = offline(Map.of(n, List.of(Arrays.copyOf(all, cut1),
        Arrays.copyOfRange(all, cut1, cut2), Arrays.copyOfRange(all, cut2, all.length))));
    assertThat(live).hasSize(1);
    assertThat(live.get(0).files()).hasSize(3);
    assertThat(live.get(0).snapshots()).isEqualTo(off.get(0).snapshots());
    assertThat(tidy(live)).isEqualTo(tidy(off));
    assertThat(live.get(0).problems()).isEqualTo(off.get(0).problems()); // the cuts start mid-snapshot
    List<Finding> expected = new Analyzer(AnalysisOptions.defaults()).analyze(off);
    assertThat(findings(w.openFindings())).isEqualTo(findings(expected));
    assertThat(events).isNotEmpty();
  }
}
