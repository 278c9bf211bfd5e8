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
}
