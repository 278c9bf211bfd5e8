package org.proflog.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

  private static Downsampler.Table spiky(int n, long seed) {
    Random r = new Random(seed);
    long[] t = new long[n];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_000_000L * i + (i > n / 2 ? 7_000_000 : 0); // a gap in the middle
      a[i] = r.nextGaussian();
      b[i] = i % 3 == 0 ? Double.NaN : 100 + i * 0.01;
    }
    a[n / 3] = 1e6; // one spike
    a[2 * n / 3] = -1e6; // one dip
    return new Downsampler.Table(t, new double[][] {a, b});
  }

  @Test
  void smallInputIsKeptAsIs() {
    Downsampler.Table in = spiky(50, 1);
    assertThat(Downsampler.downsample(in, 100)).isSameAs(in);
  }

  @Test
  void keepsFirstLastAndExtremesOfSpikySeries() {
    Downsampler.Table in = spiky(200_000, 2);
    Downsampler.Table out = Downsampler.downsample(in, 1000);
    assertThat(out.rows()).isLessThanOrEqualTo(1000).isGreaterThan(900);
    assertThat(out.times()[0]).isEqualTo(in.times()[0]);
    assertThat(out.times()[out.rows() - 1]).isEqualTo(in.times()[in.rows() - 1]);
    assertThat(out.columns()[0][0]).isEqualTo(in.columns()[0][0]);
    assertThat(out.columns()[0][out.rows() - 1]).isEqualTo(in.columns()[0][in.rows() - 1]);
    double[] a = out.columns()[0];
    assertThat(Arrays.stream(a).max().getAsDouble()).isEqualTo(1e6);
    assertThat(Arrays.stream(a).min().getAsDouble()).isEqualTo(-1e6);
    double[] b = out.columns()[1];
    assertThat(Arrays.stream(b).filter(v -> !Double.isNaN(v)).max().getAsDouble())
        .isEqualTo(Arrays.stream(in.columns()[1]).filter(v -> !Double.isNaN(v)).max().getAsDouble());
  }

  @Test
  void outputTimesAreStrictlyIncreasingAndTakenFromInput() {
    Downsampler.Table in = spiky(30_000, 3);
    Downsampler.Table out = Downsampler.downsample(in, 500);
    for (int i = 1; i < out.rows(); i++) {
      assertThat(out.times()[i]).isGreaterThan(out.times()[i - 1]);
      assertThat(Arrays.binarySearch(in.times(), out.times()[i])).isNotNegative();
    }
  }

  @Property(tries = 60)
  void sizeIsBoundedAndExtremesSurvive(@ForAll @IntRange(min = 1, max = 20_000) int n,
      @ForAll @IntRange(min = 4, max = 3000) int max, @ForAll long seed) {
    Random r = new Random(seed);
    long[] t = new long[n];
    double[] v = new double[n];
    long time = 0;
    for (int i = 0; i < n; i++) {
      time += 1 + r.nextInt(5_000_000);
      t[i] = time;
      v[i] = r.nextDouble() * 1000;
    }
    Downsampler.Table out = Downsampler.downsample(new Downsampler.Table(t, new double[][] {v}), max);
    assertThat(out.rows()).isLessThanOrEqualTo(Math.max(4, max));
    assertThat(Arrays.stream(out.columns()[0]).max().getAsDouble())
        .isEqualTo(Arrays.stream(v).max().getAsDouble());
    assertThat(Arrays.stream(out.columns()[0]).min().getAsDouble())
        .isEqualTo(Arrays.stream(v).min().getAsDouble());
  }
}
