package org.proflog.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proflog.model.Era;
import org.proflog.simulate.ProfLogLines.Line;

/** Structural checks of every era × scenario × two seeds, without the real parser. */
class SimulatorFormatTest {
  static final String[] VERSIONS = {"2.0", "2.3.2", "2.4.2", "2.5.5", "2.6.4", "3.2.4", "5.0.10", "5.1.3", "6.0.9", "6.2.1", "8.1.2"};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String v : VERSIONS) {
      for (Scenario s : Scenario.values()) {
        if (s.supports(ZeekVersion.parse(v))) {
          for (long seed : new long[] {1, 2}) {
            out.add(Arguments.of(v, s, seed));
          }
        }
      }
    }
    return out.stream();
  }

  static SimulationSpec spec(String v, Scenario s, long seed) {
    ZeekVersion zv = ZeekVersion.parse(v);
    return new SimulationSpec(s, 4, 100 * 60, 60, zv, seed, 7, zv.supportsCompanion(),
        SimulationSpec.DEFAULT_START);
  }

  static byte[] node(SimulationSpec spec, String node) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Simulator.writeNode(spec, node, out);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("cases")
  void everyFileIsWellFormed(String version, Scenario scenario, long seed) throws IOException {
    SimulationSpec spec = spec(version, scenario, seed);
    ZeekVersion v = spec.version();
    for (String node : Simulator.nodeNames(spec.nodes())) {
      byte[] bytes = node(spec, node);
      checkFile(v, node, bytes);
    }
  }

  static void checkFile(ZeekVersion v, String node, byte[] bytes) {
    List<String> physical = ProfLogLines.physical(bytes);
    boolean endsWithNewline = bytes[bytes.length - 1] == '\n';
    List<Line> lines = ProfLogLines.logical(bytes);
    for (Line l : lines) {
      assertThat(l.kind()).as("%s %s line %s", v, node, l.text()).isNotEqualTo("UNKNOWN");
    }
    // Comm (2.6+) never ends a physical line with a newline: it is glued or the file's last line
    for (int i = 0; i < physical.size(); i++) {
      String p = physical.get(i);
      boolean last = i == physical.size() - 1 && !endsWithNewline;
      if (p.matches(".* ids_out=\\d+ $")) {
        assertThat(last).as("unterminated Comm only at EOF: %s", p).isTrue();
      }
      if (p.contains(" Comm: ") && !last) {
        assertThat(p).as("glued Comm").matches(".* ids_out=\\d+ \\d+\\.\\d{6} .+");
      }
    }
    if (!v.hasComm()) {
      assertThat(lines).noneMatch(l -> l.kind().equals("COMM"));
      assertThat(endsWithNewline).isTrue();
    }
    List<List<Line>> snaps = ProfLogLines.snapshots(lines);
    assertThat(snaps.size()).isGreaterThan(40);
    long peak = -1;
    for (List<Line> s : snaps) {
      assertThat(s.get(0).kind()).isEqualTo("SEP");
      String ts = s.get(0).ts();
      boolean first = s.size() > 1 && s.get(1).kind().equals("CMDLINE");
      if (first) {
        peak = -1;
        assertThat(s.get(1).text()).endsWith(" -p " + node + " " + s.get(1).text().substring(
            s.get(1).text().indexOf(" -p " + node + " ") + node.length() + 5));
        assertThat(s.get(1).text()).endsWith(" ").contains(" -p " + node + " ");
      }
      long timerRows = 0;
      long timersCurrent = -1;
      int threadRows = 0;
      long threadsCurrent = -1;
      boolean profileTimer = false;
      for (Line l : s) {
        assertThat(l.ts()).as("same ts in snapshot").isEqualTo(ts);
        switch (l.kind()) {
          case "MEMORY" -> {
            long total = l.n(2);
            if (v.peakRss()) {
              assertThat(total).as("%s peak RSS never decreases", node).isGreaterThanOrEqualTo(peak);
              peak = total;
            }
            if (v.zeroMalloced()) {
              assertThat(l.n(4)).isZero();
            } else {
              assertThat(l.n(4)).isPositive();
            }
            if (first) {
              assertThat(l.n(3)).isZero();
            }
          }
          case "TCPROW" -> assertThat(l.text().length())
              .isEqualTo((ts + " TCP-States:").length() + 64);
          case "TIMERS" -> {
            timersCurrent = l.n(2);
            assertThat(l.g(4) != null).isEqualTo(v.hasTimersMemory());
          }
          case "TIMERTYPE" -> {
            timerRows += l.n(3);
            profileTimer |= l.g(2).equals("ProfileTimer");
          }
          case "THREADS" -> threadsCurrent = l.n(2);
          case "THREADROW" -> {
            threadRows++;
            assertThat(l.text()).startsWith(ts + "   ");
            String name = l.g(2);
            String afterName = l.text().substring(ts.length() + 3 + name.length());
            assertThat(afterName).startsWith(name.length() >= 25 ? " in=" : " ".repeat(25 - name.length()) + " in=");
            assertThat(l.n(3)).isEqualTo(l.n(8)); // in == in_w
            assertThat(l.n(4)).isEqualTo(l.n(10)); // out == out_w
            assertThat(l.n(5)).isEqualTo(l.n(8) - l.n(7));
            assertThat(l.n(6)).isEqualTo(l.n(10) - l.n(9));
          }
          case "CONNS" -> {
            assertThat(l.g(5) != null).isEqualTo(v.hasConnsExt());
            assertThat(l.g(6) != null).isEqualTo(v.hasConnsMemory());
          }
          case "DNS" -> assertThat(l.g(3)).isEqualTo(v.spellsSuccessful() ? "successful" : "succesful");
          case "TBL_ROW" -> assertThat(v.era()).isIn(Era.G8, Era.G9);
          case "GS_ROW", "GS_HDR", "GS_TOTAL" -> assertThat(v.namesGlobals()).isTrue();
          case "REASM" -> assertThat(v.hasReassembler()).isTrue();
          case "CONNCOMP" -> assertThat(v.hasConnCompressor()).isTrue();
          default -> { }
        }
      }
      assertThat(timerRows).as("timer rows sum to current at %s", ts).isEqualTo(timersCurrent);
      if (v.hasThreads()) {
        assertThat(threadRows).isEqualTo(threadsCurrent);
      } else {
        assertThat(threadsCurrent).isEqualTo(-1);
      }
      if (first) {
        assertThat(profileTimer).isTrue();
      }
    }
    // the last snapshot is the shutdown one
    List<Line> last = snaps.get(snaps.size() - 1);
    assertThat(last).anyMatch(l -> l.kind().equals("TIMERTYPE") && l.g(2).equals("ProfileTimer"));
  }
}
