package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/** restart: one info per process restart (every segment after the first), with its reason. */
public final class RestartDetector implements Detector {
  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    List<Finding> out = new ArrayList<>();
    List<Segment> segs = node.segments();
    for (int i = 1; i < segs.size(); i++) {
      Segment prev = segs.get(i - 1);
      Segment s = segs.get(i);
      double gapHours = (s.startMicros() - prev.endMicros()) / 3.6e9;
      Evidence ev = new Evidence("segment boundary", prev.endMicros(), s.startMicros(), prev.snapshots(), 0, "",
          Double.NaN, "previous lifetime (h)", (prev.endMicros() - prev.startMicros()) / 3.6e9, prev.snapshots(),
          s.snapshots(), "snapshots",
          Findings.extra("reason", s.reason().text(), "file", s.file() + ":" + s.line(),
              "gap", Findings.hours(Math.max(0, gapHours)),
              "command line", s.commandLine() == null ? "-" : s.commandLine()));
      out.add(Findings.make(FindingKind.RESTART, Severity.INFO, node, "segment " + s.index(), s.index(), ev, null,
          "The process restarted (" + s.reason().text() + "); later segments are analysed separately.",
          "If the restart was not planned, check the crash report / reporter.log around that time."));
    }
    return out;
  }
}
