package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proflog analyze} through {@link Main#run}: failure paths first, then the real fixtures. */
class AnalyzeCommandTest {
  static final Path G6 = Path.of("src/test/resources/formats/g6-real");
  @TempDir Path tmp;


  @Test
  void missingPathIsADataErrorWithOneLinePerProblem() {
    CliRun.Result r = CliRun.run("analyze", tmp.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).allMatch(l -> l.startsWith("proflog analyze: "));
    assertThat(r.err()).contains("nope").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void everyReadingCommandHasHelpWithExamples() {
    for (String cmd : new String[] {"analyze", "report", "export"}) {
      CliRun.Result r = CliRun.run(cmd, "--help");
      assertThat(r.code()).as(cmd).isEqualTo(Main.OK);
      assertThat(r.out()).as(cmd).contains("Usage: proflog " + cmd).contains("Examples:");
    }
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun.Result r = CliRun.run("analyze", "--format", "xml", G6.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(r.err()).contains("unknown --format 'xml'");
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertThat(CliRun.run("analyze", "--fail-on", "info", G6.toString()).code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(CliRun.run("analyze", "--memory-limit", "lots", G6.toString()).err()).contains("not a size: 'lots'");
    assertThat(CliRun.run("analyze", "--since", "tomorrow", G6.toString()).code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(CliRun.run("analyze", "--since", "2024-02-01", "--until", "2024-01-01", G6.toString()).err()).contains("is after --until");
    assertThat(CliRun.run("analyze", "--colour", "never").err()).contains("Unknown option: '--colour'");
  }

  @Test
  void garbageFileIsReportedNotThrown() throws IOException {
    Path f = tmp.resolve("prof.log");
    Files.write(f, new byte[] {0, 1, 2, (byte) 0xff, '\n', 'x', '\n'});
    CliRun.Result r = CliRun.run("analyze", f.toString());
    assertThat(r.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(r.err()).doesNotContain("Exception").isNotEmpty();
  }

  @Test
  void corruptGzipIsOneLineNamingTheFile() throws IOException {
    Path f = tmp.resolve("worker-1").resolve("prof.log.gz");
    Files.createDirectories(f.getParent());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(Files.readAllBytes(G6.resolve("offline-default.prof.log")));
    }
    byte[] gz = b.toByteArray();
    Files.write(f, java.util.Arrays.copyOf(gz, gz.length / 2));
    CliRun.Result r = CliRun.run("analyze", f.toString());
    assertThat(r.err()).contains("prof.log.gz").contains("corrupt gzip data").doesNotContain("\tat ");
    assertThat(r.err().lines().filter(l -> l.contains("corrupt")).count()).isEqualTo(1);
  }

  @Test
  void strictStopsAtTheFirstBadLineNamingFileAndLine() throws IOException {
    Path f = tmp.resolve("prof.log");
    String good = Files.readString(G6.resolve("offline-default.prof.log"), StandardCharsets.ISO_8859_1);
    Files.writeString(f, good.substring(0, 5000) + "\nthis is not prof.log\n" + good.substring(5000), StandardCharsets.ISO_8859_1);
    CliRun.Result lenient = CliRun.run("analyze", "--format", "json", f.toString());
    assertThat(lenient.code()).isIn(Main.OK, Main.FINDINGS);
    CliRun.Result strict = CliRun.run("analyze", "--strict", f.toString());
    assertThat(strict.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(strict.err()).containsPattern("prof\\.log:\\d+: ");
  }

  @Test
  void jsonNamesTheEraAndCountsOfTheRealZeek324Files() throws IOException {
    CliRun.Result r = CliRun.run("analyze", "--format", "json", "live=" + G6.resolve("live-healthy.prof.log"), "offline=" + G6.resolve("offline-default.prof.log"));
    assertThat(r.err()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("schema").asText()).isEqualTo("proflog.analyze/1");
    assertThat(j.at("/nodes/0/node").asText()).isEqualTo("live");
    assertThat(j.at("/nodes/0/era").asText()).isEqualTo("G6");
    assertThat(j.at("/nodes/0/snapshots").asInt()).isEqualTo(345);
    assertThat(j.at("/nodes/0/expensive_snapshots").asInt()).isEqualTo(115);
    assertThat(j.at("/nodes/1/snapshots").asInt()).isEqualTo(104);
    assertThat(j.at("/nodes/1/expensive_snapshots").asInt()).isEqualTo(5);
    assertThat(j.at("/nodes/1/threads").size()).isEqualTo(18);
    assertThat(j.at("/summary/problems").asInt()).isZero();
  }

  @Test
  void nodeFilterKeepsMatchingNodesOnly() {
    CliRun.Result r = CliRun.run("analyze", "--node", "off*", "--format", "json", "live=" + G6.resolve("live-healthy.prof.log"), "offline=" + G6.resolve("offline-default.prof.log"));
    assertThat(r.out()).contains("\"node\" : \"offline\"").doesNotContain("\"node\" : \"live\"");
    CliRun.Result none = CliRun.run("analyze", "--node", "manager", G6.resolve("live-healthy.prof.log").toString());
    assertThat(none.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(none.err()).contains("no node matches --node manager");
  }

  @Test
  void textOutputFitsEightyColumns() {
    CliRun.Result r = CliRun.run("analyze", "-v", "--color", "always", G6.resolve("offline-default.prof.log").toString());
    for (String line : r.out().replaceAll("\u001b\\[[0-9;]*m", "").split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
    assertThat(r.out()).contains("\u001b[");
    assertThat(CliRun.run("analyze", G6.resolve("offline-default.prof.log").toString()).out()).doesNotContain("\u001b[");
  }
}
