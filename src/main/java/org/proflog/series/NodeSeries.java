package org.proflog.series;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import org.proflog.model.Era;
import org.proflog.model.NodeId;

/**
 * Everything proflog keeps of one node: its series, segments, and what was seen while reading.
 *
 * @param files the files read for this node, in reading order
 * @param snapshots snapshots read; {@code expensiveSnapshots} of them carried the expensive block
 * @param expensiveTimes the times of the expensive snapshots, so that a global with no row at one of
 *     them can be read as "below Zeek's listing threshold" rather than as a gap
 * @param threadNames message threads seen; {@code globalNames} named globals seen (rows or companion)
 * @param unnamedTableRows whether Zeek 5.1+ unnamed table rows were seen (then {@code table.entries}
 *     series are tracked by position, not by name)
 * @param problems lines that could not be parsed; {@code repairedLines} lines rejoined or re-timed
 */
public record NodeSeries(
    NodeId node,
    Era era,
    List<String> files,
    List<Segment> segments,
    SortedMap<MetricKey, Series> series,
    int snapshots,
    int expensiveSnapshots,
    int partialSnapshots,
    long[] expensiveTimes,
    SortedSet<String> threadNames,
    SortedSet<String> globalNames,
    boolean unnamedTableRows,
    long problems,
    long repairedLines) {

  /** The series for a key, or null. */
  public Series get(MetricKey key) {
    return series.get(key);
  }

  /** The series of a metric without labels, or null. */
  public Series get(Metric metric) {
    return series.get(MetricKey.of(metric));
  }

  /**
   * First snapshot time (µs), or 0 when empty. A segment with no timed snapshot (only the
   * {@code 0.000000} startup snapshot, start 0) does not count.
   */
  public long startMicros() {
    return segments.stream().mapToLong(Segment::startMicros).filter(t -> t != 0).min().orElse(0);
  }

  /** Last snapshot time (µs), or 0 when empty. */
  public long endMicros() {
    return segments.isEmpty() ? 0 : segments.stream().mapToLong(Segment::endMicros).max().orElse(0);
  }
}
