package org.proflog.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.proflog.series.NodeSeries;

/**
 * Runs every detector over every node and the cluster-level comparison, and returns the findings
 * in a stable order: severity (most urgent first), node, kind, subject. Nodes are analysed in
 * parallel; the result does not depend on it. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Finding> f = new Analyzer(AnalysisOptions.defaults().withMemoryLimitKiB(16 << 20)).analyze(nodes);
 * }</pre>
 */
public final class Analyzer {
  /** The per-node detectors, in the order they run. */
  public static List<Detector> defaultDetectors() {
    return List.of(new RestartDetector(), new MemoryGrowthDetector(), new StateGrowthDetector(),
        new QueueBacklogDetector(), new TimerLagDetector(), new TimerGrowthDetector(),
        new ConnectionStateDetector(), new DnsDetector(), new TriggersDetector(), new CommDetector());
  }

  /** Order of findings in every output. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::node)
      .thenComparing(f -> f.kind().id())
      .thenComparing(Finding::subject)
      .thenComparing(Finding::segment);

  private final AnalysisOptions options;
  private final List<Detector> detectors;
  private final ZeekGlobals globals;

  public Analyzer(AnalysisOptions options) {
    this(options, defaultDetectors(), ZeekGlobals.bundled());
  }

  public Analyzer(AnalysisOptions options, List<Detector> detectors, ZeekGlobals globals) {
    this.options = options;
    this.detectors = List.copyOf(detectors);
    this.globals = globals;
  }

  public AnalysisOptions options() {
    return options;
  }

  /** All findings for the nodes, sorted by {@link #ORDER}. */
  public List<Finding> analyze(List<NodeSeries> nodes) {
    AnalysisContext ctx = new AnalysisContext(options, globals, nodes);
    // nodes are independent; the final sort makes the output order independent of scheduling
    List<Finding> out = new ArrayList<>(nodes.parallelStream()
        .flatMap(n -> analyzeNode(n, ctx).stream())
        .toList());
    out.addAll(new ClusterOutlierDetector().detect(nodes, options));
    out.sort(ORDER);
    return out;
  }

  /** The findings of one node (unsorted), e.g. for incremental use. */
  public List<Finding> analyzeNode(NodeSeries node, AnalysisContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Detector d : detectors) {
      out.addAll(d.detect(node, ctx));
    }
    return out;
  }

  /**
   * The findings of one node (unsorted), reusing the statistics of its previous analysis through
   * {@code memo} where their input did not change: the same findings as {@link
   * #analyzeNode(NodeSeries, AnalysisContext)}, for a fraction of the work when the node is
   * analysed again after a few more snapshots. One memo per node; not for concurrent use.
   */
  public List<Finding> analyzeNode(NodeSeries node, AnalysisContext ctx, StatsMemo memo) {
    return memo.during(() -> analyzeNode(node, ctx));
  }
}
