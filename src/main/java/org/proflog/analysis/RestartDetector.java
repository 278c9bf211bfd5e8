package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;

/** restart: one warning per process restart (every segment after the first), with its reason. */
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
      // a restart mid-run loses state and is often a crash: worth a warning, not a footnote; the
      // latest restart is "process" (the one an operator asks about), earlier ones keep their segment
      String subject = i == segs.size() - 1 ? "process" : "segment " + s.index();
      out.add(Findings.make(FindingKind.RESTART, Severity.WARNING, node, subject, s.index(), ev, null,
          "The process restarted (" + s.reason().text() + "); later segments are analysed separately.",
          "If the restart was not planned, check the crash report / reporter.log around that time."));
    }
    return out;
  }
}
