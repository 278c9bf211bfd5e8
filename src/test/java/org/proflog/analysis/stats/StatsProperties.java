package org.proflog.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the trend statistics. */
class StatsProperties {

  private static double[] ys(List<Integer> v) {
    return v.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  /**
   * The fit's slope and interval bounds are the order statistics a full sort of the pairwise slopes
   * gives (interpolated), ties and duplicate x included: the selection shortcuts change no value.
   */
  @Property(tries = 300)
  void fitEqualsSortedPairwiseSlopes(
      @ForAll @Size(min = 2, max = 70) List<@IntRange(min = -20, max = 20) Integer> v,
      @ForAll @IntRange(min = 1, max = 3) int xStep,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double confidence) {
    double[] y = ys(v);
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i / xStep) * 0.25; // xStep > 1 repeats x values: pairs with dx = 0 are skipped
    }
    double[] slopes = new double[y.length * y.length];
    int m = 0;
    for (int i = 0; i < y.length; i++) {
      for (int j = i + 1; j < y.length; j++) {
        if (x[j] != x[i]) {
          slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    TheilSen.Result r = TheilSen.fit(x, y, confidence);
    if (m == 0) {
      assertThat(r.slope()).isZero();
      return;
    }
    double[] sorted = java.util.Arrays.copyOf(slopes, m);
    java.util.Arrays.sort(sorted);
    double c = MannKendall.normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(MannKendall.variance(y));
    assertThat(r.slope()).isEqualTo(at(sorted, (m - 1) / 2.0));
    assertThat(r.lower()).isEqualTo(at(sorted, Math.max(0, Math.min(m - 1, (m - c) / 2.0 - 1))));
    assertThat(r.upper()).isEqualTo(at(sorted, Math.max(0, Math.min(m - 1, (m + c) / 2.0))));
    assertThat(TheilSen.slope(x, y)).isEqualTo(r.slope());
    assertThat(TheilSen.line(x, y).intercept()).isEqualTo(r.intercept());
  }

  /**
   * A fit long enough for the sampled bracket of the median (over 4,096 pairwise slopes) on
   * strictly increasing x, the case of every time axis: the slope is the median a full sort of the
   * pairwise slopes gives, and the same as on x given with one repeated value (the general loop).
   */
  /**
   * The sign of the slope told from Kendall's S and the ties is that of the fitted line wherever it
   * tells one: few distinct values (many ties, two middle slopes on both sides of zero), thinned
   * series, tiny and huge magnitudes (left to the fit).
   */
  @Property(tries = 400)
  void slopeSignFromCountsIsTheSignOfTheLine(
      @ForAll @Size(min = 0, max = 420) List<@IntRange(min = -3, max = 3) Integer> v,
      @ForAll @IntRange(min = 0, max = 3) int scale,
      @ForAll @IntRange(min = -2, max = 2) int drift) {
    double[] y = new double[v.size()];
    double unit = new double[] {1, 0.25, 1e-101, 1e7}[scale];
    for (int i = 0; i < y.length; i++) {
      y[i] = (v.get(i) + Math.floor(drift * i / 40.0)) * unit;
    }
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * 0.01 + (i % 3) * 1e-4;
    }
    double[] thinned = MannKendall.thinned(y);
    int sign = TheilSen.slopeSign(thinned, MannKendall.kendallS(thinned));
    double slope = TheilSen.line(x, y).slope();
    if (sign != 0) {
      assertThat(sign > 0).as("slope %s", slope).isEqualTo(slope > 0);
    }
    if (scale == 2 && y.length > 1 && !allZero(y)) {
      assertThat(sign).as("magnitudes below 1e-100 are left to the fit").isZero();
    }
  }

  private static boolean allZero(double[] y) {
    for (double d : y) {
      if (d != 0) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 60)
  void longFitEqualsSortedPairwiseSlopes(
      @ForAll @Size(min = 92, max = 300) List<@IntRange(min = -20, max = 20) Integer> v,
      @ForAll @IntRange(min = 1, max = 1000) int gapMillis) {
    double[] y = ys(v);
    int n = y.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * (gapMillis / 1000.0) + (i % 7) * 1e-4;
    }
    double[] slopes = new double[n * (n - 1) / 2];
    int m = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        slopes[m++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    java.util.Arrays.sort(slopes);
    assertThat(TheilSen.line(x, y).slope()).isEqualTo(at(slopes, (m - 1) / 2.0));
    // one repeated x takes the general loop, which skips that pair only
    double[] x2 = x.clone();
    x2[n - 1] = x2[n - 2];
    double[] y2 = y.clone();
    double[] s2 = new double[m];
    int m2 = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x2[j] != x2[i]) {
          s2[m2++] = (y2[j] - y2[i]) / (x2[j] - x2[i]);
        }
      }
    }
    s2 = java.util.Arrays.copyOf(s2, m2);
    java.util.Arrays.sort(s2);
    assertThat(TheilSen.line(x2, y2).slope()).isEqualTo(at(s2, (m2 - 1) / 2.0));
  }

  /** The lag sums of the Hamed-Rao correction, four lags a pass, equal one loop per lag bit for bit. */
  @Property(tries = 200)
  void lagProductsEqualOneLoopPerLag(@ForAll @Size(min = 4, max = 120) List<@DoubleRange(min = -1e6, max = 1e6) Double> v) {
    double[] c = v.stream().mapToDouble(Double::doubleValue).toArray();
    int n = c.length;
    double[] got = MannKendall.lagProducts(c, n - 3);
    for (int k = 1; k <= n - 3; k++) {
      double expected = 0;
      for (int i = 0; i + k < n; i++) {
        expected += c[i] * c[i + k];
      }
      assertThat(got[k]).as("lag %d of %d", k, n).isEqualTo(expected);
    }
  }

  /**
   * Kendall's S counted by merge sort equals the count over all pairs: few distinct values (many
   * ties), long runs, both zeros and infinities included.
   */
  @Property(tries = 500)
  void kendallSByMergeSortEqualsThePairwiseCount(
      @ForAll @Size(max = 400) List<@IntRange(min = -6, max = 6) Integer> v,
      @ForAll @IntRange(min = 1, max = 1000) int scale) {
    double[] y = new double[v.size()];
    for (int i = 0; i < y.length; i++) {
      int k = v.get(i);
      // the extremes stand for the special values: +-infinity and a negative zero
      y[i] = k == 6 ? Double.POSITIVE_INFINITY : k == -6 ? Double.NEGATIVE_INFINITY : k == -5 ? -0.0 : k * (double) scale;
    }
    assertThat(MannKendall.kendallS(y)).isEqualTo(MannKendall.kendallSPairs(y));
  }

  @Property(tries = 200)
  void kendallSByMergeSortEqualsThePairwiseCountOnDistinctValues(
      @ForAll @Size(max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> v) {
    double[] y = v.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(MannKendall.kendallS(y)).isEqualTo(MannKendall.kendallSPairs(y));
  }

  /** Values with many ties, both zeros, infinities and NaN, from small integers. */
  private static double[] special(List<Integer> v) {
    double[] y = new double[v.size()];
    for (int i = 0; i < y.length; i++) {
      int k = v.get(i);
      y[i] = switch (k) {
        case 6 -> Double.POSITIVE_INFINITY;
        case -6 -> Double.NEGATIVE_INFINITY;
        case -5 -> -0.0;
        case 5 -> Double.NaN;
        default -> k * 1.5;
      };
    }
    return y;
  }

  /** Mid-ranks from the unboxed stable sort equal those of a stable sort of boxed indexes. */
  @Property(tries = 500)
  void ranksEqualThoseOfABoxedStableSort(@ForAll @Size(max = 300) List<@IntRange(min = -6, max = 6) Integer> v) {
    double[] y = special(v);
    Integer[] idx = new Integer[y.length];
    for (int i = 0; i < y.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(y[a], y[b]));
    double[] expected = new double[y.length];
    int i = 0;
    while (i < y.length) {
      int j = i;
      while (j + 1 < y.length && y[idx[j + 1]] == y[idx[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        expected[idx[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    assertThat(Samples.ranks(y)).containsExactly(expected);
  }

  /** Bucket medians equal the medians of copies of the buckets, bit for bit, whatever the bucket size. */
  @Property(tries = 300)
  void bucketMediansEqualMediansOfCopies(
      @ForAll @Size(min = 1, max = 700) List<@IntRange(min = -6, max = 6) Integer> v,
      @ForAll @IntRange(min = 1, max = 400) int max) {
    double[] y = special(v);
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * 0.25;
    }
    double[][] got = Samples.bucketMedians(x, y, max);
    if (y.length <= max) {
      assertThat(got[1]).isSameAs(y);
      return;
    }
    for (int b = 0; b < max; b++) {
      int from = (int) ((long) b * y.length / max);
      int to = (int) ((long) (b + 1) * y.length / max);
      double ey = Samples.median(java.util.Arrays.copyOfRange(y, from, to));
      double ex = Samples.median(java.util.Arrays.copyOfRange(x, from, to));
      assertThat(Double.doubleToRawLongBits(got[1][b])).as("bucket %d", b).isEqualTo(Double.doubleToRawLongBits(ey));
      assertThat(got[0][b]).isEqualTo(ex);
    }
  }

  private static double at(double[] sorted, double pos) {
    int lo = (int) Math.floor(pos);
    if (pos == lo || lo + 1 >= sorted.length) {
      return sorted[lo];
    }
    return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  @Property(tries = 200)
  void slopeIsShiftInvariant(@ForAll @Size(min = 3, max = 60) List<@IntRange(min = -1000, max = 1000) Integer> v,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double c) {
    double[] y = ys(v);
    double[] x = Samples.index(y.length);
    double[] z = y.clone();
    for (int i = 0; i < z.length; i++) {
      z[i] += c;
    }
    assertThat(TheilSen.slope(x, z)).isCloseTo(TheilSen.slope(x, y), within(1e-6));
  }

  @Property(tries = 200)
  void slopeScalesWithY(@ForAll @Size(min = 3, max = 60) List<@IntRange(min = -1000, max = 1000) Integer> v,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double a) {
    double[] y = ys(v);
    double[] x = Samples.index(y.length);
    double[] z = y.clone();
    for (int i = 0; i < z.length; i++) {
      z[i] *= a;
    }
    double s = TheilSen.slope(x, y);
    assertThat(TheilSen.slope(x, z)).isCloseTo(a * s, within(1e-6 * Math.max(1, Math.abs(a * s))));
  }

  @Property(tries = 200)
  void slopeFlipsSignWithY(@ForAll @Size(min = 3, max = 60) List<@IntRange(min = -1000, max = 1000) Integer> v) {
    double[] y = ys(v);
    double[] x = Samples.index(y.length);
    double[] z = y.clone();
    for (int i = 0; i < z.length; i++) {
      z[i] = -z[i];
    }
    assertThat(TheilSen.slope(x, z)).isCloseTo(-TheilSen.slope(x, y), within(1e-9));
  }

  @Property(tries = 200)
  void kendallSIsInvariantUnderMonotoneTransforms(
      @ForAll @Size(min = 2, max = 80) List<@IntRange(min = -50, max = 50) Integer> v) {
    double[] y = ys(v);
    double[] cube = y.clone();
    double[] exp = y.clone();
    for (int i = 0; i < y.length; i++) {
      cube[i] = y[i] * y[i] * y[i];
      exp[i] = Math.exp(y[i] / 10.0);
    }
    double s = MannKendall.test(y).s();
    assertThat(MannKendall.test(cube).s()).isEqualTo(s);
    assertThat(MannKendall.test(exp).s()).isEqualTo(s);
    assertThat(MannKendall.test(y).varS()).isEqualTo(MannKendall.test(cube).varS());
  }

  @Property(tries = 100)
  void confidenceIntervalContainsTheSlope(
      @ForAll @Size(min = 3, max = 60) List<@IntRange(min = -1000, max = 1000) Integer> v) {
    double[] y = ys(v);
    TheilSen.Result r = TheilSen.fit(Samples.index(y.length), y);
    assertThat(r.lower()).isLessThanOrEqualTo(r.slope() + 1e-9);
    assertThat(r.upper()).isGreaterThanOrEqualTo(r.slope() - 1e-9);
  }

  @Property(tries = 100)
  void pValuesAreProbabilities(@ForAll @Size(min = 2, max = 80) List<@IntRange(min = -50, max = 50) Integer> v) {
    MannKendall.Result r = MannKendall.testCorrected(ys(v));
    assertThat(r.pTwoSided()).isBetween(0.0, 1.0);
    assertThat(r.pIncreasing() + r.pDecreasing()).isCloseTo(1.0, within(1e-9));
    assertThat(r.tau()).isBetween(-1.0, 1.0);
  }
}
