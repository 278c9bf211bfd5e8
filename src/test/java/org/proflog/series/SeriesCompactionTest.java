package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesCompactionTest {

  @Test
  void staysExactUpToTheLimit() {
    Series s = new Series(4, 16, Metric.Kind.GAUGE);
    for (int i = 0; i < 16; i++) {
      s.add(i, i * 10, 0);
    }
    assertThat(s.size()).isEqualTo(16);
    assertThat(s.compactionFactor()).isEqualTo(1);
    assertThat(s.values()).containsExactly(
        0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150);
  }

  @Test
  void gaugesKeepThePeakOfEachMergedPairAndTheLaterTime() {
    Series s = new Series(4, 8, Metric.Kind.GAUGE);
    double[] v = {5, 1, 9, 2, 3, 7, 4, 6};
    for (int i = 0; i < v.length; i++) {
      s.add(100 + i, v[i], 0);
    }
    s.add(108, 0, 0); // the ninth point compacts
    assertThat(s.compactionFactor()).isEqualTo(2);
    // first point alone; inner (1,9) (2,3) (7,4) merged; last 6 alone, then 0 folded into it
    assertThat(s.times()).containsExactly(100, 102, 104, 106, 108);
    assertThat(s.values()).containsExactly(5, 9, 3, 7, 6);
  }

  @Test
  void countersKeepTheLaterValue() {
    Series s = new Series(4, 8, Metric.Kind.COUNTER);
    for (int i = 0; i < 9; i++) {
      s.add(i, i * 3, 0);
    }
    assertThat(s.compactionFactor()).isEqualTo(2);
    assertThat(s.times()).containsExactly(0, 2, 4, 6, 8);
    assertThat(s.values()).containsExactly(0, 6, 12, 18, 24);
  }

  @Test
  void laterPointsAreFoldedAtTheSameFactor() {
    Series s = new Series(4, 8, Metric.Kind.GAUGE);
    for (int i = 0; i < 9; i++) {
      s.add(i, i, 0);
    }
    int before = s.size(); // the latest point (time 8) already stands for two snapshots
    assertThat(s.last()).isEqualTo(8);
    s.add(9, 1, 0); // so this one starts a new point
    assertThat(s.size()).isEqualTo(before + 1);
    assertThat(s.last()).isEqualTo(1);
    s.add(10, 20, 0); // folded into it: later time, larger value
    assertThat(s.size()).isEqualTo(before + 1);
    assertThat(s.time(s.size() - 1)).isEqualTo(10);
    assertThat(s.last()).isEqualTo(20);
    s.add(11, 3, 0); // full again: a new point
    assertThat(s.size()).isEqualTo(before + 2);
    assertThat(s.last()).isEqualTo(3);
  }

  @Test
  void theLatestPointIsOpenUntilItStandsForTheFactor() {
    Series s = new Series(4, 8, Metric.Kind.GAUGE);
    for (int i = 0; i < 8; i++) {
      s.add(i, i, 0);
      assertThat(s.lastOpen()).as("exact series have no open point").isFalse();
    }
    assertThat(s.wholeSizeOf(0)).isEqualTo(8);
    s.add(8, 8, 0); // compacts to factor 2; the latest point (7) takes 8 and is whole again
    assertThat(s.compactionFactor()).isEqualTo(2);
    assertThat(s.lastOpen()).isFalse();
    int whole = s.size();
    s.add(9, 1, 0); // a new point, standing for one snapshot of two: open
    assertThat(s.lastOpen()).isTrue();
    assertThat(s.size()).isEqualTo(whole + 1);
    assertThat(s.wholeSizeOf(0)).isEqualTo(whole);
    assertThat(s.lastWholeTimeOf(0)).isEqualTo(8);
    assertThat(s.lastTimeOf(0)).isEqualTo(9);
    s.add(10, 0, 0); // folded in: now whole
    assertThat(s.lastOpen()).isFalse();
    assertThat(s.wholeSizeOf(0)).isEqualTo(whole + 1);
    assertThat(s.lastWholeTimeOf(0)).isEqualTo(10);
    assertThat(s.wholeSizeOf(1)).as("another segment has none").isZero();
  }

  @Test
  void aSegmentsFirstPointIsNeverOpen() {
    Series s = new Series(4, 8, Metric.Kind.COUNTER);
    for (int i = 0; i < 12; i++) {
      s.add(i, i, 0);
    }
    s.add(20, 0, 1); // a restart: the new segment's first point stays on its own
    assertThat(s.compactionFactor()).isGreaterThan(1);
    assertThat(s.lastOpen()).isFalse();
    assertThat(s.wholeSizeOf(1)).isEqualTo(1);
    s.add(21, 5, 1); // its second point takes folds
    assertThat(s.lastOpen()).isTrue();
    assertThat(s.wholeSizeOf(1)).isEqualTo(1);
    assertThat(s.lastWholeTimeOf(1)).isEqualTo(20);
    assertThat(s.wholeSizeOf(0)).isEqualTo(s.sizeOf(0));
  }

  @Test
  void neverMergesAcrossSegmentsAndKeepsEachSegmentsFirstAndLastPoint() {
    Series s = new Series(4, 10, Metric.Kind.COUNTER);
    for (int i = 0; i < 5; i++) {
      s.add(i, 100 + i, 0);
    }
    for (int i = 5; i < 10; i++) {
      s.add(i, i - 5, 1);
    }
    s.add(10, 5, 1);
    assertThat(s.compactionFactor()).isEqualTo(2);
    // segment 0: 0 | (1,2) | 3 leftover | 4 last; segment 1: 5 | (6,7) | 8 | 9, then 10 folded in
    assertThat(s.times()).containsExactly(0, 2, 3, 4, 5, 7, 8, 10);
    assertThat(s.segments()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    assertThat(s.segmentOf(3)).isEqualTo(0);
    assertThat(s.segmentOf(4)).isEqualTo(1);
    // a new segment's first point is never folded into the previous one
    s.add(11, 0, 2);
    s.add(12, 1, 2);
    assertThat(s.segments()).endsWith(2, 2);
    assertThat(s.time(s.size() - 2)).isEqualTo(11);
  }

  @Test
  void aLongRunStaysBoundedAndKeepsThePeak() {
    Series s = new Series(16, 64, Metric.Kind.GAUGE);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      s.add(i, i == 54_321 ? 1e9 : i % 7, i < 50_000 ? 0 : 1);
    }
    assertThat(s.size()).isLessThanOrEqualTo(64);
    assertThat(s.compactionFactor()).isGreaterThan(1);
    assertThat(s.values()).contains(1e9);
    assertThat(s.time(0)).isZero();
    assertThat(s.time(s.size() - 1)).isEqualTo(n - 1);
    int[] segs = s.segments();
    int firstOfOne = 0;
    while (segs[firstOfOne] == 0) {
      firstOfOne++;
    }
    assertThat(s.time(firstOfOne)).isEqualTo(50_000);
    assertThat(s.time(firstOfOne - 1)).isEqualTo(49_999);
    long[] t = s.times();
    for (int i = 1; i < t.length; i++) {
      assertThat(t[i]).isGreaterThan(t[i - 1]);
    }
  }

  @Test
  void manyShortSegmentsGrowInsteadOfLosingPoints() {
    Series s = new Series(4, 8, Metric.Kind.GAUGE);
    for (int i = 0; i < 20; i++) {
      s.add(i, i, i); // every point its own segment: nothing may merge
    }
    assertThat(s.size()).isEqualTo(20);
    assertThat(s.segments()).hasSize(20);
    assertThat(s.segmentOf(19)).isEqualTo(19);
  }

  @Test
  void unboundedByDefaultAndRejectsTinyLimits() {
    Series s = new Series();
    for (int i = 0; i < 100_000; i++) {
      s.add(i, i, 0);
    }
    assertThat(s.size()).isEqualTo(100_000);
    assertThat(s.compactionFactor()).isEqualTo(1);
    assertThat(s.maxPoints()).isEqualTo(Series.UNBOUNDED);
    assertThatThrownBy(() -> new Series(4, 2, Metric.Kind.GAUGE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlySegmentKeepsTheResolution() {
    Series s = new Series(4, 8, Metric.Kind.COUNTER);
    for (int i = 0; i < 12; i++) {
      s.add(i, i, i < 6 ? 0 : 1);
    }
    Series one = s.onlySegment(1);
    assertThat(one.compactionFactor()).isEqualTo(s.compactionFactor());
    assertThat(one.segments()).containsOnly(1);
    assertThat(one.time(0)).isEqualTo(6);
  }

  @Test
  void maxOfASegmentReadsOnlyItsPoints() {
    Series s = new Series();
    s.add(1, 3, 0);
    s.add(2, 900, 1);
    s.add(3, -2, 1);
    s.add(4, 5, 0);
    s.add(5, Double.NaN, 2);
    s.add(6, 1, 2);
    assertThat(s.max(0)).isEqualTo(5);
    assertThat(s.max(1)).isEqualTo(900);
    assertThat(s.max(2)).isNaN();
    assertThat(s.max(3)).isEqualTo(Double.NEGATIVE_INFINITY);
  }
}
