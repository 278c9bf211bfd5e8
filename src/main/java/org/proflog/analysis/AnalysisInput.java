package org.proflog.analysis;

import java.util.Arrays;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;
import org.proflog.series.WholeChanges;

/**
 * What an analysis of one node can see, told apart cheaply from what the next build of the same
 * node shows, so that a followed node whose new snapshots changed none of it need not be analysed
 * again.
 *
 * <p>The detectors read a series only through {@link Window}s of its whole points, and a whole
 * point changes only when its series is compacted. So an analysis sees something new only when a
 * series gains a whole point, is compacted or appears, when its last whole point stops or starts
 * being the segment's final snapshot (the one {@link Window#withoutShutdown} drops), when a segment
 * begins, or when an expensive snapshot brings the table sizes. {@link #of(NodeSeries)} records
 * exactly those, per series in key order (the reference); {@link #of(NodeSeries, WholeChanges)}
 * tells them from the node's count of whole-point changes in O(1) (what the watcher compares).
 * Two equal inputs analyse to the same findings, except for evidence that
 * counts the snapshots of the running segment (a restart's "snapshots since"), which the next
 * analysis brings up to date.
 */
public final class AnalysisInput {
  private final long[] shape;

  private AnalysisInput(long[] shape) {
    this.shape = shape;
  }

  /** What an analysis of {@code node} would see, as of this build, told from every series (the reference, for tests). */
  static AnalysisInput of(NodeSeries node) {
    long latestEnd = latestEnd(node);
    long[] shape = new long[3 + 2 * node.series().size()];
    shape[0] = node.segments().size();
    shape[1] = node.expensiveSnapshots();
    shape[2] = node.series().size();
    int k = 3;
    for (Series s : node.series().values()) {
      int whole = s.size() - (s.lastOpen() ? 1 : 0);
      boolean atEnd = whole > 0 && s.time(whole - 1) >= latestEnd;
      // points, and compactions and the shutdown cut, in one word each
      shape[k++] = whole;
      shape[k++] = ((long) s.rewrites() << 1) | (atEnd ? 1 : 0);
    }
    return new AnalysisInput(shape);
  }

  /**
   * The same, told from the node's count of changes to whole points instead of from every series:
   * O(1) and free of the series' cache misses. Two equal results mean that no whole point was
   * appended, completed or compacted in between, and that the latest change is as far from the
   * latest snapshot as before (it decides which last points the shutdown cut drops), which implies
   * equal {@link #of(NodeSeries)}; it may tell apart builds that one does not (a compaction that
   * moved nothing), never the reverse.
   */
  public static AnalysisInput of(NodeSeries node, WholeChanges changes) {
    long latestEnd = latestEnd(node);
    return new AnalysisInput(new long[] {node.segments().size(), node.expensiveSnapshots(), node.series().size(),
        changes.count(), changes.lastMicros() >= latestEnd ? 1 : 0});
  }

  /** The end of the node's latest segment: its latest snapshot. */
  private static long latestEnd(NodeSeries node) {
    return node.segments().isEmpty() ? Long.MIN_VALUE : node.segments().get(node.segments().size() - 1).endMicros();
  }

  /** Whether an analysis of either would see the same data. */
  public boolean sameAs(AnalysisInput other) {
    return other != null && Arrays.equals(shape, other.shape);
  }
}
