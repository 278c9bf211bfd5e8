package org.proflog.series;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.proflog.model.NodeId;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ParserBenchmark;
import org.proflog.parse.ProfLogReader;

/**
 * Parse plus series building, the whole reading path of one node: the same input as
 * {@link ParserBenchmark} through {@link ProfLogReader} into a {@link SeriesBuilder} (with its
 * default point limit, so the larger sizes exercise compaction). The secondary result {@code
 * build:megabytes} is the throughput in MB/s. Run: {@code java -jar target/benchmarks.jar
 * SeriesBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SeriesBenchmark {

  @Param({"64"})
  public int megabytes;

  /** As {@link ParserBenchmark#corpus(String, int)}. */
  @Param({"fixtures", "simulated"})
  public String corpus;

  private byte[] data;

  @Setup(Level.Trial)
  public void load() throws IOException {
    data = ParserBenchmark.corpus(corpus, megabytes);
  }

  /** Counts the megabytes read, which JMH reports as a rate: MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public double megabytes;
  }

  @Benchmark
  public NodeSeries build(Volume volume) throws IOException {
    volume.megabytes += data.length / 1e6;
    SeriesBuilder b = new SeriesBuilder(new NodeId("bench"));
    b.startFile("bench");
    try (ProfLogReader r =
        new ProfLogReader(new ByteArrayInputStream(data), "bench", ParseOptions.defaults())) {
      r.drainTo(b::accept); // the path ClusterLoader takes: no Snapshot objects
      if (r.problemCount() != 0) {
        throw new IllegalStateException("benchmark input produced problems: " + r.problems());
      }
      return b.build(r.era(), r.problemCount(), r.repairedLines());
    }
  }
}
