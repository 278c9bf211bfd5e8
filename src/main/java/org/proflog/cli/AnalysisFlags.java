package org.proflog.cli;

import org.proflog.analysis.AnalysisOptions;
import picocli.CommandLine.Option;

/** The options that tune the analysis, shared by {@code analyze} and {@code report}. */
final class AnalysisFlags {
  @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Project when memory reaches SIZE (e.g. 16G).")
  String memoryLimit;

  @Option(names = "--warmup", paramLabel = "DURATION", description = "Warm-up to ignore after each start (e.g. 30m); automatic by default.")
  String warmup;

  /** The analysis options; throws IllegalArgumentException (a usage error) on bad values. */
  AnalysisOptions options() {
    AnalysisOptions options = AnalysisOptions.defaults();
    if (memoryLimit != null) {
      options = options.withMemoryLimitKiB(Quantities.sizeKiB(memoryLimit));
    }
    if (warmup != null) {
      options = options.withWarmupMicros(Quantities.durationMicros(warmup));
    }
    return options;
  }
}
