package org.proflog.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
import org.proflog.render.RunSummary;
import org.proflog.render.html.HtmlReport;
import org.proflog.render.html.ReportData;
import org.proflog.series.ClusterLoader;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;

/** The analysis half shared by {@code analyze} and {@code report}: detectors, then a summary. */
final class Analysis {
  private Analysis() {}

  static RunSummary run(ClusterLoader.Result loaded, AnalysisOptions options) {
    List<Finding> findings = new Analyzer(options).analyze(loaded.nodes());
    return new RunSummary(loaded.nodes(), findings, loaded.problems(), loaded.problemCount(), checks(loaded.nodes()));
  }

  /** What the detectors looked at, in words, so that a healthy answer says what it covers. */
  static List<String> checks(List<NodeSeries> nodes) {
    int threads = 0;
    int globals = 0;
    int unnamed = 0;
    boolean malloced = false;
    boolean comm = false;
    for (NodeSeries n : nodes) {
      threads += n.threadNames().size();
      globals += n.globalNames().size();
      for (MetricKey k : n.series().keySet()) {
        if (k.metric() == Metric.TABLE_ENTRIES) {
          unnamed++;
        }
        malloced |= k.metric() == Metric.MEMORY_MALLOCED;
        comm |= k.metric() == Metric.COMM_PEERS;
      }
    }
    List<String> c = new ArrayList<>();
    c.add("memory growth on " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes") + (malloced ? " (peak RSS and heap)" : " (peak RSS)"));
    c.add("script state: " + globals + " named globals" + (unnamed > 0 ? ", " + unnamed + " unnamed tables" : "") + ", table totals");
    c.add(threads + " message queue" + (threads == 1 ? "" : "s"));
    c.add("timers and lag, connections, DNS, triggers" + (comm ? ", Broker peers" : ""));
    c.add("restarts and cluster outliers");
    return c;
  }

  static void writeHtml(RunSummary run, Writer w) throws IOException {
    Map<String, String> notes = new TreeMap<>();
    for (NodeSeries n : run.nodes()) {
      // The report shows the era itself; the note says where the data came from.
      notes.put(n.node().name(), String.join(", ", n.files()));
    }
    HtmlReport.write(new ReportData("proflog report", System.currentTimeMillis() * 1000, run.nodes(), run.findings(), notes), w);
  }
}
