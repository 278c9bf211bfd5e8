package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** Feeds snapshots one by one, analysing whenever the schedule says so; records the gaps. */
  private static final class Run {
    final SeriesBuilder builder = new SeriesBuilder(new NodeId("worker-1"), Watcher.DEFAULT_MAX_POINTS);
    final AnalysisSchedule schedule = new AnalysisSchedule();
    final List<long[]> analyses = new ArrayList<>(); // {snapshots at analysis, fresh since the previous}
    long newest;
    int count;
    long lastAnalysed;

    Run() {
      builder.startFile("prof.log");
    }

    /** Adds a snapshot; true if it was analysed right away. */
    boolean add(Snapshot s) {
      builder.accept(s);
      count++;
      newest = s.timeMicros();
      if (schedule.due(count, newest, builder.segmentCount())) {
        NodeSeries ns = builder.build(Era.G9, 0, 0);
        analyses.add(new long[] {count, count - lastAnalysed});
        lastAnalysed = count;
        schedule.analyzed(ns, newest, List.of(), false);
        return true;
      }
      return false;
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
  void everySnapshotEarlyThenOneInAHundredthOfTheHistory() {
    Run r = new Run();
    for (int i = 0; i < 5000; i++) {
      r.add(quiet(i, 1, 0));
    }
    // the first 200 snapshots are analysed one by one (n / 100 rounds down to 1)
    assertThat(r.analyses.subList(0, 200)).allSatisfy(a -> assertThat(a[1]).isEqualTo(1));
    // later ones wait for n / 100 new snapshots, never longer
    long previous = 0;
    for (long[] a : r.analyses) {
      assertThat(a[1]).as("analysis at %d", a[0]).isLessThanOrEqualTo(Math.max(1, previous / 100));
      previous = a[0];
    }
    // 5,000 snapshots, about 200 + 100·ln(5000/200) ≈ 520 analyses instead of 5,000
    assertThat(r.analyses).hasSizeBetween(450, 600);
  }

  @Test
  void aNodeWithNewDataWaitsAtMostFiveMinutesOfDataTime() {
    Run r = new Run();
    for (int i = 0; i < 3000; i++) {
      r.add(quiet(i, 60, 0)); // one snapshot a minute: n/100 would be 30 minutes at the end
    }
    long previous = 0;
    for (long[] a : r.analyses) {
      assertThat(a[1]).as("analysis at %d", a[0]).isLessThanOrEqualTo(5);
      previous = a[0];
    }
    assertThat(previous).isGreaterThan(2990);
  }

  @Test
  void aGaugeLeavingItsEnvelopeIsAnalysedAtOnce() {
    // two identical runs of a queue holding 0 or 1 entry; then one of them jumps to 40
    Run calm = new Run();
    Run jump = new Run();
    for (int i = 0; i < 3000; i++) {
      calm.add(quiet(i, 1, i % 2));
      jump.add(quiet(i, 1, i % 2));
    }
    assertThat(calm.add(quiet(3000, 1, 1))).as("inside the envelope: waits for its turn").isFalse();
    assertThat(jump.add(quiet(3000, 1, 40))).as("the queue jumps to 40").isTrue();
    assertThat(jump.add(quiet(3001, 1, 41))).as("41 is within 10 %% of the new envelope's width").isFalse();
  }

  @Test
  void aRestartIsAnalysedAtOnce() {
    Run calm = new Run();
    Run restart = new Run();
    for (int i = 0; i < 3000; i++) {
      calm.add(quiet(i, 1, 0));
      restart.add(quiet(i, 1, 0));
    }
    Snapshot restarted = SnapshotFixtures.at(START + 3000, 0.5)
        .commandLine("/opt/zeek/bin/zeek -i eth0 local")
        .memory(500_000, 0)
        .thread("conn/Log::WRITER_ASCII", 0, 0, 0, 0, 0)
        .build();
    assertThat(calm.add(quiet(3000, 1, 0))).isFalse();
    assertThat(restart.add(restarted)).isTrue();
    assertThat(restart.builder.segmentCount()).isEqualTo(2);
  }

  @Test
  void prioritiesOrderFirstRestartMovedDue() {
    AnalysisSchedule s = new AnalysisSchedule();
    Run r = new Run();
    for (int i = 0; i < 1000; i++) {
      r.builder.accept(quiet(i, 1, 0));
    }
    assertThat(s.priority(1000, 0, 1)).isEqualTo(AnalysisSchedule.FIRST);
    s.analyzed(r.builder.build(Era.G9, 0, 0), 0, List.of(), false);
    assertThat(s.priority(1000, 0, 1)).as("nothing new").isEqualTo(AnalysisSchedule.IDLE);
    assertThat(s.priority(1005, 0, 1)).as("5 of the 10 it waits for").isEqualTo(AnalysisSchedule.IDLE);
    assertThat(s.priority(1010, 0, 1)).isEqualTo(AnalysisSchedule.DUE);
    assertThat(s.overdue(1020)).isEqualTo(2.0);
    assertThat(s.priority(1001, 0, 2)).as("a new segment").isEqualTo(AnalysisSchedule.URGENT);

    r.builder.accept(quiet(1000, 1, 500)); // the queue fills
    assertThat(s.priority(1001, 0, 1)).isEqualTo(AnalysisSchedule.MOVED);
    r.builder.accept(quiet(1001, 1, 500));
    assertThat(s.priority(1002, 0, 1)).as("still not analysed: stays moved").isEqualTo(AnalysisSchedule.MOVED);
    s.analyzed(r.builder.build(Era.G9, 0, 0), 0, List.of(), false);
    assertThat(s.priority(1003, 0, 1)).isEqualTo(AnalysisSchedule.IDLE);
  }

  @Test
  void aMissingFindingIsHeldTwoAnalysesThenCleared() {
    AnalysisSchedule s = new AnalysisSchedule();
    Run r = new Run();
    r.add(quiet(0, 1, 0));
    NodeSeries ns = r.builder.build(Era.G9, 0, 0);
    Finding f = finding();
    s.analyzed(ns, 0, List.of(f), false);
    s.analyzed(ns, 0, List.of(), false);
    assertThat(s.findings()).containsExactly(f);
    s.analyzed(ns, 0, List.of(), false);
    assertThat(s.findings()).containsExactly(f);
    s.analyzed(ns, 0, List.of(), false);
    assertThat(s.findings()).isEmpty();

    // back again resets the count; a final analysis holds nothing
    s.analyzed(ns, 0, List.of(f), false);
    s.analyzed(ns, 0, List.of(), false);
    assertThat(s.findings()).containsExactly(f);
    s.analyzed(ns, 0, List.of(), true);
    assertThat(s.findings()).isEmpty();
  }

  private static Finding finding() {
    Evidence e = new Evidence("test", 0, 1, 2, 1.0, "/h", 0.01, "tau", 0.5, 0, 1, "", Map.of());
    return new Finding(Finding.idOf(FindingKind.QUEUE_BACKLOG, "worker-1", "conn/Log::WRITER_ASCII"),
        FindingKind.QUEUE_BACKLOG, Severity.WARNING, "worker-1", "conn/Log::WRITER_ASCII", 0, 0, 1, e,
        null, "queue grows", "look");
  }
}
