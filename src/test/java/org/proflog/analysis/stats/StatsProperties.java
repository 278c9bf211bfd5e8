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
