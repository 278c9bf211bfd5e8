package org.proflog.series;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

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

  /**
   * {@code fixtures}: the real Zeek fixtures repeated (a restart every few hundred snapshots);
   * {@code simulated}: one long healthy Zeek 3.2.4 standalone run at 1 s snapshots, the input of
   * bench/throughput.sh.
   */
  @Param({"fixtures", "simulated"})
  public String corpus;

  private byte[] data;

  @Setup(Level.Trial)
  public void load() throws IOException {
    data = corpus.equals("fixtures") ? ParserBenchmark.corpus(megabytes) : simulated(megabytes);
  }

  /** A standalone 3.2.4 node's healthy run at one snapshot a second, cut to {@code megabytes} MB. */
  static byte[] simulated(int megabytes) throws IOException {
    int want = megabytes * 1_000_000;
    long seconds = want / 3000L + 3600;
    SimulationSpec spec = SimulationSpec.of(Scenario.HEALTHY, 1, seconds, "3.2.4", 1).withInterval(1);
    byte[] buf = new byte[want];
    int[] len = {0};
    OutputStream capped = new OutputStream() { // keeps the first `want` bytes, drops the rest
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int n) {
        int k = Math.min(n, want - len[0]);
        System.arraycopy(b, off, buf, len[0], k);
        len[0] += k;
      }
    };
    Simulator.writeNode(spec, Simulator.nodeNames(1).get(0), capped);
    int end = len[0];
    while (end > 0 && buf[end - 1] != '\n') {
      end--;
    }
    return Arrays.copyOf(buf, end);
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
