package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnableCommandTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertOneLineUsageError(Result r, String expectedPart) {
    assertThat(r.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("proflog enable: ").contains(expectedPart);
  }

  @ParameterizedTest
  @ValueSource(strings = {"banana", "8.0.x.1", ""})
  void badVersionIsAUsageError(String version) {
    assertOneLineUsageError(run("enable", "--zeek-version", version), "not a Zeek version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "10.0"})
  void unsupportedVersionIsAUsageError(String version) {
    assertOneLineUsageError(run("enable", "--zeek-version", version), "supported: 2.0 to 9.x");
  }

  @Test
  void companionBeforeZeek50IsAUsageError() {
    assertOneLineUsageError(run("enable", "--zeek-version", "3.2", "--companion"),
        "already names the globals in prof.log");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "0s", "1.5s", "2d"})
  void badIntervalIsAUsageError(String interval) {
    assertOneLineUsageError(run("enable", "--interval", interval), "interval");
  }

  @Test
  void helpListsTheOptionsWithExamples() {
    Result r = run("enable", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--zeek-version", "--interval", "--expensive-every",
        "--[no-]companion", "--threshold", "--every-nth", "--zkg", "--force", "Examples:");
  }

  @Test
  void noCompanionLeavesItOut() {
    Result r = run("enable", "--zeek-version", "8.0", "--no-companion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("redef profiling_interval = 15 secs;")
        .doesNotContain("profiling_update").doesNotContain("ProflogCompanion")
        .contains("--no-companion");
  }

  @Test
  void explicitCompanionOn50IsAccepted() {
    Result r = run("enable", "--zeek-version", "5.0", "--companion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("event profiling_update(f: file, expensive: bool)");
  }

  @Test
  void outputIsAScriptWhoseProseIsAllComments() {
    Result r = run("enable", "--zeek-version", "6.2", "--interval", "1m", "--expensive-every", "10");
    assertThat(r.code()).isZero();
    // Everything before the first @load is a comment, so the output can be redirected into a file.
    String head = r.out().substring(0, r.out().indexOf("@load misc/profiling"));
    assertThat(head.lines()).allSatisfy(l -> assertThat(l).matches("|#.*"));
    assertThat(r.out()).contains("redef profiling_interval = 1 min;")
        .contains("redef expensive_profiling_multiple = 10;")
        .contains("1440 snapshots a day")
        .contains("about every 10 min");
  }

  @Test
  void zeek9GetsTheCompanionWithANoteThatItWasNotChecked() {
    Result r = run("enable", "--zeek-version", "9.0.0-rc1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("# prof.log setup for Zeek 9.0")
        .containsPattern("Zeek 9.0 was not yet\\s+#?\\s*checked")
        .contains("event profiling_update(f: file, expensive: bool)");
  }

  @Test
  void broOutputUsesBroSpellings() {
    Result r = run("enable", "--zeek-version", "2.5");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("local.bro").contains("broctl.cfg").contains("BRO_LOG_SUFFIX")
        .doesNotContain("ZEEK_LOG_SUFFIX").doesNotContain("local.zeek");
  }

  @Test
  void writesAZkgPackageAndRefusesToOverwrite(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pkg");
    Result first = run("enable", "--zkg", dir.toString());
    assertThat(first.code()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(dir.resolve("zkg.meta")).exists();
    assertThat(dir.resolve("scripts/__load__.zeek")).exists();
    assertThat(Files.readString(dir.resolve("scripts/proflog-companion.zeek")))
        .contains("module ProflogCompanion;");
    // zkg names a local package after its directory; the README's commands must use that name.
    assertThat(Files.readString(dir.resolve("README"))).startsWith("pkg\n===\n")
        .contains("zkg load pkg");

    Result again = run("enable", "--zkg", dir.toString());
    assertThat(again.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(again.err().lines()).hasSize(1);
    assertThat(again.err()).contains("not empty").contains("--force");

    Result forced = run("enable", "--zkg", dir.toString(), "--force", "--zeek-version", "4.2");
    assertThat(forced.code()).isZero();
    assertThat(Files.readString(dir.resolve("zkg.meta"))).contains("zeek >=3.0.0");
  }
}
