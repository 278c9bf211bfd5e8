package org.proflog.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.FindingKind;
import org.proflog.analysis.Projection;
import org.proflog.analysis.Severity;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/** Small hand-made nodes and findings for renderer tests. */
final class RenderFixtures {
  static final long T0 = 1_700_000_000_000_000L;

  private RenderFixtures() {}

  static NodeSeries node(String name, String thread) {
    TreeMap<MetricKey, Series> m = new TreeMap<>();
    Series mem = new Series();
    Series pend = new Series();
    for (int i = 0; i < 4; i++) {
      mem.add(T0 + i * 15_000_000L, 1000 + i * 10, 0);
      pend.add(T0 + i * 15_000_000L, i, 0);
    }
    m.put(MetricKey.of(Metric.MEMORY_TOTAL), mem);
    m.put(MetricKey.of(Metric.THREAD_PENDING_IN, "thread", thread), pend);
    Segment seg = new Segment(0, Segment.Reason.FIRST, T0, T0 + 45_000_000L, 4, "spool/" + name + "/prof.log", 1, "/opt/zeek/bin/zeek -p " + name);
    return new NodeSeries(new NodeId(name), Era.G6, List.of("spool/" + name + "/prof.log"), List.of(seg), m, 4, 1, 0,
        new long[] {T0 + 30_000_000L}, new TreeSet<>(List.of(thread)), new TreeSet<>(List.of("Known::hosts")), false, 0, 0);
  }

  static Finding finding(String node, Severity sev, String subject) {
    Evidence e = new Evidence("Theil-Sen + Mann-Kendall", T0, T0 + 45_000_000L, 4, 2400, "KiB/h", 0.0004, "tau", 0.97,
        1000, 1030, "KiB", Map.of("expiry", "none"));
    return new Finding(Finding.idOf(FindingKind.MEMORY_GROWTH, node, subject), FindingKind.MEMORY_GROWTH, sev, node, subject, 0,
        T0, T0 + 45_000_000L, e, new Projection(16 * 1024 * 1024, "KiB", T0 + 3_600_000_000L * 30, 30),
        "Peak memory keeps setting new highs at flat load, which a healthy process does not do after warm-up.",
        "Compare the growing globals and check for tables without &create_expire.");
  }
}
