package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proflog export}: errors first, then the values as the file states them. */
class ExportCommandTest {
  static final String G9 = "src/test/resources/formats/g9-real/offline-default.prof.log";
  @TempDir Path tmp;

  @Test
  void unknownTargetFormatIsAUsageError() {
    CliRun.Result r = CliRun.run("export", G9, "--to", "xml", "-o", "-");
    assertThat(r.code()).isEqualTo(Main.USAGE_ERROR);
    assertThat(r.err()).contains("unknown --to 'xml'");
  }

  @Test
  void unwritableOutputIsADataError() {
    CliRun.Result r = CliRun.run("export", G9, "--to", "csv", "-o", tmp.resolve("no/such/dir/x.csv").toString());
    assertThat(r.code()).isEqualTo(Main.DATA_ERROR);
    assertThat(r.err()).startsWith("proflog export: cannot write ").doesNotContain("\tat ");
  }

  @Test
  void csvCarriesTheValuesPrintedInTheFile() throws Exception {
    Path out = tmp.resolve("x.csv");
    CliRun.Result r = CliRun.run("export", "z=" + G9, "--to", "csv", "-o", out.toString());
    assertThat(r.code()).isEqualTo(Main.OK);
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(rows.get(0)).isEqualTo("node,segment,time,metric,labels,value");
    // From the file: "1600000270.956680                2550/2550 entries" and the table total of that snapshot.
    assertThat(rows).contains("z,0,1600000270.956680,tables.entries,,8556");
    String text = Files.readString(Path.of(G9), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d{6}) Memory: total=(\\d+)K").matcher(text);
    int checked = 0;
    while (m.find()) {
      if (!m.group(1).equals("0.000000")) {
        assertThat(rows).contains("z,0," + m.group(1) + ",memory.total,," + m.group(2));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(103);
  }

  @Test
  void ndjsonAndOpenMetricsGoToStandardOutput() {
    CliRun.Result nd = CliRun.run("export", "z=" + G9, "--to", "ndjson", "-o", "-");
    assertThat(nd.code()).isEqualTo(Main.OK);
    assertThat(nd.out().lines().findFirst().orElseThrow()).startsWith("{\"node\":\"z\",\"segment\":0,\"time\":");
    CliRun.Result om = CliRun.run("export", "z=" + G9, "--to", "openmetrics", "-o", "-");
    assertThat(om.code()).isEqualTo(Main.OK);
    assertThat(om.out()).contains("# TYPE zeek_prof_memory_peak_rss_bytes gauge").contains("node=\"z\"").endsWith("# EOF\n");
  }
}
