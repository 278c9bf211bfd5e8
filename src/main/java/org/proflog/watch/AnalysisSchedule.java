package org.proflog.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.proflog.analysis.Finding;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/**
 * When one node's detectors must run again while it is followed live, and what they found last.
 *
 * <p>Re-running every detector on every snapshot costs tens of milliseconds per node (the trend
 * statistics are quadratic in up to 300 points per series) and changes nothing a human could act on:
 * a trend over {@code n} snapshots moves little with one more. So a node is analysed again when one
 * of these holds:
 *
 * <ul>
 *   <li><b>urgent</b>: it restarted (a new segment) or began a new file, or one of its gauges left
 *       the envelope seen so far by more than {@link #ENVELOPE_MARGIN} of the envelope's width (a
 *       queue that was always empty now holds entries; memory jumped). Such a change can make a
 *       finding appear at once, so it is analysed in the same tick;
 *   <li><b>due</b>: {@code n / }{@link #RESOLUTION} snapshots arrived since the last analysis of its
 *       {@code n} (at least one), or {@link #MAX_STALE_MICROS} of data time passed, whichever is
 *       first. The statistics work on at most 300 points, so finer steps would not change them;
 *   <li><b>final</b>: the input ended ({@code --once}, shutdown, a resume's replay): every node with
 *       new data is analysed, so the findings then equal an offline analyze of the same bytes.
 * </ul>
 *
 * Counters are not watched for the envelope (they always grow); their detectors look at rates, which
 * the due rule covers. Deterministic: the rules look at snapshot counts and data time, not the clock.
 *
 * <p><b>Damping.</b> A finding that an analysis no longer reports is held open through
 * {@link #HOLD} - 1 more analyses of its node before it counts as cleared, so a finding on the edge
 * of its threshold does not print NEW and CLEARED on every other analysis. A final analysis (the
 * input ended) holds nothing: then the open findings are exactly those of an offline analyze.
 */
final class AnalysisSchedule {
  /** Snapshots of history per snapshot of delay: a node with n snapshots waits for n/100 new ones. */
  static final int RESOLUTION = 100;
  /** The longest a node with new data waits, in data time: 5 minutes. */
  static final long MAX_STALE_MICROS = 5L * 60 * 1_000_000;
  /** How far past the envelope a gauge must go to count as a change (a fraction of its width). */
  static final double ENVELOPE_MARGIN = 0.10;
  /** Analyses in a row a finding must be missing from before it clears (while following). */
  static final int HOLD = 3;

  private long analyzedSnapshots = -1;
  private long analyzedMicros;
  private int analyzedSegments;
  private boolean urgent;
  private boolean moved;
  /** The gauges of the last build (shared with the builder, so they grow) and their envelopes. */
  private MetricKey[] keys = new MetricKey[0];
  private Series[] gauges = new Series[0];
  private double[] low = new double[0];
  private double[] high = new double[0];
  private NodeSeries series;
  private List<Finding> findings = List.of();
  /** Findings held open although missing, by id: how many analyses in a row they were missing. */
  private final Map<String, Integer> misses = new HashMap<>();

  /** Marks the node for analysis in the next tick (a restart, a new file). */
  void urgent() {
    urgent = true;
  }

  /** Not due. */
  static final int IDLE = 0;
  /** Due by the n/100 or five-minute rule. */
  static final int DUE = 1;
  /** A gauge left its envelope. */
  static final int MOVED = 2;
  /** Restarted, or a new file. */
  static final int URGENT = 3;
  /** Never analysed (its history was just read). */
  static final int FIRST = 4;

  /**
   * How urgently the node is to be analysed now ({@link #IDLE} to {@link #FIRST}), given its
   * snapshot count, newest data time and segment count. The envelopes are checked against the latest
   * values of the last build's series, which the builder shares and keeps growing; a gauge that left
   * its envelope keeps the node at {@link #MOVED} until it is analysed.
   */
  int priority(long snapshots, long newestMicros, int segments) {
    if (snapshots == analyzedSnapshots) {
      return IDLE;
    }
    if (analyzedSnapshots < 0) {
      return FIRST;
    }
    if (urgent || segments != analyzedSegments) {
      return URGENT;
    }
    moved |= leftEnvelope();
    if (moved) {
      return MOVED;
    }
    long fresh = snapshots - analyzedSnapshots;
    if (fresh >= Math.max(1, analyzedSnapshots / RESOLUTION)
        || newestMicros - analyzedMicros >= MAX_STALE_MICROS) {
      return DUE;
    }
    return IDLE;
  }

  /** Whether the node is to be analysed now (any priority above {@link #IDLE}). */
  boolean due(long snapshots, long newestMicros, int segments) {
    return priority(snapshots, newestMicros, segments) != IDLE;
  }

  /** How far past its due point the node is: new snapshots over the n/100 it waits for. */
  double overdue(long snapshots) {
    return (snapshots - analyzedSnapshots) / (double) Math.max(1, analyzedSnapshots / RESOLUTION);
  }

  /** Whether there is data the last analysis did not see. */
  boolean behind(long snapshots) {
    return snapshots != analyzedSnapshots;
  }

  /** Whether a gauge of the last build's (live, growing) series went past its envelope. */
  private boolean leftEnvelope() {
    boolean left = false;
    for (int i = 0; i < gauges.length; i++) {
      Series s = gauges[i];
      if (s.isEmpty()) {
        continue;
      }
      double v = s.last();
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(low[i])) {
        low[i] = v;
        high[i] = v;
        continue;
      }
      double margin = ENVELOPE_MARGIN * (high[i] - low[i]);
      if (v > high[i] + margin || v < low[i] - margin) {
        left = true;
      }
      low[i] = Math.min(low[i], v);
      high[i] = Math.max(high[i], v);
    }
    return left;
  }

  /** Takes the gauges of a new build, keeping the envelopes of those seen before. */
  private void track(NodeSeries built) {
    Map<MetricKey, double[]> before = new HashMap<>();
    for (int i = 0; i < gauges.length; i++) {
      before.put(keys[i], new double[] {low[i], high[i]});
    }
    List<MetricKey> k = new ArrayList<>();
    List<Series> g = new ArrayList<>();
    for (Map.Entry<MetricKey, Series> e : built.series().entrySet()) {
      if (e.getKey().metric().kind() == Metric.Kind.GAUGE) {
        k.add(e.getKey());
        g.add(e.getValue());
      }
    }
    keys = k.toArray(new MetricKey[0]);
    gauges = g.toArray(new Series[0]);
    low = new double[gauges.length];
    high = new double[gauges.length];
    for (int i = 0; i < gauges.length; i++) {
      double[] env = before.get(keys[i]);
      low[i] = env == null ? Double.NaN : env[0];
      high[i] = env == null ? Double.NaN : env[1];
    }
  }

  /**
   * Records an analysis of {@code built} (the node's fresh build) and its findings; unless
   * {@code last}, findings of the previous analysis missing now are held (see the class comment).
   */
  void analyzed(NodeSeries built, long newestMicros, List<Finding> found, boolean last) {
    series = built;
    analyzedSnapshots = built.snapshots();
    analyzedMicros = newestMicros;
    analyzedSegments = built.segments().size();
    urgent = false;
    moved = false;
    List<Finding> now = new ArrayList<>(found);
    Set<String> ids = new HashSet<>();
    for (Finding f : found) {
      ids.add(f.id());
      misses.remove(f.id());
    }
    if (!last) {
      for (Finding f : findings) {
        if (!ids.contains(f.id()) && misses.merge(f.id(), 1, Integer::sum) < HOLD) {
          now.add(f);
          continue;
        }
        misses.remove(f.id());
      }
    } else {
      misses.clear();
    }
    findings = List.copyOf(now);
    track(built);
    // widen the envelopes to what this analysis saw last, so a gauge that moved since is caught
    leftEnvelope();
  }

  /** Keeps a fresh build without analysing it (for publishing and the cluster comparison). */
  void rebuilt(NodeSeries built) {
    series = built;
    track(built);
  }

  /** The latest build of the node (its series keep growing), or null before the first. */
  NodeSeries series() {
    return series;
  }

  /** The findings of the last analysis. */
  List<Finding> findings() {
    return findings;
  }
}
