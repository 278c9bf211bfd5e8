package org.proflog.analysis.stats;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Theil-Sen fit with its confidence interval, at the thinning limit (300 points, 44,850
 * pairwise slopes): the detectors' costliest statistic. {@code fit} selects the median and the
 * interval's bounds from the sampled bracket; {@code fitUnbracketed}, the baseline in the same run,
 * selects them from all the slopes. {@code line} is the slope and intercept alone.
 * Run: {@code java -jar target/benchmarks.jar TheilSenBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TheilSenBenchmark {

  /** A noisy gauge with a slow rise, or a step (the shape of a table filled once). */
  @Param({"noisy-rise", "step"})
  public String shape;

  private double[] x;
  private double[] y;

  @Setup
  public void series() {
    Random rnd = new Random(42);
    int n = TheilSen.EXACT_LIMIT;
    x = new double[n];
    y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 12.0;
      y[i] = shape.equals("step") ? (i < n / 3 ? 2_000 : 90_000) + rnd.nextInt(40) : 1e6 + 0.5 * i + rnd.nextGaussian() * 30;
    }
  }

  @Benchmark
  public TheilSen.Result fit() {
    return TheilSen.fit(x, y, 0.95);
  }

  @Benchmark
  public TheilSen.Result fitUnbracketed() {
    return TheilSen.fitUnbracketed(x, y, 0.95);
  }

  @Benchmark
  public TheilSen.Result line() {
    return TheilSen.line(x, y);
  }
}
