package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void unknownScenarioIsAUsageError(@TempDir Path dir) {
    assertThat(run("simulate", "--scenario", "leaky", "-o", dir.toString())).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown scenario 'leaky'", "table-leak");
    assertThat(dir.resolve("truth.json")).doesNotExist();
  }

  @Test
  void companionNeedsZeek50() {
    assertThat(run("simulate", "--scenario", "healthy", "--zeek-version", "4.2.2", "--companion",
        "-o", "x")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--companion needs Zeek 5.0");
  }

  @Test
  void badVersionAndDurationAreUsageErrors() {
    assertThat(run("simulate", "--scenario", "healthy", "--zeek-version", "zeek", "-o", "x")).isEqualTo(Main.USAGE_ERROR);
    assertThat(run("simulate", "--scenario", "healthy", "--duration", "3y", "-o", "x")).isEqualTo(Main.USAGE_ERROR);
    assertThat(run("simulate", "--scenario", "stuck-writer", "--zeek-version", "2.0", "-o", "x")).isEqualTo(Main.USAGE_ERROR);
  }

  @Test
  void writesASpoolTreeAndTruth(@TempDir Path dir) throws Exception {
    int code = run("simulate", "--scenario", "restart", "--nodes", "4", "--duration", "40m",
        "--interval", "30s", "--zeek-version", "6.0.9", "--seed", "7", "-o", dir.toString());
    assertThat(code).isEqualTo(Main.OK);
    for (String n : new String[] {"manager", "logger-1", "proxy-1", "worker-1-1"}) {
      assertThat(Files.size(dir.resolve("spool/" + n + "/prof.log"))).isPositive();
    }
    String truth = Files.readString(dir.resolve("truth.json"));
    assertThat(truth).contains("\"scenario\" : \"restart\"", "\"era\" : \"G8\"", "\"kind\" : \"restart\"",
        "\"node\" : \"worker-1-1\"");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 4 prof.log files");
  }
}
