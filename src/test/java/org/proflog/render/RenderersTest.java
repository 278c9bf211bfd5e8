package org.proflog.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.analysis.Severity;

class RenderersTest {

  private static RunSummary run(boolean withFinding) {
    return new RunSummary(
        List.of(RenderFixtures.node("logger-1", "conn/Log::WRITER_ASCII"), RenderFixtures.node("worker-1-1", "a|b")),
        withFinding ? List.of(RenderFixtures.finding("worker-1-1", Severity.WARNING, "memory.total")) : List.of(),
        List.of(), 0, List.of("memory growth on 2 nodes", "1 message queue"));
  }

  @Test
  void textFitsEightyColumnsAndNamesTheFinding() throws Exception {
    StringWriter w = new StringWriter();
    new TextRenderer(false, true).write(run(true), w);
    String out = w.toString();
    for (String line : out.split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(TextRenderer.WIDTH);
    }
    assertThat(out).contains("WARNING  memory-growth  worker-1-1  memory.total")
        .contains("+2,400 KiB/h, tau=0.97, p<0.001, 1,000 KiB -> 1.0 MiB")
        .contains("next: Compare the growing globals")
        .doesNotContain("\u001b[");
    assertThat(out).containsPattern("worker-1-1 +worker .* warning");
  }

  @Test
  void countLineSaysWarningsInThePlural() throws Exception {
    RunSummary r = new RunSummary(List.of(RenderFixtures.node("worker-1-1", "t")),
        List.of(RenderFixtures.finding("worker-1-1", Severity.CRITICAL, "memory.total"),
            RenderFixtures.finding("worker-1-1", Severity.WARNING, "memory.malloced"),
            RenderFixtures.finding("worker-1-1", Severity.WARNING, "tables.entries"),
            RenderFixtures.finding("worker-1-1", Severity.INFO, "globals.total")),
        List.of(), 0, List.of("x"));
    StringWriter w = new StringWriter();
    new TextRenderer(false, false).write(r, w);
    assertThat(w.toString()).contains("4 findings: 1 critical, 2 warnings, 1 info");
    StringWriter one = new StringWriter();
    new TextRenderer(false, false).write(run(true), one);
    assertThat(one.toString()).contains("1 finding: 1 warning\n");
  }

  @Test
  void infoFindingsAreOneLineNotesUnlessVerbose() throws Exception {
    RunSummary r = new RunSummary(List.of(RenderFixtures.node("worker-1-1", "t")),
        List.of(RenderFixtures.finding("worker-1-1", Severity.INFO, "memory.total")), List.of(), 0, List.of("x"));
    StringWriter quiet = new StringWriter();
    new TextRenderer(false, false).write(r, quiet);
    assertThat(quiet.toString()).contains("No problem found. 1 note below.").contains("Notes (info; -v shows their evidence)")
        .contains("  worker-1-1  memory-growth  memory.total: Peak memory keeps").doesNotContain("evidence:");
    StringWriter loud = new StringWriter();
    new TextRenderer(false, true).write(r, loud);
    assertThat(loud.toString()).contains("INFO     memory-growth  worker-1-1  memory.total").contains("evidence:");
  }

  @Test
  void healthyTextSaysSoAndWhatWasChecked() throws Exception {
    StringWriter w = new StringWriter();
    new TextRenderer(true, false).write(run(false), w);
    assertThat(w.toString()).contains("No problem found.").contains("Checked: memory growth on 2 nodes; 1 message queue.")
        .contains("\u001b[");
  }

  @Test
  void jsonCarriesSchemaFindingAndNodes() throws Exception {
    StringWriter w = new StringWriter();
    new JsonRenderer().write(run(true), w);
    JsonNode j = new ObjectMapper().readTree(w.toString());
    assertThat(j.get("schema").asText()).isEqualTo(JsonRenderer.SCHEMA);
    assertThat(j.at("/summary/verdict").asText()).isEqualTo("warning");
    assertThat(j.at("/findings/0/id").asText()).isEqualTo("memory-growth:worker-1-1:memory.total");
    assertThat(j.at("/findings/0/evidence/slope").asLong()).isEqualTo(2400);
    assertThat(j.at("/findings/0/evidence/extra/expiry").asText()).isEqualTo("none");
    assertThat(j.at("/findings/0/projection/hours_left").asLong()).isEqualTo(30);
    assertThat(j.at("/nodes/0/node").asText()).isEqualTo("logger-1");
    assertThat(j.at("/nodes/0/verdict").asText()).isEqualTo("healthy");
    assertThat(j.at("/nodes/1/cheap_snapshots").asInt()).isEqualTo(3);
    assertThat(j.at("/nodes/1/era").asText()).isEqualTo("G6");
  }

  @Test
  void markdownEscapesNamesThatWouldBreakTables() throws Exception {
    StringWriter w = new StringWriter();
    RunSummary r = new RunSummary(List.of(RenderFixtures.node("w|<b>", "t")),
        List.of(RenderFixtures.finding("w|<b>", Severity.CRITICAL, "x")), List.of(), 0, List.of());
    new MarkdownRenderer().write(r, w);
    assertThat(w.toString()).contains("w\\|&lt;b&gt;").doesNotContain("w|<b>").contains("### critical: memory-growth");
  }

  @Test
  void tidyCsvQuotesLabelsAndKeepsExactValues() throws Exception {
    StringWriter w = new StringWriter();
    TidyExport.write(run(false).nodes(), TidyExport.Format.CSV, w);
    String[] lines = w.toString().split("\n");
    assertThat(lines[0]).isEqualTo("node,segment,time,metric,labels,value");
    assertThat(lines).contains("logger-1,0,1700000000.000000,memory.total,,1000",
        "logger-1,0,1700000045.000000,memory.total,,1030",
        "logger-1,0,1700000015.000000,thread.pending_in,\"{thread=\"\"conn/Log::WRITER_ASCII\"\"}\",1");
    assertThat(lines).hasSize(1 + 2 * 8);
  }

  @Test
  void tidyNdjsonIsOneObjectPerLine() throws Exception {
    StringWriter w = new StringWriter();
    TidyExport.write(run(false).nodes(), TidyExport.Format.NDJSON, w);
    ObjectMapper m = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    String[] lines = w.toString().split("\n");
    assertThat(lines).hasSize(16);
    JsonNode last = m.readTree(lines[15]);
    assertThat(last.get("node").asText()).isEqualTo("worker-1-1");
    assertThat(last.at("/labels/thread").asText()).isEqualTo("a|b");
    assertThat(lines[15]).contains("\"time\":1700000045.000000,");
  }

  @Test
  void formatsAreLocaleIndependent() {
    assertThat(Fmt.epochSeconds(1_413_471_640_952_530L)).isEqualTo("1413471640.952530");
    assertThat(Fmt.duration(3_600_000_000L * 3 + 420_000_000L)).isEqualTo("3h 07m");
    assertThat(Fmt.kib(1536 * 1024)).isEqualTo("1.50 GiB");
    assertThat(Fmt.plain(3.0)).isEqualTo("3");
    assertThat(Fmt.plain(Double.NaN)).isEqualTo("NaN");
    assertThat(Fmt.pValue(0.0321)).isEqualTo("p=0.032");
  }
}
