package org.proflog.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Severity;
import org.proflog.render.JsonRenderer;
import org.proflog.render.MarkdownRenderer;
import org.proflog.render.RunSummary;
import org.proflog.render.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code proflog analyze}: findings per node and for the cluster. */
@Command(
    name = "analyze",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Read prof.logs and report memory growth, growing script tables, queue backlogs, timer lag, restarts and outliers, with evidence.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  proflog analyze --sample                       the bundled sample cluster",
      "  proflog analyze /usr/local/zeek/spool          every node of a zeekctl cluster",
      "  proflog analyze worker-1=prof.log.gz           a lone (compressed) file, named",
      "  proflog analyze spool --memory-limit 16G --fail-on warning",
      "  proflog analyze spool --format json --node 'worker-*' --since 2024-01-31",
      "",
      "Exit codes: 0 ok, 1 data error, 2 usage error, 3 finding at or above --fail-on."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand Main parent;
  @Mixin InputOptions input;
  @Mixin AnalysisFlags analysis;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or markdown.")
  String format = "text";

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML report to FILE.")
  Path html;



  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 3 when a finding is at least warning or critical.")
  String failOn;

  @Option(names = "--color", paramLabel = "WHEN", description = "auto (default), always or never. NO_COLOR turns auto off.")
  String color = "auto";

  @Option(names = {"-v", "--verbose"}, description = "List threads, globals and files per node, and the evidence of info findings.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json") && !fmt.equals("markdown")) {
      throw usage("unknown --format '" + format + "' (use text, json or markdown)");
    }
    Severity fail = null;
    if (failOn != null) {
      fail = Severity.parse(failOn);
      if (fail == null || fail == Severity.INFO) {
        throw usage("unknown --fail-on '" + failOn + "' (use warning or critical)");
      }
    }
    boolean paint = switch (color.toLowerCase(Locale.ROOT)) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> parent.colorByDefault();
      default -> throw usage("unknown --color '" + color + "' (use auto, always or never)");
    };
    AnalysisOptions options;
    try {
      options = analysis.options();
      input.loaderOptions();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    RunSummary run;
    try {
      run = Analysis.run(Reading.read("analyze", input, err), options);
    } catch (Reading.NothingReadable e) {
      err.println("proflog analyze: " + e.getMessage());
      return Main.DATA_ERROR;
    }
    switch (fmt) {
      case "json" -> new JsonRenderer().write(run, out);
      case "markdown" -> new MarkdownRenderer().write(run, out);
      default -> new TextRenderer(paint, verbose).write(run, out);
    }
    if (html != null) {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(html, StandardCharsets.UTF_8))) {
        Analysis.writeHtml(run, w);
      } catch (IOException e) {
        err.println("proflog analyze: cannot write " + html + ": " + e.getMessage());
        return Main.DATA_ERROR;
      }
    }
    Severity worst = run.worst();
    return fail != null && worst != null && worst.compareTo(fail) >= 0 ? Main.FINDINGS : Main.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
