package org.proflog.series;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.proflog.model.Era;
import org.proflog.model.NodeId;
import org.proflog.model.ParseProblem;
import org.proflog.parse.ParseException;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputSource;

/**
 * Reads every node of a cluster into series: each node's files in order, through the parser, into
 * a {@link SeriesBuilder}. Nodes are read in parallel (one task per node, as many threads as
 * cores), so a cluster is read about as fast as its largest node. Problems never stop the load:
 * unreadable lines are counted per node, and an input that cannot be read at all becomes an
 * error line in {@link Result#errors()}; only strict mode stops, at the first problem.
 */
public final class ClusterLoader {

  /**
   * How to load.
   *
   * @param sinceMicros keep snapshots at or after this time ({@link Long#MIN_VALUE} for all)
   * @param untilMicros keep snapshots at or before this time ({@link Long#MAX_VALUE} for all)
   * @param threads parallel readers (at least 1)
   * @param maxPoints points a series keeps before it is compacted ({@link Series#UNBOUNDED}: never,
   *     for exports that must give back every value)
   */
  public record Options(ParseOptions parse, long sinceMicros, long untilMicros, int threads, int maxPoints) {
    /** Everything, default parsing, one thread per core, series bounded for analysis. */
    public static Options defaults() {
      return new Options(ParseOptions.defaults(), Long.MIN_VALUE, Long.MAX_VALUE,
          Runtime.getRuntime().availableProcessors(), SeriesBuilder.DEFAULT_MAX_POINTS);
    }

    /** A copy that reads with {@code n} threads. */
    public Options withThreads(int n) {
      return new Options(parse, sinceMicros, untilMicros, n, maxPoints);
    }

    /** A copy that keeps at most {@code points} points per series. */
    public Options withMaxPoints(int points) {
      return new Options(parse, sinceMicros, untilMicros, threads, points);
    }
  }

  /**
   * What was loaded.
   *
   * @param nodes the nodes with at least one snapshot, sorted by name
   * @param problems the first unreadable lines (at most {@link ParseOptions#maxProblemsKept()} per file)
   * @param problemCount all unreadable lines
   * @param errors inputs that could not be read at all, one line each ({@code name: message})
   */
  public record Result(List<NodeSeries> nodes, List<ParseProblem> problems, long problemCount, List<String> errors) {}

  private ClusterLoader() {}

  /** Loads all nodes of {@code inputs}. Throws {@link ParseException} only in strict mode. */
  public static Result load(DiscoveredInputs inputs, Options options) {
    List<Map.Entry<NodeId, List<InputSource>>> work = new ArrayList<>(inputs.nodes().entrySet());
    List<NodeResult> results = new ArrayList<>();
    int threads = Math.max(1, Math.min(options.threads(), work.size()));
    if (threads == 1) {
      for (Map.Entry<NodeId, List<InputSource>> e : work) {
        results.add(loadNode(e.getKey(), e.getValue(), options));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "proflog-reader");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<NodeResult>> futures = new ArrayList<>();
        for (Map.Entry<NodeId, List<InputSource>> e : work) {
          futures.add(pool.submit(() -> loadNode(e.getKey(), e.getValue(), options)));
        }
        for (Future<NodeResult> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    results.sort(Comparator.comparing(r -> r.node));
    List<NodeSeries> nodes = new ArrayList<>();
    List<ParseProblem> problems = new ArrayList<>();
    List<String> errs = new ArrayList<>();
    long count = 0;
    for (NodeResult r : results) {
      if (r.series != null && r.series.snapshots() > 0) {
        nodes.add(r.series);
      }
      problems.addAll(r.problems);
      count += r.problemCount;
      errs.addAll(r.errors);
    }
    return new Result(nodes, problems, count, errs);
  }

  private static final class NodeResult {
    NodeId node;
    NodeSeries series;
    final List<ParseProblem> problems = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    long problemCount;
  }

  private static NodeResult loadNode(NodeId node, List<InputSource> sources, Options options) {
    NodeResult r = new NodeResult();
    r.node = node;
    SeriesBuilder builder = new SeriesBuilder(node, options.maxPoints());
    Era era = Era.UNKNOWN;
    long repaired = 0;
    for (InputSource src : sources) {
      try (InputStream in = src.open();
          ProfLogReader reader = new ProfLogReader(in, src.name(), options.parse())) {
        builder.startFile(src.name());
        long since = options.sinceMicros();
        long until = options.untilMicros();
        try {
          // views, not Snapshot objects: the builder copies the values it keeps
          reader.drainTo(s -> {
            long t = s.timeMicros();
            if (t == 0 || (t >= since && t <= until)) {
              builder.accept(s);
            }
          });
        } finally {
          if (reader.era() != Era.UNKNOWN) {
            era = reader.era();
          }
          r.problemCount += reader.problemCount();
          r.problems.addAll(reader.problems());
          repaired += reader.repairedLines();
        }
      } catch (IOException e) {
        r.errors.add(message(src, e));
      } catch (UncheckedIOException e) {
        r.errors.add(message(src, e.getCause()));
      }
    }
    r.series = builder.build(era, r.problemCount, repaired);
    return r;
  }

  private static String message(InputSource src, IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.startsWith(src.name()) ? m : src.name() + ": " + m;
  }
}
