package org.proflog.cli;

import java.util.ArrayList;
import java.util.List;
import org.proflog.parse.ParseOptions;
import org.proflog.series.ClusterLoader;
import org.proflog.series.SeriesBuilder;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputFinder;
import org.proflog.source.NodeFilter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input options every reading command shares: what to read, which nodes, which time range. */
final class InputOptions {
  @Parameters(paramLabel = "PATH", description = "prof.log files, spool directories, archives (.gz), NAME=PATH to name a node, or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--sample", description = "Read the sample cluster bundled with proflog.")
  boolean sample;

  @Option(names = "--node", paramLabel = "GLOB", description = "Only nodes whose name matches (repeatable), e.g. 'worker-*'.")
  List<String> nodes = new ArrayList<>();

  @Option(names = "--since", paramLabel = "TIME", description = "Ignore snapshots before TIME (2024-01-31, '2024-01-31 12:00', epoch seconds; UTC).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Ignore snapshots after TIME.")
  String until;

  @Option(names = "--strict", description = "Stop at the first unreadable line instead of skipping it.")
  boolean strict;

  /** The inputs, node-filtered. */
  DiscoveredInputs discover() {
    if (sample && !paths.isEmpty()) {
      throw new IllegalArgumentException("--sample reads the bundled sample; give no PATH with it");
    }
    DiscoveredInputs found = sample ? SampleInputs.discover() : new InputFinder().find(paths);
    return nodes.isEmpty() ? found : found.filter(NodeFilter.of(nodes));
  }

  /** Loader options from the flags; throws IllegalArgumentException on bad times. */
  ClusterLoader.Options loaderOptions() {
    long s = since == null ? Long.MIN_VALUE : Quantities.timeMicros(since);
    long u = until == null ? Long.MAX_VALUE : Quantities.timeMicros(until);
    if (s > u) {
      throw new IllegalArgumentException("--since " + since + " is after --until " + until);
    }
    ParseOptions p = ParseOptions.defaults().withStrict(strict);
    return new ClusterLoader.Options(p, s, u, Runtime.getRuntime().availableProcessors(), SeriesBuilder.DEFAULT_MAX_POINTS);
  }
}
