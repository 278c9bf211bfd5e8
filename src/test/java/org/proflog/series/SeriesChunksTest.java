package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Series longer than one storage chunk ({@value Series#CHUNK_POINTS} points): every reader sees the
 * points a flat list of the same rule holds, across chunk boundaries, after compactions that drop
 * chunks, and after compactions that cannot free anything and grow instead.
 */
class SeriesChunksTest {
  private static final long T0 = 1_700_000_000_000_000L;

  /** The documented rule (see {@link Series}) on a flat list: the oracle. */
  static final class FlatModel {
    final List<long[]> points = new ArrayList<>(); // {time, value bits, segment}
    final boolean counter;
    final int maxPoints;
    int limit;
    int factor = 1;
    int lastFill;
    boolean lastFoldable;
    int lastSegment = Integer.MIN_VALUE;

    FlatModel(int maxPoints, boolean counter) {
      this.maxPoints = maxPoints;
      this.limit = maxPoints;
      this.counter = counter;
    }

    void add(long t, double v, int seg) {
      int n = points.size();
      if (lastFill < factor && lastFoldable && lastSegment == seg) {
        long[] last = points.get(n - 1);
        double merged = counter ? v : Math.max(Double.longBitsToDouble(last[1]), v);
        points.set(n - 1, new long[] {t, Double.doubleToRawLongBits(merged), seg});
        lastFill++;
        return;
      }
      if (n == limit) {
        compact();
        add(t, v, seg);
        return;
      }
      boolean first = seg != lastSegment || n == 0;
      points.add(new long[] {t, Double.doubleToRawLongBits(v), seg});
      lastSegment = seg;
      lastFill = 1;
      lastFoldable = !first;
    }

    private void compact() {
      List<long[]> out = new ArrayList<>();
      int a = 0;
      while (a < points.size()) {
        int b = a;
        while (b < points.size() && points.get(b)[2] == points.get(a)[2]) {
          b++;
        }
        out.add(points.get(a));
        int j = a + 1;
        for (; j + 1 <= b - 2; j += 2) {
          long[] p = points.get(j);
          long[] q = points.get(j + 1);
          double v = counter ? Double.longBitsToDouble(q[1])
              : Math.max(Double.longBitsToDouble(p[1]), Double.longBitsToDouble(q[1]));
          out.add(new long[] {q[0], Double.doubleToRawLongBits(v), q[2]});
        }
        for (; j < b; j++) {
          out.add(points.get(j));
        }
        a = b;
      }
      boolean freed = out.size() < points.size();
      points.clear();
      points.addAll(out);
      factor *= 2;
      int n = points.size();
      lastFoldable = n > 1 && points.get(n - 2)[2] == points.get(n - 1)[2];
      if (!freed) {
        limit = 2 * n;
      }
    }
  }

  private static void assertSame(Series s, FlatModel m, SplittableRandom rnd) {
    int n = m.points.size();
    assertThat(s.size()).isEqualTo(n);
    assertThat(s.compactionFactor()).isEqualTo(m.factor);
    int[] segs = s.segments();
    for (int i = 0; i < n; i++) {
      long[] p = m.points.get(i);
      assertThat(s.time(i)).as("time %d", i).isEqualTo(p[0]);
      assertThat(Double.doubleToRawLongBits(s.value(i))).as("value %d", i).isEqualTo(p[1]);
      assertThat(segs[i]).as("segment %d", i).isEqualTo((int) p[2]);
    }
    for (int k = 0; k < 50 && n > 0; k++) {
      int from = rnd.nextInt(n);
      int len = rnd.nextInt(n - from) + 1;
      long[] t = new long[len];
      double[] v = new double[len];
      s.copyRange(from, t, v);
      for (int i = 0; i < len; i++) {
        assertThat(t[i]).isEqualTo(m.points.get(from + i)[0]);
        assertThat(Double.doubleToRawLongBits(v[i])).isEqualTo(m.points.get(from + i)[1]);
      }
    }
    if (n > 0) {
      assertThat(s.last()).isEqualTo(Double.longBitsToDouble(m.points.get(n - 1)[1]));
    }
  }

  private static void feed(int maxPoints, boolean counter, int adds, int meanSegmentLength, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Series s = new Series(4, maxPoints, counter ? Metric.Kind.COUNTER : Metric.Kind.GAUGE);
    FlatModel m = new FlatModel(maxPoints, counter);
    int seg = 0;
    double value = 0;
    for (int i = 0; i < adds; i++) {
      if (rnd.nextInt(meanSegmentLength) == 0) {
        seg++;
        value = 0;
      }
      value = counter ? value + rnd.nextInt(100) : rnd.nextInt(1_000_000);
      long t = T0 + i * 1_000_000L;
      s.add(t, value, seg);
      m.add(t, value, seg);
      if (i % 997 == 0) {
        assertSame(s, m, rnd);
      }
    }
    assertSame(s, m, rnd);
  }

  @Test
  void anUnboundedSeriesReadsBackEveryPointAcrossChunks() {
    feed(Series.UNBOUNDED, false, 10 * Series.CHUNK_POINTS + 17, 3000, 1);
  }

  @Test
  void compactionsAcrossChunksFollowTheRule() {
    // a limit that is not a multiple of the chunk: the last chunk is used in part
    feed(1000, false, 40_000, 5000, 2);
    feed(1000, true, 40_000, 5000, 3);
    feed(3 * Series.CHUNK_POINTS, false, 20_000, 20_000, 4);
  }

  @Test
  void compactionsThatFreeNothingGrowAcrossChunks() {
    // a restart every two points: no run has inner points to merge
    feed(200, true, 3000, 2, 5);
  }
}
