package org.proflog.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.proflog.analysis.AnalysisInput;
import org.proflog.analysis.Finding;
import org.proflog.analysis.StatsMemo;
import org.proflog.series.NodeSeries;

/**
 * When one node's detectors must run again while it is followed live, and what they found last.
 *
 * <p>A node is analysed again as soon as it has a new snapshot, so a finding appears at the snapshot
 * that decides it, as in an offline analysis of the data so far. A node whose new snapshots only
 * folded into its series' open points shows an analysis nothing new ({@link AnalysisInput}) and is
 * not analysed again: its findings would be the same. The rest is affordable because each
 * node keeps a {@link StatsMemo}: a new snapshot changes few of the windows the trend statistics
 * test (a table listed only in expensive snapshots, a point completed in a few series only), so an
 * analysis recomputes only what moved. When the input ended ({@code
 * --once}, shutdown, a resume's replay) every node with new data is analysed once more, holding
 * nothing (see below), so the findings then equal an offline analyze of the same bytes.
 * Deterministic: the rules look at snapshot counts, not the clock.
 *
 * <p><b>Damping.</b> A finding that an analysis no longer reports is held open until it has been
 * missing from {@link #HOLD} analyses in a row and for {@code HOLD * max(1, n / }{@link
 * #RESOLUTION}{@code )} snapshots since the last analysis that reported it, so a finding on the edge
 * of its threshold does not print NEW and CLEARED on every other analysis, however often the node
 * is analysed. A final analysis holds nothing: then the open findings are exactly those of an
 * offline analyze.
 */
final class AnalysisSchedule {
  /** Snapshots of history per snapshot of damping: a node with n snapshots holds for HOLD * n/100. */
  static final int RESOLUTION = 100;
  /** Analyses in a row a finding must be missing from before it clears (while following). */
  static final int HOLD = 3;

  /** The statistics of this node's last analysis, reused by the next where their input is unchanged. */
  private final StatsMemo memo = new StatsMemo();
  private long analyzedSnapshots = -1;
  /** What the last analysis saw, or null before the first. */
  private AnalysisInput input;
  private NodeSeries series;
  private List<Finding> findings = List.of();
  /** Findings held open although missing, by id: since when and from how many analyses in a row. */
  private final Map<String, Miss> misses = new HashMap<>();

  /** A held finding: the snapshot count of the last analysis that reported it, and analyses missing it since. */
  private record Miss(long sinceSnapshots, int analyses) {}

  /** Whether the node is to be analysed now: it has snapshots its last analysis did not see. */
  boolean due(long snapshots) {
    return snapshots != analyzedSnapshots;
  }

  /** Whether there is data the last analysis did not see (the same as {@link #due}). */
  boolean behind(long snapshots) {
    return due(snapshots);
  }

  /**
   * Whether an analysis that sees {@code now} would see the same data as the last one (see {@link
   * AnalysisInput}): its new snapshots only folded into the series' open points. Then {@link
   * #skipped} stands in for the analysis, which would find the same.
   */
  boolean unchanged(AnalysisInput now) {
    return input != null && input.sameAs(now);
  }

  /**
   * Records that {@code built} was not analysed because it showed the last analysis nothing new
   * ({@link #unchanged}): its snapshots count as seen, the findings and their holds stay as they are.
   */
  void skipped(NodeSeries built) {
    series = built;
    analyzedSnapshots = built.snapshots();
  }

  /**
   * Records an analysis of {@code built} (the node's fresh build, whose input was {@code seen}) and its findings; unless
   * {@code last}, findings of the previous analysis missing now are held (see the class comment).
   */
  void analyzed(NodeSeries built, AnalysisInput seen, List<Finding> found, boolean last) {
    long before = Math.max(0, analyzedSnapshots);
    series = built;
    input = seen;
    analyzedSnapshots = built.snapshots();
    List<Finding> now = new ArrayList<>(found);
    Set<String> ids = new HashSet<>();
    for (Finding f : found) {
      ids.add(f.id());
      misses.remove(f.id());
    }
    if (!last) {
      long span = (long) HOLD * Math.max(1, analyzedSnapshots / RESOLUTION);
      for (Finding f : findings) {
        if (ids.contains(f.id())) {
          continue;
        }
        Miss m = misses.get(f.id());
        m = m == null ? new Miss(before, 1) : new Miss(m.sinceSnapshots(), m.analyses() + 1);
        if (m.analyses() < HOLD || analyzedSnapshots - m.sinceSnapshots() < span) {
          misses.put(f.id(), m);
          now.add(f);
          continue;
        }
        misses.remove(f.id());
      }
    } else {
      misses.clear();
    }
    findings = List.copyOf(now);
  }

  /**
   * Ends the holds without a new analysis (the input ended and the last analysis saw all of it): the
   * findings are then those that analysis reported, as a final analysis of the same data would.
   */
  void release() {
    if (misses.isEmpty()) {
      return;
    }
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (!misses.containsKey(f.id())) {
        kept.add(f);
      }
    }
    misses.clear();
    findings = List.copyOf(kept);
  }

  /** Keeps a fresh build without analysing it (for publishing and the cluster comparison). */
  void rebuilt(NodeSeries built) {
    series = built;
  }

  /** The latest build of the node (its series keep growing), or null before the first. */
  NodeSeries series() {
    return series;
  }

  /** This node's memo of statistics, for its next analysis. */
  StatsMemo memo() {
    return memo;
  }

  /** The findings of the last analysis. */
  List<Finding> findings() {
    return findings;
  }
}
