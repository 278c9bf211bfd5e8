package org.proflog.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Worked examples for the Theil-Sen slope (Sen 1968, JASA 63:1379-1389) and its rank-based
 * confidence interval as laid out in Gilbert (1987) §16.5 (N' pairwise slopes; C = z·√Var(S);
 * M1 = (N'−C)/2, M2 = (N'+C)/2), computed by hand.
 */
class TheilSenTest {

  /**
   * x = 1..5, y = 1,3,2,5,4: the ten slopes sorted are −1, −1, 1/3, 1/2, 3/4, 1, 1, 4/3, 2, 3, so the
   * median is (3/4 + 1)/2 = 0.875; intercept = median(y − 0.875x) = 0.125. With Var(S) = 16.667,
   * C = 1.96·4.08 = 8.00, M1 ≈ 1, M2 + 1 ≈ 10: the 95 % interval is [−1, 3].
   */
  @Test
  void fivePointExample() {
    TheilSen.Result r = TheilSen.fit(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 5, 4});
    assertThat(r.slope()).isCloseTo(0.875, within(1e-12));
    assertThat(r.intercept()).isCloseTo(0.125, within(1e-12));
    assertThat(r.lower()).isCloseTo(-1, within(1e-2));
    assertThat(r.upper()).isCloseTo(3, within(1e-2));
  }

  /**
   * A 90 % interval on 10 points of y = x with one outlier: the slope ignores the outlier, the
   * interval brackets 1 and is narrower than the 99 % one.
   */
  @Test
  void robustToOutlierAndIntervalWidensWithConfidence() {
    double[] x = Samples.index(10);
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      y[i] = i + (i % 2 == 0 ? 0.1 : -0.1);
    }
    y[7] = 100;
    TheilSen.Result r90 = TheilSen.fit(x, y, 0.90);
    TheilSen.Result r99 = TheilSen.fit(x, y, 0.99);
    assertThat(r90.slope()).isCloseTo(1.0, within(0.1));
    assertThat(r90.lower()).isLessThanOrEqualTo(1.0);
    assertThat(r90.upper()).isGreaterThanOrEqualTo(1.0);
    assertThat(r99.upper() - r99.lower()).isGreaterThanOrEqualTo(r90.upper() - r90.lower());
  }

  @Test
  void longInputIsThinnedAndKeepsTheSlope() {
    int n = 50_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = 3 * i + (i % 13) - 6;
    }
    TheilSen.Result r = TheilSen.fit(x, y);
    assertThat(r.thinned()).isTrue();
    assertThat(r.n()).isEqualTo(TheilSen.EXACT_LIMIT);
    assertThat(r.slope()).isCloseTo(3.0, within(0.01));
  }

  @Test
  void tiedXPairsAreSkipped() {
    TheilSen.Result r = TheilSen.fit(new double[] {1, 1, 2, 2}, new double[] {0, 10, 1, 11});
    // slopes between distinct x only: 1, 11, -9, 1 -> median of {-9, 1, 1, 11} = 1
    assertThat(r.slope()).isEqualTo(1.0);
  }

  /** The median a full sort gives (the mean of the two middle values for an even count). */
  private static double sortedMedian(double[] a, int m) {
    double[] s = java.util.Arrays.copyOf(a, m);
    java.util.Arrays.sort(s);
    int mid = (m - 1) / 2;
    return m % 2 == 1 ? s[mid] : s[mid] + 0.5 * (s[mid + 1] - s[mid]);
  }

  @Test
  void sampledMedianOfLongArraysIsTheSortedMedian() {
    java.util.Random rnd = new java.util.Random(7);
    int[] sizes = {TheilSen.SAMPLED_SELECT - 1, TheilSen.SAMPLED_SELECT, 4097, 10_000, 44_850, 44_851};
    for (int size : sizes) {
      for (int kind = 0; kind < 7; kind++) {
        double[] a = new double[size + 5];
        for (int i = 0; i < size; i++) {
          a[i] = switch (kind) {
            case 0 -> rnd.nextGaussian();
            case 1 -> rnd.nextInt(3) - 1; // few distinct values: long runs of ties
            case 2 -> i; // already sorted
            case 3 -> size - i; // reversed
            case 4 -> i % 50 == 0 ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 1e-300;
            case 5 -> 5.0; // all equal
            default -> rnd.nextDouble() < 0.9 ? 0.0 : rnd.nextGaussian() * 1e9; // mostly flat
          };
        }
        double expected = sortedMedian(a, size);
        double[] copy = java.util.Arrays.copyOf(a, a.length);
        assertThat(TheilSen.median(copy, size)).as("size %d kind %d", size, kind).isEqualTo(expected);
      }
    }
  }

  /** The counts settle the sign of a clear rise, a clear fall and a flat series, and leave a tie on zero to the fit. */
  @Test
  void slopeSignIsToldFromCountsUnlessTheMiddleSlopesStraddleZero() {
    double[] up = {1, 2, 2, 3, 5, 4, 6, 7};
    double[] down = {9, 8, 8, 7, 5, 6, 3, 1};
    double[] flat = {4, 4, 4, 4, 4};
    double[] straddle = {0, 1, 0, 1};
    assertThat(TheilSen.slopeSign(up, MannKendall.kendallS(up))).isEqualTo(1);
    assertThat(TheilSen.slopeSign(down, MannKendall.kendallS(down))).isEqualTo(-1);
    assertThat(TheilSen.slopeSign(flat, MannKendall.kendallS(flat))).isEqualTo(-1);
    assertThat(TheilSen.slopeSign(straddle, MannKendall.kendallS(straddle))).isZero();
    assertThat(TheilSen.line(new double[] {0, 1, 2, 3}, straddle).slope()).isPositive();
    assertThat(TheilSen.slopeSign(new double[] {1, Double.NaN, 3}, 2)).isZero();
  }

  /**
   * The interval's bounds are selected from the sampled bracket of the median when it holds them:
   * the fit must equal the one that selects every order statistic from all the slopes, on noise,
   * trends with outliers, ties and steps, at the sizes where the bracket starts and beyond.
   */
  @Test
  void bracketedIntervalEqualsTheFullSelection() {
    java.util.Random rnd = new java.util.Random(11);
    int[] sizes = {91, 92, 150, 299, 300, 301, 900};
    for (int n : sizes) {
      for (int kind = 0; kind < 8; kind++) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = i * 15.0;
          y[i] = switch (kind) {
            case 0 -> rnd.nextGaussian();
            case 1 -> 0.02 * i + rnd.nextGaussian() * (rnd.nextDouble() < 0.05 ? 50 : 1);
            case 2 -> rnd.nextInt(4); // ties everywhere
            case 3 -> i < n / 2 ? 100 : 900 + rnd.nextInt(3); // a step
            case 4 -> 1e6 + 3 * i + (i % 10 == 0 ? 1e5 : 0); // a sawtooth on a trend
            case 5 -> Math.floor(i / 7.0) * 4096; // a staircase
            case 6 -> i == n / 3 ? Double.NaN : i; // a NaN: no bracket, the full selection
            default -> i == n / 2 ? Double.POSITIVE_INFINITY : -i; // infinite slopes, NaN between them
          };
        }
        TheilSen.Result full = TheilSen.fitUnbracketed(x, y, 0.95);
        TheilSen.Result fast = TheilSen.fit(x, y, 0.95);
        assertThat(fast).as("n %d kind %d", n, kind).isEqualTo(full);
        assertThat(Double.compare(TheilSen.line(x, y).slope(), full.slope())).as("n %d kind %d", n, kind).isZero();
      }
    }
  }

  /**
   * The bracket sampled from pairs drawn directly (the fit's path on an increasing axis) is taken,
   * not only fallen back from: on noise and on a trend it holds the median's and a 95 % interval's
   * positions of all the pairwise slopes.
   */
  @Test
  void pairBracketHoldsTheMedianAndIntervalOfNoiseAndTrends() {
    java.util.Random rnd = new java.util.Random(5);
    for (int n : new int[] {92, 150, 300}) {
      double[] x = new double[n];
      double[] noise = new double[n];
      double[] trend = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i / 240.0;
        noise[i] = rnd.nextGaussian();
        trend[i] = 40 * i + 100 * rnd.nextGaussian();
      }
      int m = n * (n - 1) / 2;
      int mid = (m - 1) / 2;
      int half = (int) (1.96 * Math.sqrt(n * (n - 1) * (2.0 * n + 5) / 18) / 2) + 1;
      for (double[] y : new double[][] {noise, trend}) {
        assertThat(TheilSen.pairBracketHolds(x, y, mid, mid + 1)).as("n %d", n).isTrue();
        assertThat(TheilSen.pairBracketHolds(x, y, mid - half, mid + half)).as("n %d", n).isTrue();
      }
      double[] withNan = noise.clone();
      withNan[n / 2] = Double.NaN;
      assertThat(TheilSen.pairBracketHolds(x, withNan, mid, mid)).isFalse();
    }
  }

  /** The bracket is taken, not only fallen back from: on noise it holds a 95 % interval's positions. */
  @Test
  void bracketHoldsTheIntervalPositionsOfNoise() {
    java.util.Random rnd = new java.util.Random(3);
    int n = 300;
    int m = n * (n - 1) / 2;
    double[] slopes = new double[m];
    for (int i = 0; i < m; i++) {
      slopes[i] = rnd.nextGaussian();
    }
    // the bounds of Sen's interval for 300 points lie about 1,700 positions either side of the median
    int mid = (m - 1) / 2;
    assertThat(TheilSen.bracketHolds(slopes, m, mid - 1_700, mid + 1_700)).isTrue();
  }
}
