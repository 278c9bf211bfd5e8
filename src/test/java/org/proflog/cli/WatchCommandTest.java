package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/** {@code proflog watch --once} through {@link Main#run}. */
class WatchCommandTest {
  @TempDir Path tmp;


  @Test
  void onceAsNdjsonPrintsOneNewEventPerFindingAndGatesOnSeverity() throws Exception {
    Simulator.write(SimulationSpec.of(Scenario.DEMO, 3, 4 * 3600, "6.2.1", 5), tmp);
    String spool = tmp.resolve("spool").toString();
    CliRun.Result r = CliRun.run("watch", "--once", "--format", "ndjson", spool);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(Main.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    boolean warningOrWorse = false;
    for (String l : lines) {
      JsonNode n = json.readTree(l);
      assertThat(n.get("event").asText()).isEqualTo("new");
      assertThat(n.get("finding").get("id").asText()).isNotEmpty();
      String sev = n.get("finding").get("severity").asText();
      warningOrWorse |= sev.equals("warning") || sev.equals("critical");
    }
    CliRun.Result gated = CliRun.run("watch", "--once", "--fail-on", "warning", spool);
    assertThat(gated.code()).isEqualTo(warningOrWorse ? Main.FINDINGS : Main.OK);
    assertThat(gated.out().lines()).hasSize(lines.size()).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d new \\S+ \\S+ \\S+ .+: .+"));
  }

  @Test
  void nothingReadableIsADataErrorAndBadFormatAUsageError() {
    CliRun.Result r = CliRun.run("watch", "--once", tmp.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(CliRun.run("watch", "--once", "--format", "xml", tmp.toString()).code()).isEqualTo(Main.USAGE_ERROR);
  }

  @Test
  void serveNeedsAValidAddressAndNoOnce() {
    CliRun.Result once = CliRun.run("watch", "--once", "--serve", ":9911", tmp.toString());
    assertThat(once.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(once.err()).contains("--serve");
    CliRun.Result bad = CliRun.run("watch", "--serve", "::1:9911", tmp.toString());
    assertThat(bad.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(bad.err()).contains("bad --serve '::1:9911'").doesNotContain("Exception");
    assertThat(CliRun.run("watch", "--help").out()).contains("--serve=HOST:PORT");
  }
}
