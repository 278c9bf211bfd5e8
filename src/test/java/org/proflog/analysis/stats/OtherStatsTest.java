package org.proflog.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Envelope, peak statistics, warm-up, change points and relations on cases with known answers. */
class OtherStatsTest {

  @Test
  void lowerEnvelopeIsTrailingMinimum() {
    double[] v = {5, 3, 4, 8, 1, 2, 9};
    assertThat(Envelope.lower(v, 3)).containsExactly(5, 3, 3, 3, 1, 1, 1);
    assertThat(Envelope.upper(v, 2)).containsExactly(5, 5, 4, 8, 8, 2, 9);
    assertThat(Envelope.blockMinima(v, 3)).containsExactly(3, 1, 9);
  }

  @Test
  void peakStatsOfPlateauAndOfSteadyClimb() {
    long[] t = new long[8];
    for (int i = 0; i < 8; i++) {
      t[i] = i * 900_000_000L; // 15 min
    }
    double[] plateau = {10, 20, 30, 40, 40, 40, 40, 40};
    PeakStats p = PeakStats.of(t, plateau, 0, 8, 0);
    assertThat(p.newPeaks()).isEqualTo(3);
    assertThat(p.lastPeakFraction()).isCloseTo(3 / 7.0, within(1e-9));
    double[] climb = {10, 11, 12, 13, 14, 15, 16, 17};
    PeakStats c = PeakStats.of(t, climb, 2, 8, 0);
    // peaks at 3..7 after the window start at 2 (12 is not above the max 11 + 0? it is: 12 > 11)
    assertThat(c.newPeaks()).isEqualTo(6);
    assertThat(c.lastPeakFraction()).isEqualTo(1.0);
    assertThat(c.regularity()).isEqualTo(1.0);
    assertThat(c.growth()).isEqualTo(6);
    assertThat(c.peaksPerHour()).isCloseTo(6 / 1.25, within(1e-9));
  }

  @Test
  void warmUpFindsTheKnee() {
    int n = 200;
    double[] x = Samples.index(n);
    double[] y = new double[n];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      y[i] = (i < 50 ? 10.0 * i : 500) + r.nextDouble();
    }
    WarmUp.Result w = WarmUp.detect(x, y, 5, 3, 0.8);
    assertThat(w.index()).isBetween(48, 52);
    assertThat(w.slopeBefore()).isCloseTo(10, within(0.5));
  }

  @Test
  void noKneeInAStraightLine() {
    double[] x = Samples.index(100);
    double[] y = x.clone();
    assertThat(WarmUp.detect(x, y, 5, 3, 0.8).index()).isZero();
  }

  @Test
  void changePointsFindMeanShifts() {
    double[] y = new double[300];
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < y.length; i++) {
      y[i] = (i < 100 ? 0 : i < 200 ? 10 : 3) + r.nextDouble() - 0.5;
    }
    List<Integer> cp = ChangePoints.meanShifts(y, 5, 5, 3);
    assertThat(cp).hasSize(2);
    assertThat(cp.get(0)).isBetween(98, 102);
    assertThat(cp.get(1)).isBetween(198, 202);
    double[] flat = new double[300];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = r.nextDouble();
    }
    assertThat(ChangePoints.meanShifts(flat, 5, 5, 3)).isEmpty();
  }

  /** y = 2x + 1 exactly: Spearman 1, slope 2, R² 1; y = −x: Spearman −1. */
  @Test
  void relationOfExactLines() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {3, 5, 7, 9, 11, 13};
    Relation r = Relation.of(x, y);
    assertThat(r.spearman()).isCloseTo(1, within(1e-12));
    assertThat(r.slope()).isCloseTo(2, within(1e-12));
    assertThat(r.intercept()).isCloseTo(1, within(1e-12));
    assertThat(r.r2()).isCloseTo(1, within(1e-12));
    assertThat(Relation.spearman(x, new double[] {6, 5, 4, 3, 2, 1})).isCloseTo(-1, within(1e-12));
  }

  /** A relation given its Spearman (taken first by the caller) equals the one that takes it itself. */
  @Test
  void relationWithItsSpearmanGivenEqualsTheRelation() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int round = 0; round < 50; round++) {
      int n = 3 + r.nextInt(200);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextInt(40);
        y[i] = 0.5 * x[i] + r.nextInt(10);
      }
      assertThat(Relation.of(x, y, Relation.spearman(x, y))).isEqualTo(Relation.of(x, y));
    }
    assertThat(Relation.of(new double[] {1, 2}, new double[] {1, 2}, 0.5).spearman()).isNaN();
  }

  /** Spearman with ties (mid-ranks): x = 1,2,3,4; y = 1,2,2,3 → ranks 1,2.5,2.5,4 → ρ = 0.9487. */
  @Test
  void spearmanWithTies() {
    assertThat(Relation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 2, 2, 3}))
        .isCloseTo(0.9487, within(1e-4));
  }

  @Test
  void ratesPerHour() {
    assertThat(Rates.perHour(100, 400, 0, 1_800_000_000L)).isEqualTo(600);
    assertThat(Rates.perDay(2)).isEqualTo(48);
  }
}
