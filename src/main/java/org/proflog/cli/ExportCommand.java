package org.proflog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.proflog.render.TidyExport;
import org.proflog.series.ClusterLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code proflog export}: every parsed series in a tidy form, or as OpenMetrics for Prometheus. */
@Command(
    name = "export",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Write every parsed series as tidy rows (node, segment, time, metric, labels, value) or as OpenMetrics text.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  proflog export spool --to csv -o series.csv",
      "  proflog export spool --to ndjson -o - | jq .",
      "  proflog export spool --to openmetrics -o prof.om",
      "  promtool tsdb create-blocks-from openmetrics prof.om ./data"
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "csv, ndjson or openmetrics.")
  String to;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output file, or - for standard output.")
  String output;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String fmt = to.toLowerCase(Locale.ROOT);
    if (!fmt.equals("csv") && !fmt.equals("ndjson") && !fmt.equals("openmetrics")) {
      throw new ParameterException(spec.commandLine(), "unknown --to '" + to + "' (use csv, ndjson or openmetrics)");
    }
    try {
      input.loaderOptions();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ClusterLoader.Result r;
    try {
      // An export gives back every value: its series are never compacted (memory grows with the input).
      r = Reading.read("export", input, input.loaderOptions().withMaxPoints(org.proflog.series.Series.UNBOUNDED), err);
    } catch (Reading.NothingReadable e) {
      err.println("proflog export: " + e.getMessage());
      return Main.DATA_ERROR;
    }
    if (r.problemCount() > 0) {
      err.println("proflog export: " + r.problemCount() + " unreadable line" + (r.problemCount() == 1 ? "" : "s") + " skipped"
          + (r.problems().isEmpty() ? "" : ", first: " + r.problems().get(0)));
    }
    try (Writer w = open(output)) {
      switch (fmt) {
        case "csv" -> TidyExport.write(r.nodes(), TidyExport.Format.CSV, w);
        case "ndjson" -> TidyExport.write(r.nodes(), TidyExport.Format.NDJSON, w);
        default -> org.proflog.render.openmetrics.OpenMetricsWriter.write(r.nodes(), w);
      }
    } catch (IOException e) {
      err.println("proflog export: cannot write " + output + ": " + e.getMessage());
      return Main.DATA_ERROR;
    }
    return Main.OK;
  }

  private Writer open(String out) throws IOException {
    if (out.equals("-")) {
      // Standard output stays open for picocli; closing the export only flushes it.
      return new java.io.FilterWriter(spec.commandLine().getOut()) {
        @Override
        public void close() {
          flush0();
        }

        private void flush0() {
          try {
            flush();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
    }
    return Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8);
  }
}
