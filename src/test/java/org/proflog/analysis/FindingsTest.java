package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FindingsTest {

  private static String expectedNum(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String p = a >= 1000 ? "%,.0f" : a >= 100 || a == Math.rint(a) ? "%.0f" : a >= 1 ? "%.1f" : "%.3g";
    return String.format(Locale.ROOT, p, v);
  }

  private static String expectedPct(double v) {
    double a = Math.abs(v);
    String p = a >= 1000 ? "%,.0f%%" : a >= 100 ? "%.0f%%" : a >= 10 ? "%.1f%%" : "%.2f%%";
    return String.format(Locale.ROOT, p, v);
  }

  /**
   * Numbers are formatted as String.format formats them, the first time and when formatted again
   * (the texts of recent numbers are reused per thread), for values that share a slot of that cache
   * and for one value under several patterns.
   */
  @Test
  void numbersReadAsStringFormatWritesThemEveryTime() {
    SplittableRandom r = new SplittableRandom(5);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      double scale = Math.pow(10, r.nextInt(-6, 9));
      values[i] = switch (i % 7) {
        case 0 -> Math.rint(r.nextDouble() * scale);
        case 1 -> -r.nextDouble() * scale;
        case 2 -> i % 3 == 0 ? -0.0 : 0.0;
        case 3 -> Double.NaN;
        default -> r.nextDouble() * scale;
      };
    }
    for (int round = 0; round < 3; round++) {
      for (double v : values) {
        assertThat(Findings.num(v)).as("num %s", v).isEqualTo(expectedNum(v));
        assertThat(Findings.pct(v)).as("pct %s", v).isEqualTo(expectedPct(v));
      }
    }
    assertThat(Findings.num(0.5)).isEqualTo("0.500");
    assertThat(Findings.pct(0.5)).isEqualTo("0.50%");
    assertThat(Findings.pct(14.23)).isEqualTo("14.2%");
    assertThat(Findings.pct(752)).isEqualTo("752%");
    assertThat(Findings.pct(1419.7)).isEqualTo("1,420%");
    assertThat(Findings.num(7710)).isEqualTo("7,710");
    assertThat(Findings.num(-164004)).isEqualTo("-164,004");
    assertThat(Findings.num(999)).isEqualTo("999");
    assertThat(Findings.hours(0.5)).isEqualTo("30 min");
    assertThat(Findings.hours(0.5 / 60)).isEqualTo("1 min");
    assertThat(Findings.hours(30)).isEqualTo("30.0 h");
    assertThat(Findings.hours(72)).isEqualTo("3.0 days");
  }
}
