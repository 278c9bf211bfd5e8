package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.proflog.analysis.AnalysisInput;
import org.proflog.analysis.Evidence;
import org.proflog.analysis.Finding;
import org.proflog.analysis.FindingKind;
import org.proflog.analysis.Severity;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.Snapshot;
import org.proflog.series.NodeSeries;
import org.proflog.series.SeriesBuilder;
import org.proflog.series.SnapshotFixtures;
import org.junit.jupiter.api.Test;

class AnalysisScheduleTest {
  private static final double START = 1_700_000_000;

  /** Feeds snapshots one by one, analysing whenever the schedule says so. */
  private static final class Run {
    final SeriesBuilder builder = new SeriesBuilder(new NodeId("worker-1"), Watcher.DEFAULT_MAX_POINTS);
    final AnalysisSchedule schedule = new AnalysisSchedule();
    int count;

    Run() {
      builder.startFile("prof.log");
    }

    /** Adds a snapshot; true if it was analysed right away (reporting {@code found}). */
    boolean add(Snapshot s, List<Finding> found) {
      builder.accept(s);
      count++;
      if (schedule.due(count)) {
        NodeSeries built = builder.build(Era.G9, 0, 0);
        schedule.analyzed(built, AnalysisInput.of(built, builder.wholeChanges()), found, false);
        return true;
      }
      return false;
    }

    boolean add(Snapshot s) {
      return add(s, List.of());
    }
  }

  private static Snapshot quiet(int i, double interval, long pending) {
    return SnapshotFixtures.at(START + i * interval, 10 + i * interval)
        .memory(500_000, 0)
        .conns(5L * i)
        .thread("conn/Log::WRITER_ASCII", 0, 10L * i, 10L * i, pending, 0)
        .build();
  }

  @Test
  void everyNewSnapshotIsAnalysed() {
    Run r = new Run();
    for (int i = 0; i < 3000; i++) {
      assertThat(r.add(quiet(i, 1, i % 7 == 0 ? 40 : 0))).as("snapshot %d", i).isTrue();
    }
    assertThat(r.schedule.due(3000)).as("nothing new").isFalse();
    assertThat(r.schedule.due(3001)).isTrue();
  }

  @Test
  void aMissingFindingIsHeldTwoAnalysesThenCleared() {
    Run r = new Run();
    Finding f = finding();
    r.add(quiet(0, 1, 0), List.of(f));
    r.add(quiet(1, 1, 0));
    assertThat(r.schedule.findings()).containsExactly(f);
    r.add(quiet(2, 1, 0));
    assertThat(r.schedule.findings()).containsExactly(f);
    r.add(quiet(3, 1, 0));
    assertThat(r.schedule.findings()).isEmpty();

    // back again resets the count; a final analysis holds nothing
    r.add(quiet(4, 1, 0), List.of(f));
    r.add(quiet(5, 1, 0));
    assertThat(r.schedule.findings()).containsExactly(f);
    r.builder.accept(quiet(6, 1, 0));
    NodeSeries last = r.builder.build(Era.G9, 0, 0);
    r.schedule.analyzed(last, AnalysisInput.of(last, r.builder.wholeChanges()), List.of(), true);
    assertThat(r.schedule.findings()).isEmpty();
  }

  @Test
  void theHoldLastsThreeHundredthsOfTheHistoryHoweverOftenTheNodeIsAnalysed() {
    Run r = new Run();
    for (int i = 0; i < 1999; i++) {
      r.add(quiet(i, 1, 0));
    }
    Finding f = finding();
    r.add(quiet(1999, 1, 0), List.of(f)); // reported at 2,000 snapshots: held for 3 * 20
    for (int i = 2000; i < 2059; i++) {
      r.add(quiet(i, 1, 0));
      assertThat(r.schedule.findings()).as("snapshot %d", i + 1).containsExactly(f);
    }
    r.add(quiet(2059, 1, 0));
    assertThat(r.schedule.findings()).isEmpty();
  }

  @Test
  void releaseEndsTheHoldsWithoutAnAnalysis() {
    Run r = new Run();
    Finding f = finding();
    r.add(quiet(0, 1, 0), List.of(f));
    r.add(quiet(1, 1, 0));
    assertThat(r.schedule.findings()).containsExactly(f);
    assertThat(r.schedule.due(2)).isFalse();
    r.schedule.release();
    assertThat(r.schedule.findings()).isEmpty();
  }

  private static Finding finding() {
    Evidence e = new Evidence("test", 0, 1, 2, 1.0, "/h", 0.01, "tau", 0.5, 0, 1, "", Map.of());
    return new Finding(Finding.idOf(FindingKind.QUEUE_BACKLOG, "worker-1", "conn/Log::WRITER_ASCII"),
        FindingKind.QUEUE_BACKLOG, Severity.WARNING, "worker-1", "conn/Log::WRITER_ASCII", 0, 0, 1, e,
        null, "queue grows", "look");
  }
}
