package org.proflog.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Worked examples for the Mann-Kendall test, computed by hand from the definitions in Gilbert
 * (1987), "Statistical Methods for Environmental Pollution Monitoring", §16.4 (S, eq. 16.3; Var(S)
 * with ties, eq. 16.4; Z with the continuity correction, eq. 16.5) and Helsel &amp; Hirsch (2002),
 * "Statistical Methods in Water Resources", §8.2; the autocorrelation correction after Hamed &amp; Rao
 * (1998), J. Hydrology 204:182-196, eq. 18.
 */
class MannKendallTest {

  /** Strictly increasing 1..5: S = 10, Var(S) = 5·4·15/18, Z = 9/√16.667 = 2.2045, p ≈ 0.0275. */
  @Test
  void strictlyIncreasingFivePoints() {
    MannKendall.Result r = MannKendall.test(new double[] {1, 2, 3, 4, 5});
    assertThat(r.s()).isEqualTo(10);
    assertThat(r.varS()).isCloseTo(16.6667, within(1e-4));
    assertThat(r.z()).isCloseTo(2.2045, within(1e-4));
    assertThat(r.pTwoSided()).isCloseTo(0.0275, within(1e-4));
    assertThat(r.pIncreasing()).isCloseTo(0.01375, within(1e-4));
    assertThat(r.tau()).isEqualTo(1.0);
  }

  /** With one tie group of two: S = 5, Var(S) = (4·3·13 − 2·1·9)/18 = 7.6667, Z = 4/2.7689. */
  @Test
  void tieCorrection() {
    MannKendall.Result r = MannKendall.test(new double[] {1, 2, 2, 3});
    assertThat(r.s()).isEqualTo(5);
    assertThat(r.varS()).isCloseTo(7.6667, within(1e-4));
    assertThat(r.z()).isCloseTo(1.4446, within(1e-4));
  }

  /** Decreasing series: S = −6 for 4 points; Z = (S+1)/√Var = −5/√8.6667. */
  @Test
  void decreasing() {
    MannKendall.Result r = MannKendall.test(new double[] {9, 7, 4, 1});
    assertThat(r.s()).isEqualTo(-6);
    assertThat(r.z()).isCloseTo(-5 / Math.sqrt(8.6667), within(1e-3));
    assertThat(r.pDecreasing()).isLessThan(0.05);
    assertThat(r.tau()).isEqualTo(-1.0);
  }

  @Test
  void constantSeriesHasNoTrend() {
    MannKendall.Result r = MannKendall.test(new double[] {3, 3, 3, 3, 3});
    assertThat(r.s()).isZero();
    assertThat(r.z()).isZero();
    assertThat(r.pTwoSided()).isEqualTo(1.0);
  }

  /**
   * Hamed &amp; Rao: strongly autocorrelated noise (AR(1), φ = 0.9) inflates the variance several-fold,
   * white noise leaves it near 1.
   */
  @Test
  void hamedRaoInflatesVarianceForAutocorrelatedNoise() {
    SplittableRandom rnd = new SplittableRandom(42);
    int n = 300;
    double[] ar = new double[n];
    double[] white = new double[n];
    double prev = 0;
    for (int i = 0; i < n; i++) {
      double e = rnd.nextDouble() - 0.5;
      prev = 0.9 * prev + e;
      ar[i] = prev;
      white[i] = rnd.nextDouble();
    }
    MannKendall.Result a = MannKendall.testCorrected(ar);
    MannKendall.Result w = MannKendall.testCorrected(white);
    assertThat(a.correction()).isGreaterThan(3);
    assertThat(a.varSUsed()).isCloseTo(a.varS() * a.correction(), within(1e-6));
    assertThat(w.correction()).isBetween(0.5, 1.6);
    // the uncorrected test calls the random walk a trend far more readily
    assertThat(Math.abs(a.z())).isLessThan(Math.abs(MannKendall.test(ar).z()));
  }

  @Test
  void longSeriesAreThinnedToABoundedSize() {
    double[] y = new double[20_000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 7 + i * 0.001;
    }
    MannKendall.Result r = MannKendall.testCorrected(y);
    assertThat(r.n()).isEqualTo(MannKendall.MAX_POINTS);
    assertThat(r.pIncreasing()).isLessThan(0.01);
  }
}
