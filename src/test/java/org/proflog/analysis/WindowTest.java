package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.proflog.series.Metric;
import org.proflog.series.Segment;
import org.proflog.series.Series;

class WindowTest {

  private static Segment segment(int index, long start, long end) {
    return new Segment(index, Segment.Reason.FIRST, start, end, 1, "f", 1, null);
  }

  /**
   * A window cut without the shutdown snapshot straight from the series holds the points of cutting
   * the whole segment and then dropping it: with and without a final snapshot, in every segment,
   * on a compacted series too.
   */
  @Test
  void cutWithoutShutdownEqualsCutThenDropped() {
    Series s = new Series(4, 16, Metric.Kind.GAUGE);
    for (int i = 0; i < 40; i++) {
      s.add(1000L * i, i % 7, i < 12 ? 0 : i < 30 ? 1 : 2);
    }
    for (int seg = 0; seg <= 3; seg++) {
      for (long end : new long[] {0, 11_000, 29_000, 39_000, 50_000}) {
        Segment sg = segment(seg, 0, end);
        Window direct = Window.withoutShutdown(s, seg, sg);
        Window twoSteps = Window.of(s, seg).withoutShutdown(sg);
        assertThat(direct.times()).as("segment %d end %d", seg, end).containsExactly(twoSteps.times());
        assertThat(direct.values()).containsExactly(twoSteps.values());
      }
    }
    assertThat(Window.withoutShutdown(s, 1, segment(1, 0, 29_000)).size())
        .isEqualTo(s.sizeOf(1) - 1);
  }

  @Test
  void windowsHoldOnlyWholePoints() {
    Series s = new Series(4, 8, Metric.Kind.GAUGE);
    for (int i = 0; i < 10; i++) {
      s.add(1000L * i, i, 0); // compacted at the ninth; the tenth opens a point of two
    }
    assertThat(s.lastOpen()).isTrue();
    Window w = Window.of(s, 0);
    assertThat(w.size()).isEqualTo(s.size() - 1);
    assertThat(w.end()).isEqualTo(8000);
    // the open point is left out before the shutdown cut looks at the segment's end
    assertThat(Window.withoutShutdown(s, 0, segment(0, 0, 9000)).end()).isEqualTo(8000);
    s.add(10_000, 3, 0); // completes the point
    assertThat(Window.of(s, 0).end()).isEqualTo(10_000);
    assertThat(Window.of(s, 0).last()).isEqualTo(9);
    assertThat(Window.withoutShutdown(s, 0, segment(0, 0, 10_000)).end()).isEqualTo(8000);
  }

  /** A copy of a window's points: what a view must read like. */
  private static Window copied(Window w) {
    return new Window(w.times().clone(), w.values().clone());
  }

  private static void assertSamePoints(Window view, Window copy, String what) {
    assertThat(view.size()).as(what).isEqualTo(copy.size());
    for (int i = 0; i < copy.size(); i++) {
      assertThat(view.time(i)).as("%s time %d", what, i).isEqualTo(copy.time(i));
      assertThat(view.value(i)).as("%s value %d", what, i).isEqualTo(copy.value(i));
    }
    if (!copy.isEmpty()) {
      assertThat(view.start()).isEqualTo(copy.start());
      assertThat(view.end()).isEqualTo(copy.end());
      assertThat(view.first()).isEqualTo(copy.first());
      assertThat(view.last()).isEqualTo(copy.last());
      assertThat(view.hours()).isEqualTo(copy.hours());
    }
    assertThat(view.allZero()).isEqualTo(copy.allZero());
  }

  /**
   * A window cut from a series reads its points from the series (a view) until its arrays are asked
   * for: every accessor, slice, start time and alignment gives what a copy of the same points gives,
   * in every segment, also where a segment's points lie in several stretches (then it is copied).
   */
  @Test
  void aViewReadsLikeACopyOfItsPoints() {
    Series s = new Series(4, Series.UNBOUNDED, Metric.Kind.GAUGE);
    int[] segs = {0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 0, 0, 3};
    for (int i = 0; i < segs.length; i++) {
      s.add(1000L * i, i == 4 ? 0 : (i * 37) % 11, segs[i]);
    }
    Series load = new Series(4, Series.UNBOUNDED, Metric.Kind.GAUGE);
    for (int i = 0; i < 30; i++) {
      load.add(500L * i + 250, i, segs[Math.min(i / 2, segs.length - 1)]);
    }
    assertThat(s.firstIndexOf(0)).as("segment 0 lies in two stretches").isEqualTo(-1);
    assertThat(s.firstIndexOf(1)).isEqualTo(3);
    assertThat(s.firstIndexOf(7)).isEqualTo(-1);
    for (int seg = 0; seg <= 3; seg++) {
      Window view = Window.of(s, seg);
      Window copy = copied(Window.of(s, seg));
      assertSamePoints(view, copy, "segment " + seg);
      for (int from = 0; from <= copy.size(); from++) {
        for (int to = from; to <= copy.size(); to++) {
          assertSamePoints(view.slice(from, to), copy.slice(from, to), "slice " + from + ".." + to);
        }
      }
      for (long t = -500; t <= 14_000; t += 500) {
        assertSamePoints(view.from(t), copy.from(t), "from " + t);
      }
      Window l = Window.of(load, seg);
      assertThat(view.aligned(l)).containsExactly(copy.aligned(copied(l)));
      assertThat(view.times()).containsExactly(copy.times());
      assertThat(view.values()).containsExactly(copy.values());
    }
  }

  /** Once its arrays were asked for, a window keeps its points while the series folds, grows and compacts. */
  @Test
  void aCopiedOutViewKeepsItsPointsWhenTheSeriesChanges() {
    Series s = new Series(4, 16, Metric.Kind.GAUGE);
    for (int i = 0; i < 10; i++) {
      s.add(1000L * i, i, 0);
    }
    Window w = Window.of(s, 0);
    long[] times = w.times().clone();
    double[] values = w.values().clone();
    for (int i = 10; i < 100; i++) {
      s.add(1000L * i, 1000 - i, 0);
    }
    assertThat(s.compactionFactor()).isGreaterThan(1);
    assertThat(w.times()).containsExactly(times);
    assertThat(w.values()).containsExactly(values);
    assertThat(w.last()).isEqualTo(9);
    assertThat(w.slice(2, 5).values()).containsExactly(2, 3, 4);
  }

  /**
   * With a memo, a window cut in one analysis is the same window in the next while the series still
   * holds its points: across folds into a last point it leaves out, not across a fold into a point
   * it holds, an appended point or a compaction; and it always holds what a fresh cut holds.
   */
  @Test
  void aMemoKeepsAWindowOnlyWhileItsSeriesHoldsItsPoints() {
    Series s = new Series(4, 16, Metric.Kind.GAUGE);
    StatsMemo memo = new StatsMemo();
    long t = 0;
    for (int i = 0; i < 20; i++) {
      s.add(t += 1000, i, 0);
    }
    assertThat(s.compactionFactor()).isEqualTo(2);
    Window[] before = new Window[2];
    int reusedWithout = 0;
    int reusedWhole = 0;
    for (int step = 0; step < 40; step++) {
      Segment seg = segment(0, 1000, t);
      int rewrites = s.rewrites();
      int size = s.size();
      Window[] now = memo.during(() -> new Window[] {Window.withoutShutdown(s, 0, seg), Window.of(s, 0)});
      Window[] fresh = {Window.withoutShutdown(s, 0, seg), Window.of(s, 0)};
      for (int k = 0; k < 2; k++) {
        assertThat(now[k].times()).as("step %d cut %d", step, k).containsExactly(fresh[k].times());
        assertThat(now[k].values()).as("step %d cut %d", step, k).containsExactly(fresh[k].values());
      }
      if (before[0] != null && now[0] == before[0]) {
        reusedWithout++;
      }
      if (before[1] != null && now[1] == before[1]) {
        reusedWhole++;
      }
      before = now;
      s.add(t += 1000, step % 5 == 0 ? 100 + step : 1, 0);
      if (s.rewrites() == rewrites && s.size() == size) {
        // folded into the last point: the cut without it is the same window next time
        Segment next = segment(0, 1000, t);
        Window w = memo.during(() -> Window.withoutShutdown(s, 0, next));
        assertThat(w).isSameAs(before[0]);
        before = new Window[] {w, null};
      }
    }
    assertThat(reusedWithout).isGreaterThan(5);
    assertThat(reusedWhole).as("a fold changes the last point the whole cut holds").isZero();
  }
}
