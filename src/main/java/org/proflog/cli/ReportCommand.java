package org.proflog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.render.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code proflog report}: the single-file offline HTML report. */
@Command(
    name = "report",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report: the cluster at a glance, findings with evidence, per-node charts.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  proflog report --sample -o report.html",
      "  proflog report /usr/local/zeek/spool --memory-limit 16G -o report.html"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin AnalysisFlags analysis;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
  Path output;



  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AnalysisOptions options;
    try {
      options = analysis.options();
      input.loaderOptions();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    RunSummary run;
    try {
      run = Analysis.run(Reading.read("report", input, err), options);
    } catch (Reading.NothingReadable e) {
      err.println("proflog report: " + e.getMessage());
      return Main.DATA_ERROR;
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      Analysis.writeHtml(run, w);
    } catch (IOException e) {
      err.println("proflog report: cannot write " + output + ": " + e.getMessage());
      return Main.DATA_ERROR;
    }
    out.println("wrote " + output + ": " + run.nodes().size() + " nodes, " + run.findings().size() + " findings");
    return Main.OK;
  }
}
