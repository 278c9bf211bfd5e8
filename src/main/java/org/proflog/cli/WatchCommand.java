package org.proflog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Finding;
import org.proflog.analysis.Severity;
import org.proflog.parse.ParseOptions;
import org.proflog.source.InputFinder;
import org.proflog.source.NodeFilter;
import org.proflog.watch.EventFormat;
import org.proflog.watch.MetricsEndpoint;
import org.proflog.watch.WatchEvent;
import org.proflog.watch.WatchState;
import org.proflog.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code proflog watch}: follow live prof.logs and print findings as they appear, change and clear. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Follow live prof.logs (rotation, truncation, new nodes) and print findings as they appear, change and clear.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  proflog watch /usr/local/zeek/spool",
      "  proflog watch spool --format ndjson --interval 10s",
      "  proflog watch spool --once --fail-on critical",
      "  proflog watch spool --serve :9911        (Prometheus scrapes http://127.0.0.1:9911/metrics)",
      "",
      "Exit codes: 0 ok, 1 data error, 2 usage error, 3 finding at or above --fail-on (with --once)."
    })
final class WatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand Main parent;

  @Parameters(paramLabel = "PATH", description = "prof.log files or spool directories (NAME=PATH names a node); the usual spool roots when none.")
  List<String> paths = new java.util.ArrayList<>();

  @Option(names = "--node", paramLabel = "GLOB", description = "Only nodes whose name matches (repeatable).")
  List<String> nodes = new java.util.ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or ndjson: one line per event.")
  String format = "text";

  @Option(names = "--interval", paramLabel = "DURATION", description = "How often to update the findings (default 5s; a poll early when new snapshots wait); every node with a new snapshot is analysed again (see README).")
  String interval = "5s";

  @Option(names = "--max-points", paramLabel = "N", description = "Points kept per series; older history is compacted 2:1 (default ${DEFAULT-VALUE}, the points a trend is fitted on; memory is about nodes x 150 x N x 16 bytes).")
  int maxPoints = Watcher.DEFAULT_MAX_POINTS;

  @Option(names = "--once", description = "Read what is there, print the findings as events, exit.")
  boolean once;

  @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Project when memory reaches SIZE (e.g. 16G).")
  String memoryLimit;

  @Option(names = "--warmup", paramLabel = "DURATION", description = "Warm-up to ignore after each start; automatic by default.")
  String warmup;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "With --once: exit 3 when a finding is at least warning or critical.")
  String failOn;

  @Option(names = "--state", paramLabel = "FILE", description = "Save progress to FILE (atomically, every interval and on exit) and resume from it: already reported snapshots are not reported again.")
  Path state;

  @Option(names = "--serve", paramLabel = "HOST:PORT", description = "Serve a live report page at http://HOST:PORT/ and Prometheus metrics at /metrics: latest values, open findings (proflog_finding), proflog's health. PORT or :PORT listens on 127.0.0.1 only; name a host (0.0.0.0, [::]) to listen there.")
  String serve;

  /** Rediscovery of new nodes, in ticks. */
  private static final int DISCOVER_EVERY_TICKS = 6;

  /** Polling of followed files between ticks (tail -F reacts within this). */
  private static final long POLL_MILLIS = 250;
  private static final long CATCH_UP_MILLIS = 5;
  /**
   * /metrics is rebuilt when findings change and otherwise every 5 s, not on every 1 s tick: a
   * hundred nodes' series are some 8,000 samples, and Prometheus scrapes every 15 s or so.
   */
  private static final long PUBLISH_EVERY_NANOS = 5_000_000_000L;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("ndjson")) {
      throw usage("unknown --format '" + format + "' (use text or ndjson)");
    }
    Severity fail = null;
    if (failOn != null) {
      fail = Severity.parse(failOn);
      if (fail == null || fail == Severity.INFO) {
        throw usage("unknown --fail-on '" + failOn + "' (use warning or critical)");
      }
    }
    AnalysisOptions options = AnalysisOptions.defaults();
    long intervalMillis;
    try {
      if (memoryLimit != null) {
        options = options.withMemoryLimitKiB(Quantities.sizeKiB(memoryLimit));
      }
      if (warmup != null) {
        options = options.withWarmupMicros(Quantities.durationMicros(warmup));
      }
      intervalMillis = Quantities.durationMicros(interval) / 1000;
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (intervalMillis <= 0) {
      throw usage("--interval must be positive");
    }
    if (once && state != null) {
      throw usage("--state is for following; --once reads everything anyway");
    }
    MetricsEndpoint.Address address = null;
    if (serve != null) {
      if (once) {
        throw usage("--serve is for following; --once exits before anyone could scrape");
      }
      try {
        address = MetricsEndpoint.parseAddress(serve);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    NodeFilter filter = nodes.isEmpty() ? NodeFilter.all() : NodeFilter.of(nodes);
    if (maxPoints < 16) {
      throw usage("--max-points must be at least 16");
    }
    Watcher w = new Watcher(paths, filter, new InputFinder(), ParseOptions.defaults(), options, maxPoints);
    if (once) {
      List<WatchEvent> events = w.once();
      printErrors(w, err);
      if (w.snapshotsRead() == 0) {
        err.println("proflog watch: no readable prof.log");
        return Main.DATA_ERROR;
      }
      print(events, fmt, out);
      Severity worst = null;
      for (Finding f : w.openFindings()) {
        if (worst == null || f.severity().compareTo(worst) > 0) {
          worst = f.severity();
        }
      }
      return fail != null && worst != null && worst.compareTo(fail) >= 0 ? Main.FINDINGS : Main.OK;
    }
    MetricsEndpoint endpoint = null;
    if (address != null) {
      endpoint = new MetricsEndpoint();
      try {
        endpoint.start(address.host(), address.port());
      } catch (IOException | RuntimeException e) {
        // Port taken or host not ours: the operator asked for the endpoint, so do not run without it.
        err.println("proflog watch: cannot serve on " + serve + ": " + e.getMessage());
        err.flush();
        return Main.USAGE_ERROR;
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "proflog-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      long ticks = 0;
      if (state != null) {
        WatchState saved;
        try {
          saved = WatchState.load(state);
        } catch (IOException | RuntimeException e) {
          err.println("proflog watch: cannot read state " + state + ": " + e.getMessage());
          state = null; // keep the unreadable file for the user to look at
          return Main.DATA_ERROR;
        }
        // what the previous run read but had not analysed yet is reported now
        print(w.resume(saved), fmt, out);
      } else {
        w.discover();
      }
      publish(w, endpoint);
      long lastPublish = System.nanoTime();
      long nextTick = System.nanoTime();
      while (stopped.getCount() > 0) {
        boolean behind = w.poll(); // reads and parses what is new
        // No analysis while catching up on history: it would report on a partial picture. A tick
        // runs every interval, and already a poll early when new snapshots wait, so that ticks keep
        // in step with nodes that write once per interval instead of lagging them by up to one.
        long now = System.nanoTime();
        if (!behind && (now - nextTick >= 0
            || (now - nextTick >= -POLL_MILLIS * 1_000_000L && w.hasNewSnapshots()))) {
          if (++ticks % DISCOVER_EVERY_TICKS == 0) {
            w.discover();
          }
          List<WatchEvent> events = w.tick();
          print(events, fmt, out);
          printErrors(w, err);
          save(w, err);
          long done = System.nanoTime();
          if (!events.isEmpty() || done - lastPublish >= PUBLISH_EVERY_NANOS) {
            publish(w, endpoint);
            lastPublish = done;
          }
          // counted from the tick's start, so that the time a tick takes does not shift the next
          nextTick = now + intervalMillis * 1_000_000L;
        }
        // catching up on history: read on as soon as the parsers took what was read
        stopped.await(behind ? CATCH_UP_MILLIS : POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      return Main.OK;
    } finally {
      // Ctrl-C and SIGTERM land here through the hook: report what was complete, save, then let the JVM go.
      print(w.tick(), fmt, out);
      save(w, err);
      if (endpoint != null) {
        endpoint.close();
      }
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running and waits for us.
      }
    }
  }

  private static void publish(Watcher w, MetricsEndpoint endpoint) {
    if (endpoint != null) {
      List<org.proflog.series.NodeSeries> series = w.analyzedSeries();
      endpoint.update(series, w.openFindings(), MetricsEndpoint.Health.of(w, series));
    }
  }

  private void save(Watcher w, PrintWriter err) {
    if (state == null) {
      return;
    }
    try {
      w.state().save(state);
    } catch (IOException e) {
      err.println("proflog watch: cannot save state " + state + ": " + e.getMessage());
      err.flush();
    }
  }

  private static void print(List<WatchEvent> events, String fmt, PrintWriter out) {
    for (WatchEvent e : events) {
      out.println(fmt.equals("ndjson") ? EventFormat.ndjson(e) : EventFormat.text(e));
    }
    out.flush();
  }

  private static void printErrors(Watcher w, PrintWriter err) {
    for (String e : w.takeErrors()) {
      err.println("proflog: " + e);
    }
    err.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
