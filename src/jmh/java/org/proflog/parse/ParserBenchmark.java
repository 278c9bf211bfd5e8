package org.proflog.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.Blackhole;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;

/**
 * Parser throughput on realistic text: the real Zeek 3.2.4 and 6.2.1 fixtures concatenated until
 * the buffer holds {@code megabytes} MB, or the simulated run that bench/throughput.sh reads (see
 * {@link #corpus}). The primary score is whole buffers per second; the
 * secondary result {@code parse:megabytes} is the throughput in MB/s (10^6 bytes per second).
 * {@code parse} pulls Snapshot objects, {@code drain} takes the push form that analyze uses.
 * Run: {@code java -jar target/benchmarks.jar ParserBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ParserBenchmark {

  private static final String[] FIXTURES = {
    "g6-real/live-healthy.prof.log", "g6-real/offline-default.prof.log", "g9-real/offline-default.prof.log"
  };

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
    data = corpus(corpus, megabytes);
  }

  /** The corpus of that name ({@code fixtures} or {@code simulated}, see the parameter). */
  public static byte[] corpus(String name, int megabytes) throws IOException {
    return name.equals("fixtures") ? corpus(megabytes) : simulated(megabytes);
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

  /** The real fixtures concatenated to at least {@code megabytes} MB (shared with other benchmarks). */
  public static byte[] corpus(int megabytes) throws IOException {
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    for (String f : FIXTURES) {
      byte[] b = read(f);
      one.write(b);
      if (b[b.length - 1] != '\n') {
        one.write('\n'); // the unterminated final Comm line gets its separator's newline
      }
    }
    byte[] unit = one.toByteArray();
    long want = (long) megabytes * 1_000_000L;
    ByteArrayOutputStream all = new ByteArrayOutputStream((int) want + unit.length);
    while (all.size() < want) {
      all.write(unit);
    }
    return all.toByteArray();
  }

  private static byte[] read(String name) throws IOException {
    Path local = Path.of("src/test/resources/formats", name);
    if (Files.exists(local)) {
      return Files.readAllBytes(local);
    }
    try (InputStream in = ParserBenchmark.class.getResourceAsStream("/formats/" + name)) {
      if (in == null) {
        throw new IOException("benchmark input not found: " + name + " (run from the repository root)");
      }
      return in.readAllBytes();
    }
  }

  /** Counts the megabytes parsed, which JMH reports as a rate: MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public double megabytes;
  }

  /** The push form ({@link ProfLogReader#drainTo}): the same parse, views instead of Snapshot objects. */
  @Benchmark
  public long drain(Blackhole bh, Volume volume) throws IOException {
    volume.megabytes += data.length / 1e6;
    long[] n = {0};
    try (ProfLogReader r =
        new ProfLogReader(new ByteArrayInputStream(data), "bench", ParseOptions.defaults())) {
      r.drainTo(v -> {
        bh.consume(v.timeMicros());
        n[0]++;
      });
      if (r.problemCount() != 0) {
        throw new IllegalStateException("benchmark input produced problems: " + r.problems());
      }
    }
    return n[0];
  }

  @Benchmark
  public long parse(Blackhole bh, Volume volume) throws IOException {
    volume.megabytes += data.length / 1e6;
    long n = 0;
    try (ProfLogReader r =
        new ProfLogReader(new ByteArrayInputStream(data), "bench", ParseOptions.defaults())) {
      while (r.hasNext()) {
        bh.consume(r.next());
        n++;
      }
      if (r.problemCount() != 0) {
        throw new IllegalStateException("benchmark input produced problems: " + r.problems());
      }
    }
    return n;
  }
}
