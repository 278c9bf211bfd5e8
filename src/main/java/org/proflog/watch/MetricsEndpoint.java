package org.proflog.watch;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.proflog.analysis.Finding;
import org.proflog.render.openmetrics.OpenMetricsName;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/**
 * Serves what {@code watch} knows as a Prometheus {@code /metrics} endpoint: the latest value of every
 * series of every node, the open findings and proflog's own health.
 *
 * <p>Threads. The watch loop calls {@link #update} after each tick; it copies the latest value of
 * every series into an immutable frame and publishes it through a volatile field. A scrape turns the
 * latest frame into the exposition (once per frame), so HTTP threads only read finished frames and
 * never touch the watcher's (single-threaded) state.
 *
 * <p>Names. Families are those of the OpenMetrics export ({@link OpenMetricsName}, values in base
 * units), with the labels {@code node} plus the series' own (names made valid the same way). Every
 * value is exposed as a gauge, counters included: it is the current cumulative value of the running
 * process, which falls back to zero when Zeek restarts; {@code rate()} copes with that, and a scrape
 * of the latest value cannot announce resets the way the export's {@code _created} samples do. The
 * client library refuses family names ending in a reserved suffix ({@code _created}, {@code _info}...);
 * those get {@code _count} appended, as stripping the suffix could collide with another family
 * ({@code zeek_prof_connections_created} would become {@code zeek_prof_connections}).
 *
 * <p>Also: {@code proflog_finding{node,kind,subject,severity} 1} per open finding, and the gauges
 * {@code proflog_files_followed}, {@code proflog_snapshots_read}, {@code proflog_parse_problems},
 * {@code proflog_node_analyses} and
 * {@code proflog_lag_seconds} (now minus the newest snapshot time, 0 before the first one).
 *
 * <p>Beside {@code /metrics} (and the client library's {@code /-/healthy}), {@code /} is a small
 * live page, the HTML report of what is watched, redrawn in place every few seconds from
 * {@code /report.json} (see {@link LiveReport}: the report is made on the watch thread in
 * {@link #update}, and only when a page asked for newer data).
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** Where to listen: {@code host} as given to the HTTP server, {@code port} 1 to 65535. */
  public record Address(String host, int port) {}

  /**
   * proflog's own state at an update.
   *
   * @param filesFollowed files followed live
   * @param snapshotsRead snapshots moved into series so far
   * @param parseProblems lines that could not be parsed, summed over nodes
   * @param nowMicros the time lag is measured against
   * @param newestMicros the newest snapshot time read (0: take it from the series given)
   * @param analyses node analyses run so far
   */
  public record Health(int filesFollowed, long snapshotsRead, long parseProblems, long nowMicros,
      long newestMicros, long analyses) {

    /** Health with the newest snapshot time taken from the series, no analyses counted. */
    public Health(int filesFollowed, long snapshotsRead, long parseProblems, long nowMicros) {
      this(filesFollowed, snapshotsRead, parseProblems, nowMicros, 0, 0);
    }

    /** The health of {@code w} whose series are {@code series}, now. */
    public static Health of(Watcher w, List<NodeSeries> series) {
      long problems = 0;
      for (NodeSeries ns : series) {
        problems += ns.problems();
      }
      return new Health(w.filesFollowed(), w.snapshotsRead(), problems, System.currentTimeMillis() * 1000L,
          w.newestMicros(), w.analyses());
    }
  }

  private final PrometheusRegistry registry = new PrometheusRegistry();
  /** The latest update, published to the scraping threads (see {@link #exposition}). */
  private volatile Frame frame;
  private final LiveReport live = new LiveReport();
  private HTTPServer server;
  /**
   * The family and labels of each series, by node: they never change for a series, and sanitising
   * and validating them for every series of every node was most of the cost of an update.
   */
  private final Map<String, Map<MetricKey, Sample>> names = new HashMap<>();

  /** Where a series goes in the exposition: its family, help text, labels and unit factor. */
  private record Sample(String family, String help, Labels labels, double factor) {}

  /** An endpoint with nothing to show yet; {@link #start} serves it. */
  public MetricsEndpoint() {
    MultiCollector collector = this::exposition;
    registry.register(collector);
  }

  /**
   * Parses {@code --serve}: {@code PORT} or {@code :PORT} listen on 127.0.0.1 only (metrics of a
   * sensor are not for everyone); {@code HOST:PORT} and {@code [IPv6]:PORT} listen where told, so an
   * operator who names 0.0.0.0 gets it.
   *
   * @throws IllegalArgumentException with a one-line message when the value is not one of those
   */
  public static Address parseAddress(String value) {
    String v = value == null ? "" : value.strip();
    String host;
    String port;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0 || close + 1 >= v.length() || v.charAt(close + 1) != ':') {
        throw bad(value);
      }
      host = v.substring(1, close);
      port = v.substring(close + 2);
      if (host.isEmpty()) {
        throw bad(value);
      }
    } else {
      int colon = v.lastIndexOf(':');
      if (colon >= 0 && v.indexOf(':') != colon) {
        throw bad(value); // an IPv6 address needs brackets, else its last group reads as the port
      }
      host = colon <= 0 ? "127.0.0.1" : v.substring(0, colon);
      port = v.substring(colon + 1);
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw bad(value);
    }
    if (p < 1 || p > 65535) {
      throw bad(value);
    }
    return new Address(host, p);
  }

  private static IllegalArgumentException bad(String value) {
    return new IllegalArgumentException("bad --serve '" + value + "' (use PORT, :PORT, HOST:PORT or [IPv6]:PORT)");
  }

  /** Starts serving on {@code host} and {@code port} (0: any free port); returns the port bound. */
  public int start(String host, int port) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already serving");
    }
    server = HTTPServer.builder().hostname(host).port(port).registry(registry).defaultHandler(live)
        .buildAndStart();
    return server.getPort();
  }

  /** The registry served, for callers that scrape without HTTP. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Replaces what is served by the latest values of {@code series}, the {@code open} findings and
   * {@code health}. Call it on the thread that changes the series (the watch loop, after a tick):
   * when a page of {@code /} waits for newer data, the report is made here, from series that do not
   * change meanwhile.
   */
  public void update(List<NodeSeries> series, List<Finding> open, Health health) {
    // a node's last build may be older than its data (builds follow analyses): take the watcher's word
    long newest = health.newestMicros();
    List<NodeValues> nodes = new ArrayList<>(series.size());
    for (NodeSeries ns : series) {
      newest = Math.max(newest, ns.endMicros());
      nodes.add(valuesOf(ns));
    }
    frame = new Frame(nodes, List.copyOf(open), health, newest);
    live.publish(series, open, health.nowMicros());
  }

  /**
   * What one update saw: each node's samples with the latest value of each, the open findings and
   * the health. It is turned into the exposition only when a scrape asks (see {@link #exposition}):
   * the watch loop updates every tick, and building some ten thousand data points then, whether or
   * not anyone scrapes, was most of an update.
   */
  private record Frame(List<NodeValues> nodes, List<Finding> open, Health health, long newestMicros) {}

  /** One node's samples and the latest value of each ({@code present} false where the series was empty). */
  private record NodeValues(Sample[] samples, double[] values, boolean[] present) {}

  /** A node's samples in the order of its series map, and the map they were made for. */
  private record NodeSamples(Map<MetricKey, Series> map, Sample[] samples, Series[] series) {}

  private final Map<String, NodeSamples> nodeSamples = new HashMap<>();

  private NodeValues valuesOf(NodeSeries ns) {
    String node = ns.node().name();
    NodeSamples cached = nodeSamples.get(node);
    if (cached == null || cached.map() != ns.series()) {
      // the builder hands out the same map while its set of series is unchanged
      Map<MetricKey, Sample> byKey = names.computeIfAbsent(node, k -> new HashMap<>());
      int n = ns.series().size();
      Sample[] samples = new Sample[n];
      Series[] ss = new Series[n];
      int i = 0;
      for (Map.Entry<MetricKey, Series> e : ns.series().entrySet()) {
        samples[i] = byKey.computeIfAbsent(e.getKey(), k -> sample(node, k));
        ss[i] = e.getValue();
        i++;
      }
      cached = new NodeSamples(ns.series(), samples, ss);
      nodeSamples.put(node, cached);
    }
    Series[] ss = cached.series();
    double[] values = new double[ss.length];
    boolean[] present = new boolean[ss.length];
    for (int i = 0; i < ss.length; i++) {
      present[i] = !ss[i].isEmpty();
      values[i] = ss[i].last();
    }
    return new NodeValues(cached.samples(), values, present);
  }

  /** The frame the exposition below was built from (guarded by this). */
  private Frame exposed;
  private MetricSnapshots exposition = new MetricSnapshots(List.of());

  /** The exposition of the latest update, built at the first scrape after it (on the scraping thread). */
  private synchronized MetricSnapshots exposition() {
    Frame f = frame;
    if (f == null || f == exposed) {
      return exposition;
    }
    exposition = build(f);
    exposed = f;
    return exposition;
  }

  private static MetricSnapshots build(Frame f) {
    Map<String, GaugeSnapshot.Builder> families = new TreeMap<>();
    Map<String, Set<Labels>> seen = new TreeMap<>();
    for (NodeValues nv : f.nodes()) {
      for (int i = 0; i < nv.samples().length; i++) {
        if (!nv.present()[i]) {
          continue;
        }
        Sample n = nv.samples()[i];
        // Two raw label names can sanitise alike; a duplicate would make the whole scrape fail.
        if (!seen.computeIfAbsent(n.family(), k -> new HashSet<>()).add(n.labels())) {
          continue;
        }
        families.computeIfAbsent(n.family(), k -> GaugeSnapshot.builder().name(k).help(n.help()))
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(n.labels()).value(nv.values()[i] * n.factor()).build());
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (GaugeSnapshot.Builder b : families.values()) {
      out.add(b.build());
    }
    GaugeSnapshot.Builder findings = GaugeSnapshot.builder().name("proflog_finding")
        .help("An open finding of proflog watch (1 while open)");
    Set<Labels> findingLabels = new HashSet<>();
    for (Finding o : f.open()) {
      Labels l = Labels.of("node", o.node(), "kind", o.kind().id(), "subject", o.subject(),
          "severity", o.severity().name().toLowerCase(java.util.Locale.ROOT));
      if (findingLabels.add(l)) {
        findings.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(1).build());
      }
    }
    out.add(findings.build());
    Health health = f.health();
    out.add(gauge("proflog_files_followed", "Files proflog watch follows live", health.filesFollowed()));
    out.add(gauge("proflog_snapshots_read", "Snapshots read since proflog watch started", health.snapshotsRead()));
    out.add(gauge("proflog_parse_problems", "prof.log lines that could not be parsed", health.parseProblems()));
    out.add(gauge("proflog_node_analyses", "Node analyses (all detectors over one node) run so far", health.analyses()));
    long newest = f.newestMicros();
    double lag = newest == 0 ? 0 : Math.max(0, health.nowMicros() - newest) / 1e6;
    out.add(gauge("proflog_lag_seconds", "Now minus the newest snapshot time read", lag));
    return new MetricSnapshots(out);
  }

  /** The handler of {@code /} and {@code /report.json} (for tests). */
  LiveReport live() {
    return live;
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  private static Sample sample(String node, MetricKey key) {
    OpenMetricsName name = OpenMetricsName.of(key.metric());
    String family = PrometheusNaming.isValidMetricName(name.family()) ? name.family() : name.family() + "_count";
    return new Sample(family, name.help(), labels(node, key), name.factor());
  }

  private static Labels labels(String node, MetricKey key) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    names.add("node");
    values.add(node);
    for (Map.Entry<String, String> l : key.labels().entrySet()) {
      String n = OpenMetricsName.labelName(l.getKey());
      if (!names.contains(n)) {
        names.add(n);
        values.add(l.getValue());
      }
    }
    return Labels.of(names, values);
  }

  /** Stops serving (scrapes in flight may fail); idempotent. */
  @Override
  public void close() {
    live.close();
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
