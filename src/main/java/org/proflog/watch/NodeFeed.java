package org.proflog.watch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.SnapshotData;
import org.proflog.analysis.AnalysisInput;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;

/**
 * The series of one node, grown snapshot by snapshot from its files in order.
 *
 * <p>One {@link SeriesBuilder} lives as long as the node; no raw snapshot is kept. {@link
 * SeriesBuilder#build} is called at every analysis tick; it shares the growing series and records the
 * open segment as it is at that moment, so a segment that was open at one build, whether closed by a
 * restart before the next keeps its old end and count (even while still open). This class remembers the few snapshots
 * accepted since the previous build (times only) and corrects that segment, so the result equals a
 * one-shot build over the same data.
 */
final class NodeFeed {
  final NodeId node;
  private final SeriesBuilder builder;
  /** The node's files not yet read to their end, oldest first; only the first one is parsed. */
  private final ArrayDeque<FileParse> files = new ArrayDeque<>();
  private final List<String> errors = new ArrayList<>();
  private Era era = Era.UNKNOWN;
  private long finishedProblems;
  private long snapshots;
  private long newestMicros;
  final AnalysisSchedule schedule = new AnalysisSchedule();

  NodeFeed(NodeId node, int maxPoints) {
    this.node = node;
    this.builder = new SeriesBuilder(node, maxPoints);
  }

  /** Queues a file after the ones already queued. */
  void add(FileParse f) {
    files.add(f);
  }

  /**
   * Parses what the node's files were handed, file by file in order, into the series (an older file
   * first takes one more piece of its stream into {@code scratch}); returns how many snapshots.
   */
  int drain(byte[] scratch) {
    long before = snapshots;
    while (!files.isEmpty()) {
      FileParse head = files.peekFirst();
      if (!head.started) {
        builder.startFile(head.name);
        head.started = true;
      }
      head.pump(scratch);
      head.parse(this::accept);
      if (head.era() != Era.UNKNOWN) {
        era = head.era();
      }
      if (!head.isDone()) {
        break;
      }
      files.removeFirst();
      finishedProblems += head.problems();
      if (head.error() != null) {
        errors.add(head.error());
      }
    }
    return (int) (snapshots - before);
  }

  /** Whether an older file of the node still has bytes to pump (catching up on history). */
  boolean historyLeft() {
    for (FileParse f : files) {
      if (f.historyLeft()) {
        return true;
      }
    }
    return false;
  }

  private void accept(SnapshotData s) {
    builder.accept(s);
    snapshots++;
    if (!s.beforeNetworkTime()) {
      newestMicros = Math.max(newestMicros, s.timeMicros());
    }
  }

  long snapshots() {
    return snapshots;
  }

  long newestMicros() {
    return newestMicros;
  }

  /** Segments so far (a restart begins one). */
  int segments() {
    return builder.segmentCount();
  }

  long problems() {
    long p = finishedProblems;
    for (FileParse f : files) {
      p += f.problems();
    }
    return p;
  }

  /** Errors of files that could not be read to their end, once each. */
  List<String> takeErrors() {
    List<String> e = List.copyOf(errors);
    errors.clear();
    return e;
  }

  /** What an analysis of {@code built}, this node's latest build, would see (see {@link AnalysisInput}). */
  AnalysisInput input(NodeSeries built) {
    return AnalysisInput.of(built, builder.wholeChanges());
  }

  /** The series so far (null before the first snapshot). */
  NodeSeries build() {
    if (snapshots == 0) {
      return null;
    }
    return builder.build(era, problems(), 0);
  }

}
