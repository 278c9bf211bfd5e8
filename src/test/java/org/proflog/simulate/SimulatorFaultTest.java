package org.proflog.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.model.Era;
import org.proflog.simulate.ProfLogLines.Line;

/** Faults show in the text where truth.json says; output is deterministic; shapes match real Zeek. */
class SimulatorFaultTest {

  static byte[] node(SimulationSpec spec, String node, List<WrittenSnapshot> seen) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, node, out, seen == null ? null : seen::add);
    return out.toByteArray();
  }

  static Fault only(Truth t, String kind) {
    return t.faults().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void versionsMapToEras() {
    assertThat(ZeekVersion.parse("2.0").era()).isEqualTo(Era.G1);
    assertThat(ZeekVersion.parse("2.3.2").era()).isEqualTo(Era.G2);
    assertThat(ZeekVersion.parse("2.4.1").era()).isEqualTo(Era.G3);
    assertThat(ZeekVersion.parse("2.5").era()).isEqualTo(Era.G4);
    assertThat(ZeekVersion.parse("3.0.14").era()).isEqualTo(Era.G5);
    assertThat(ZeekVersion.parse("3.2.4").era()).isEqualTo(Era.G6);
    assertThat(ZeekVersion.parse("5.0.10").era()).isEqualTo(Era.G7);
    assertThat(ZeekVersion.parse("5.1.3").era()).isEqualTo(Era.G8);
    assertThat(ZeekVersion.parse("6.0.9").era()).isEqualTo(Era.G8);
    assertThat(ZeekVersion.parse("6.1.0").era()).isEqualTo(Era.G9);
    assertThat(ZeekVersion.parse("v9.0.0-rc1").era()).isEqualTo(Era.G9);
    assertThat(ZeekVersion.parse("5.1.3").zeroMalloced()).isFalse();
    assertThat(ZeekVersion.parse("5.2.0").zeroMalloced()).isTrue();
    assertThatThrownBy(() -> ZeekVersion.parse("1.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZeekVersion.parse("six")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsParse() {
    assertThat(SimulationSpec.parseDuration("15s")).isEqualTo(15);
    assertThat(SimulationSpec.parseDuration("30m")).isEqualTo(1800);
    assertThat(SimulationSpec.parseDuration("1h30m")).isEqualTo(5400);
    assertThat(SimulationSpec.parseDuration("1d")).isEqualTo(86400);
    assertThatThrownBy(() -> SimulationSpec.parseDuration("3x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clusterLayoutFollowsZeekctl() {
    assertThat(Simulator.nodeNames(1)).containsExactly("zeek");
    assertThat(Simulator.nodeNames(3)).containsExactly("manager", "worker-1-1", "worker-1-2");
    assertThat(Simulator.nodeNames(6)).containsExactly("manager", "logger-1", "proxy-1",
        "worker-1-1", "worker-1-2", "worker-1-3");
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws IOException {
    SimulationSpec a = SimulationSpec.of(Scenario.TABLE_LEAK, 4, 3600, "6.2.1", 5);
    Simulator.write(a, dir.resolve("a"));
    Simulator.write(a, dir.resolve("b"));
    Simulator.write(a.withSeed(6), dir.resolve("c"));
    for (String n : Simulator.nodeNames(4)) {
      byte[] x = Files.readAllBytes(dir.resolve("a/spool/" + n + "/prof.log"));
      byte[] y = Files.readAllBytes(dir.resolve("b/spool/" + n + "/prof.log"));
      byte[] z = Files.readAllBytes(dir.resolve("c/spool/" + n + "/prof.log"));
      assertThat(x).isEqualTo(y);
      assertThat(Arrays.equals(x, z)).isFalse();
    }
    assertThat(Files.readString(dir.resolve("a/truth.json")))
        .isEqualTo(Files.readString(dir.resolve("b/truth.json")))
        .contains("\"state-growth\"", GlobalCatalog.LEAK_TABLE, "\"era\" : \"G9\"");
  }

  @Test
  void healthyScenariosHaveNoFaults() {
    for (Scenario s : List.of(Scenario.HEALTHY, Scenario.SAWTOOTH, Scenario.LOAD_FOLLOWING, Scenario.EXPIRING_TABLE)) {
      Truth t = Simulator.truth(SimulationSpec.of(s, 6, 3600, "4.2.2", 3));
      assertThat(t.faults()).as(s.id()).isEmpty();
      assertThat(t.notes()).isNotEmpty();
    }
  }

  @Test
  void leakingNamedTableRisesMonotonically() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.TABLE_LEAK, 6, 3 * 3600, "5.0.10", 11);
    Truth t = Simulator.truth(spec);
    Fault f = only(t, "state-growth");
    assertThat(f.subject()).isEqualTo("MyPkg::seen_hosts");
    assertThat(f.node()).startsWith("worker-1-");
    String text = new String(node(spec, f.node(), null), StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile(" {16}MyPkg::seen_hosts = \\d+K \\((\\d+)/\\d+ entries\\)").matcher(text);
    List<Long> entries = new ArrayList<>();
    while (m.find()) {
      entries.add(Long.parseLong(m.group(1)));
    }
    assertThat(entries).hasSizeGreaterThan(20).isSorted();
    assertThat(entries.get(entries.size() - 1)).isGreaterThan(entries.get(1) * 5);
    // healthy workers do not have it
    for (String n : t.nodes()) {
      if (!n.equals(f.node())) {
        assertThat(new String(node(spec, n, null), StandardCharsets.ISO_8859_1)).doesNotContain("seen_hosts");
      }
    }
  }

  @Test
  void leakingTableIsUnnamedFrom51ButTheCompanionNamesIt() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.TABLE_LEAK, 4, 2 * 3600, "6.2.1", 4).withCompanion(true);
    Fault f = only(Simulator.truth(spec), "state-growth");
    List<WrittenSnapshot> seen = new ArrayList<>();
    byte[] bytes = node(spec, f.node(), seen);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("Global_sizes").doesNotContain(" = 1607K");
    List<Long> companion = new ArrayList<>();
    Matcher m = Pattern.compile("proflog-global footprint=\\d+ entries=(\\d+) name=MyPkg::seen_hosts\n").matcher(text);
    while (m.find()) {
      companion.add(Long.parseLong(m.group(1)));
    }
    List<Long> truthEntries = seen.stream().filter(WrittenSnapshot::expensive)
        .map(s -> s.globals().get("MyPkg::seen_hosts")).filter(e -> e >= 100).toList();
    assertThat(companion).isNotEmpty().isSorted().isEqualTo(truthEntries);
    // every expensive snapshot's table total follows its row
    for (List<Line> s : ProfLogLines.snapshots(ProfLogLines.logical(bytes))) {
      List<String> shape = ProfLogLines.shape(s);
      if (shape.contains("TBL_TOTAL")) {
        assertThat(shape.subList(shape.indexOf("COMM"), shape.size()))
            .containsExactly("COMM", "TBL_ROW", "TBL_TOTAL", "COMPANION");
      }
    }
  }

  @Test
  void stuckWriterBacklogRisesWhilePeersMove() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.STUCK_WRITER, 6, 3 * 3600, "3.2.4", 8);
    Fault f = only(Simulator.truth(spec), "queue-backlog");
    assertThat(f.node()).isEqualTo("logger-1");
    assertThat(f.subject()).isEqualTo("conn/Log::WRITER_ASCII");
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "logger-1", seen);
    WrittenSnapshot end = seen.get(seen.size() - 2);
    long[] stuck = end.threads().get(f.subject());
    assertThat(stuck[0] - stuck[1]).isGreaterThan(1000);
    WrittenSnapshot before = seen.stream().filter(s -> s.tsMicros() < f.startMicros()).reduce((a, b) -> b).orElseThrow();
    assertThat(before.threads().get(f.subject())[0] - before.threads().get(f.subject())[1]).isLessThan(10);
    long[] dns = end.threads().get("dns/Log::WRITER_ASCII");
    assertThat(dns[0] - dns[1]).isLessThan(10);
    assertThat(dns[1]).isGreaterThan(before.threads().get("dns/Log::WRITER_ASCII")[1]);
  }

  @Test
  void slowReaderPendingOutNeverDrains() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.SLOW_READER, 6, 3 * 3600, "6.2.1", 9);
    Fault f = only(Simulator.truth(spec), "queue-backlog");
    assertThat(f.node()).isEqualTo("manager");
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "manager", seen);
    long last = -1;
    int rises = 0;
    for (WrittenSnapshot s : seen) {
      if (s.tsMicros() > f.startMicros() + 600_000_000L && !s.kind().equals("shutdown")) {
        long[] r = s.threads().get(f.subject());
        long pendingOut = r[2] - r[3];
        assertThat(pendingOut).isPositive();
        rises += pendingOut > last ? 1 : 0;
        last = pendingOut;
      }
    }
    assertThat(last).isGreaterThan(10_000);
    assertThat(rises).isGreaterThan(100);
  }

  @Test
  void timerLagRisesToManySeconds() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.TIMER_LAG, 4, 3 * 3600, "2.6.4", 12);
    Fault f = only(Simulator.truth(spec), "timer-lag");
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, f.node(), seen);
    List<WrittenSnapshot> timer = seen.stream().filter(s -> s.kind().equals("timer")).toList();
    WrittenSnapshot end = timer.get(timer.size() - 1);
    assertThat(end.lagCentis()).isGreaterThan(1000);
    WrittenSnapshot before = timer.stream().filter(s -> s.tsMicros() < f.startMicros()).reduce((a, b) -> b).orElseThrow();
    assertThat(before.lagCentis()).isLessThan(100);
    assertThat(end.timersCurrent()).isGreaterThan(before.timersCurrent() * 2);
  }

  @Test
  void restartWritesTwoProcessesIntoOneFile() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.RESTART, 5, 2 * 3600, "8.0.10", 13);
    Fault f = only(Simulator.truth(spec), "restart");
    String text = new String(node(spec, f.node(), null), StandardCharsets.ISO_8859_1);
    assertThat(text.split(" Command line: ", -1)).hasSize(3);
    // the new worker process starts at 0.000000, glued to the old process's last Comm line
    assertThat(text).containsPattern("ids_out=0 0\\.000000 ------------------------\n0\\.000000 Command line: ");
  }

  @Test
  void memoryLeakSetsPeaksWhileLoadIsFlat() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.MEMORY_LEAK, 4, 6 * 3600, "4.2.2", 14);
    Fault f = only(Simulator.truth(spec), "memory-growth");
    assertThat(f.subject()).isEqualTo("memory.total");
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, f.node(), seen);
    WrittenSnapshot start = seen.stream().filter(s -> s.tsMicros() >= f.startMicros()).findFirst().orElseThrow();
    WrittenSnapshot end = seen.get(seen.size() - 1);
    double hours = (end.tsMicros() - start.tsMicros()) / 3.6e9;
    assertThat(end.totalK() - start.totalK()).isGreaterThan((long) (hours * 40_000));
  }

  @Test
  void healthyPlateausAfterWarmUp() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.HEALTHY, 4, 4 * 3600, "6.2.1", 15);
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "worker-1-1", seen);
    long at30 = seen.stream().filter(s -> s.tsMicros() > spec.startEpochSeconds() * 1_000_000L + 1800_000_000L)
        .findFirst().orElseThrow().totalK();
    long first = seen.get(1).totalK();
    long end = seen.get(seen.size() - 1).totalK();
    assertThat(at30 - first).isGreaterThan(100_000);
    assertThat((double) (end - at30)).isLessThan((at30 - first) * 0.5);
  }

  private static List<List<String>> namedRows(byte[] bytes) {
    List<List<String>> out = new ArrayList<>();
    for (List<Line> s : ProfLogLines.snapshots(ProfLogLines.logical(bytes))) {
      if (s.stream().anyMatch(l -> l.kind().equals("GS_HDR"))) {
        out.add(s.stream().filter(l -> l.kind().equals("GS_ROW")).map(l -> l.g(2)).toList());
      }
    }
    return out;
  }

  @Test
  void namedRowsAreAlphabeticalFrom31AndABoundedTableComesAndGoes() throws IOException {
    SimulationSpec g6 = SimulationSpec.of(Scenario.HEALTHY, 4, 4 * 3600, "3.2.4", 21);
    List<List<String>> rows = namedRows(node(g6, "worker-1-1", null));
    assertThat(rows).hasSizeGreaterThan(40).allSatisfy(r -> assertThat(r).isSorted());
    int firstSeen = -1;
    boolean droppedAfter = false;
    boolean cameBack = false;
    for (int i = 0; i < rows.size(); i++) {
      boolean has = rows.get(i).contains("Weird::weird_ignore");
      if (has && firstSeen < 0) {
        firstSeen = i;
      } else if (!has && firstSeen >= 0) {
        droppedAfter = true;
      } else if (has && droppedAfter) {
        cameBack = true;
      }
    }
    assertThat(firstSeen).isNotNegative();
    assertThat(cameBack).as("the row drops below the threshold and comes back").isTrue();

    SimulationSpec g5 = SimulationSpec.of(Scenario.HEALTHY, 4, 3600, "2.6.4", 21);
    List<List<String>> hashed = namedRows(node(g5, "worker-1-1", null));
    assertThat(hashed).isNotEmpty();
    assertThat(hashed.get(hashed.size() - 1)).isNotEqualTo(
        hashed.get(hashed.size() - 1).stream().sorted().toList());
  }

  @Test
  void finalSnapshotOfALoggerShowsANewWriterWithPendingInput() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.HEALTHY, 4, 3600, "6.2.1", 2);
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "logger-1", seen);
    WrittenSnapshot last = seen.get(seen.size() - 1);
    assertThat(last.kind()).isEqualTo("shutdown");
    assertThat(last.threads().get("reporter/Log::WRITER_ASCII")).containsExactly(1, 0, 0, 0);
    assertThat(seen.get(seen.size() - 2).threads()).doesNotContainKey("reporter/Log::WRITER_ASCII");
  }

  @Test
  void expiringTableGrowsForItsExpiryThenStaysFlat() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.EXPIRING_TABLE, 4, 4 * 3600, "5.0.10", 31);
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "worker-1-1", seen);
    long t0 = seen.get(1).tsMicros();
    long at30 = entriesAt(seen, t0 + 1800_000_000L, GlobalCatalog.EXPIRING_TABLE);
    long at60 = entriesAt(seen, t0 + 3700_000_000L, GlobalCatalog.EXPIRING_TABLE);
    long at180 = entriesAt(seen, t0 + 3 * 3600_000_000L, GlobalCatalog.EXPIRING_TABLE);
    assertThat(at60).isGreaterThan(at30 * 3 / 2);
    assertThat((double) at180).isCloseTo(at60, org.assertj.core.data.Percentage.withPercentage(35));
    assertThat(Simulator.truth(spec).notes()).anyMatch(n -> n.contains(GlobalCatalog.EXPIRING_TABLE));
  }

  @Test
  void loadFollowingTableRisesAndFallsWithConnections() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.LOAD_FOLLOWING, 4, 6 * 3600, "6.2.1", 32);
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "worker-1-1", seen);
    List<WrittenSnapshot> timer = seen.stream().filter(s -> s.kind().equals("timer")).toList();
    long runningMax = 0;
    boolean fell = false;
    for (WrittenSnapshot s : timer) {
      long e = s.globals().get(GlobalCatalog.FLOW_TABLE);
      runningMax = Math.max(runningMax, e);
      fell |= e < runningMax / 2;
    }
    assertThat(fell).as("falls to under half of an earlier peak").isTrue();
    for (WrittenSnapshot s : timer.subList(20, timer.size())) {
      assertThat((double) s.globals().get(GlobalCatalog.FLOW_TABLE))
          .isCloseTo(s.connsCurrent() * 0.3, org.assertj.core.data.Offset.offset(s.connsCurrent() * 0.03 + 2));
    }
  }

  @Test
  void sawtoothWriterQueuesBurstAndDrain() throws IOException {
    SimulationSpec spec = SimulationSpec.of(Scenario.SAWTOOTH, 4, 4 * 3600, "4.2.2", 33);
    List<WrittenSnapshot> seen = new ArrayList<>();
    node(spec, "logger-1", seen);
    long maxPending = 0;
    int drained = 0;
    for (WrittenSnapshot s : seen) {
      long[] c = s.threads().get("conn/Log::WRITER_ASCII");
      long p = c[0] - c[1];
      maxPending = Math.max(maxPending, p);
      if (maxPending > 50 && p <= 2) {
        drained++;
      }
    }
    assertThat(maxPending).isGreaterThan(50);
    assertThat(drained).isGreaterThan(10);
    assertThat(Simulator.truth(spec).faults()).isEmpty();
  }

  private static long entriesAt(List<WrittenSnapshot> seen, long micros, String table) {
    return seen.stream().filter(s -> s.tsMicros() >= micros).findFirst().orElseThrow().globals().get(table);
  }

  /** The generated 3.2.4 standalone file has the same line-kind sequences as real Zeek 3.2.4. */
  @Test
  void snapshotShapesMatchTheRealZeek324Fixture() throws IOException {
    byte[] real;
    try (InputStream in = getClass().getResourceAsStream("/simulate/zeek-3.2.4-offline-default.prof.log")) {
      real = in.readAllBytes();
    }
    SimulationSpec spec = SimulationSpec.of(Scenario.HEALTHY, 1, 3 * 3600, "3.2.4", 1);
    byte[] sim = node(spec, "zeek", null);
    Set<List<String>> realShapes = shapes(real);
    Set<List<String>> simShapes = shapes(sim);
    assertThat(simShapes).isEqualTo(realShapes);
    assertThat(realShapes).hasSize(3); // first, cheap, expensive
  }

  /** Same for real Zeek 6.2.1 (unnamed table rows glued to Comm, no reassembler line). */
  @Test
  void snapshotShapesMatchTheRealZeek621Fixture() throws IOException {
    byte[] real;
    try (InputStream in = getClass().getResourceAsStream("/simulate/zeek-6.2.1-offline-default.prof.log")) {
      real = in.readAllBytes();
    }
    byte[] sim = node(SimulationSpec.of(Scenario.HEALTHY, 1, 3 * 3600, "6.2.1", 1), "zeek", null);
    assertThat(shapes(sim)).isEqualTo(shapes(real));
  }

  private static Set<List<String>> shapes(byte[] bytes) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (List<Line> s : ProfLogLines.snapshots(ProfLogLines.logical(bytes))) {
      out.add(ProfLogLines.shape(s));
    }
    return out;
  }
}
