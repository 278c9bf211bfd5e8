package org.proflog.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.proflog.analysis.AnalysisContext;
import org.proflog.analysis.AnalysisInput;
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.ClusterOutlierDetector;
import org.proflog.analysis.Finding;
import org.proflog.analysis.stats.TheilSen;
import org.proflog.model.NodeId;
import org.proflog.parse.ParseOptions;
import org.proflog.series.NodeSeries;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputFinder;
import org.proflog.source.InputSource;
import org.proflog.source.NodeFilter;

/**
 * Follows the prof.logs of a cluster and turns them into findings events.
 *
 * <p>Single-threaded: {@link #discover()}, {@link #poll()} and {@link #tick()} are called from one
 * thread, which also parses (each file has a fed parser that {@link #poll()} hands the complete
 * lines it read, at most {@link #IN_FLIGHT_BYTES} per file per poll). Per node, the history files
 * found at discovery (rotated, compressed) are read once, in the finder's order, then the live
 * plain file is followed. Each tick re-runs the
 * detectors of the nodes whose {@link AnalysisSchedule} says so (all of them once the inputs end),
 * then the cluster comparison, and diffs the findings.
 */
public final class Watcher {
  /**
   * Points kept per series when following: the {@link TheilSen#EXACT_LIMIT} points the trend
   * statistics fit without thinning, so 150 to 300 after compaction. A window is then never thinned
   * again: it changes only when a compacted point is complete (windows leave out the one still
   * open), not at every point appended to a window the statistics would re-bucket whole; and a
   * hundred nodes of some 150 busy series each fit in 70 MiB whatever the run time.
   */
  public static final int DEFAULT_MAX_POINTS = TheilSen.EXACT_LIMIT;
  /**
   * Bytes read from a file per poll, and at most queued ahead of its parser (a live file waits while
   * an older file of its node is still being read). Catching up on long histories of many nodes
   * would otherwise queue them whole (a hundred nodes' hour is 800 MB) before anything is parsed.
   */
  static final long IN_FLIGHT_BYTES = 256 * 1024;

  private final int maxPoints;
  private final List<String> paths;
  private final NodeFilter filter;
  private final InputFinder finder;
  private final ParseOptions parse;
  private final Analyzer analyzer;
  private final Map<NodeId, NodeFeed> feeds = new TreeMap<>();
  private final List<Live> live = new ArrayList<>();
  private final Set<Path> known = new HashSet<>();
  private final Set<String> reported = new HashSet<>();
  private final FindingDiff diff = new FindingDiff();
  private final List<String> errors = new ArrayList<>();
  /** Where an older file's next piece is read to before it is parsed. */
  private final byte[] scratch = new byte[(int) IN_FLIGHT_BYTES];
  /** How long a resume waits for the replayed files to be parsed (they are on local disk). */
  private static final long RESUME_PARSE_MILLIS = 600_000;

  /** Set once the inputs ended (close, once): the next tick analyses every node that is behind. */
  private boolean ended;
  private long analyses;
  /** Node analyses left out because the node's data had not changed for them (see {@link AnalysisSchedule}). */
  private long skipped;
  private List<NodeSeries> analyzed = List.of();
  private WatchState resuming;
  private long snapshotsRead;

  /** A watcher of {@code paths} (as for analyze; the default spool roots when empty). */
  public Watcher(List<String> paths, NodeFilter filter, InputFinder finder, ParseOptions parse,
      AnalysisOptions options) {
    this(paths, filter, finder, parse, options, DEFAULT_MAX_POINTS);
  }

  /**
   * A watcher whose series keep at most {@code maxPoints} points each (older history is compacted
   * 2:1, see {@link org.proflog.series.Series}), which bounds its memory whatever the run time.
   */
  public Watcher(List<String> paths, NodeFilter filter, InputFinder finder, ParseOptions parse,
      AnalysisOptions options, int maxPoints) {
    this.paths = List.copyOf(paths);
    this.filter = filter;
    this.finder = finder;
    this.parse = parse;
    this.analyzer = new Analyzer(options);
    this.maxPoints = maxPoints;
  }

  /** One followed live file and the parse it feeds. */
  private final class Live implements FileFollower.Sink {
    final FileFollower follower;
    final NodeFeed feed;
    final boolean history;
    long limit = Long.MAX_VALUE;
    boolean closed;
    WatchState.FileMark finalMark;
    FileParse file;

    Live(Path path, NodeFeed feed, boolean history) {
      this.follower = new FileFollower(path);
      this.feed = feed;
      this.history = history;
    }

    @Override
    public void fileStarted(Path path) {
      file = new FileParse(path.toString(), parse);
      feed.add(file);
    }

    @Override
    public void lines(byte[] b, int off, int len) {
      file.feed(b, off, len);
    }

    @Override
    public void fileFinished(Path path) {
      file.end();
      file = null;
    }
  }

  /** Looks for nodes not yet watched (new nodes may appear at any time); returns how many were added. */
  public int discover() {
    DiscoveredInputs found = finder.find(paths).filter(filter);
    int added = 0;
    for (var p : found.problems()) {
      String line = p.path() + ": " + p.message();
      if (reported.add(line)) {
        errors.add(line);
      }
    }
    for (Map.Entry<NodeId, List<InputSource>> e : found.nodes().entrySet()) {
      NodeFeed feed = feeds.get(e.getKey());
      List<InputSource> sources = e.getValue();
      if (feed == null) {
        feed = new NodeFeed(e.getKey(), maxPoints);
        feeds.put(e.getKey(), feed);
        added++;
        for (int i = 0; i < sources.size(); i++) {
          InputSource src = sources.get(i);
          boolean last = i == sources.size() - 1;
          if (isLive(src)) {
            follow(src.path(), feed, !last);
          } else {
            known.add(src.path());
            try {
              InputStream in = src.open();
              feed.add(new FileParse(src.name(), in, parse));
            } catch (IOException ex) {
              errors.add(src.name() + ": " + ex.getMessage());
            }
          }
        }
      } else {
        InputSource lastSrc = sources.get(sources.size() - 1);
        if (isLive(lastSrc) && !known.contains(lastSrc.path())) {
          follow(lastSrc.path(), feed, false);
        }
      }
    }
    return added;
  }

  private void follow(Path p, NodeFeed feed, boolean history) {
    known.add(p);
    Live l = new Live(p, feed, history);
    if (resuming != null) {
      l.limit = resumeLimit(p, history);
    }
    live.add(l);
  }

  /** How far a previous run consumed this file: found by path, else by fingerprint (renamed while down). */
  private long resumeLimit(Path p, boolean history) {
    WatchState.FileMark best = null;
    for (WatchState.FileMark m : resuming.files()) {
      boolean samePath = m.path().equals(p.toString());
      if (m.fingerprintBytes() == 0 ? !samePath
          : !m.fingerprint().equals(WatchState.fingerprint(p, m.fingerprintBytes()))) {
        continue;
      }
      if (best == null || samePath) {
        best = m;
      }
    }
    if (best != null) {
      return best.offset();
    }
    // Unknown: an older file was history before too; a live one appeared while we were down.
    return history ? Long.MAX_VALUE : 0;
  }

  /**
   * Resumes after a previous run that saved {@code state}: reads every file from its start up to
   * where that run stopped into the series and analyzes all of it; returns the events that differ
   * from the findings that run had reported (what it would have printed had it analysed everything
   * it read), so nothing is printed twice and nothing is lost. The next {@link #tick()} reports on
   * what came after. Call instead of the first {@link #discover()}.
   */
  public List<WatchEvent> resume(WatchState state) throws InterruptedException {
    resuming = state;
    try {
      discover();
      catchUp(RESUME_PARSE_MILLIS);
      diff.seed(state.reported());
      return tick(true);
    } finally {
      resuming = null;
      for (Live l : live) {
        l.limit = Long.MAX_VALUE;
      }
    }
  }

  /** What has been consumed, for {@link WatchState#save}. */
  public WatchState state() {
    List<WatchState.FileMark> marks = new ArrayList<>();
    for (Live l : live) {
      if (l.closed) {
        if (l.finalMark != null) {
          marks.add(l.finalMark);
        }
        continue;
      }
      try {
        WatchState.FileMark m = l.follower.mark(l.feed.newestMicros());
        if (m != null) {
          marks.add(m);
        }
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
    return new WatchState(marks, diff.open());
  }

  private static boolean isLive(InputSource src) {
    return src.path() != null && !src.path().getFileName().toString().endsWith(".gz")
        && Files.isRegularFile(src.path());
  }

  /**
   * Reads what is new in every followed file, at most {@link #IN_FLIGHT_BYTES} of each, and parses
   * it into the series. Returns true when a file has more to read than that bound let through
   * (catching up on history): poll again soon.
   */
  public boolean poll() {
    boolean more = false;
    for (Live l : live) {
      if (l.closed) {
        continue;
      }
      try {
        if (l.file != null && l.file.queuedBytes() >= IN_FLIGHT_BYTES) {
          more = true;
          continue;
        }
        long cap = l.follower.isOpen() ? l.follower.position() + IN_FLIGHT_BYTES : IN_FLIGHT_BYTES;
        boolean capped = l.follower.poll(l, Math.min(l.limit, cap)) && cap < l.limit;
        more |= capped;
        if (l.history && l.limit == Long.MAX_VALUE && !capped) {
          // an older file of the node: read once to its end
          l.finalMark = l.follower.mark(l.feed.newestMicros());
          l.follower.close(l);
          l.closed = true;
        }
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
    return drain() | more;
  }

  /**
   * Polls until every file was read to its current end (or a resume's limit) and parsed, so the
   * next {@link #tick()} sees all complete snapshots; gives up after {@code timeoutMillis}.
   */
  public void catchUp(long timeoutMillis) {
    long end = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (poll() && System.nanoTime() - end < 0) {
      // every poll reads and parses a bounded piece of each file
    }
  }

  /**
   * Parses what every node's files were handed into the series (the parsers then hold nothing but a
   * partial last line); an older file takes one more piece of its stream first. Returns true while
   * an older file has more to read.
   */
  private boolean drain() {
    boolean historyLeft = false;
    for (NodeFeed f : feeds.values()) {
      int n = f.drain(scratch);
      snapshotsRead += n;
      errors.addAll(f.takeErrors());
      historyLeft |= f.historyLeft();
    }
    return historyLeft;
  }

  /**
   * Moves parsed snapshots into the series, re-runs the detectors of the nodes that are due (see
   * {@link AnalysisSchedule}), and returns the events.
   */
  public List<WatchEvent> tick() {
    return tick(ended);
  }

  private record Analysed(NodeFeed feed, NodeSeries series, AnalysisInput input, List<Finding> findings) {}

  private List<WatchEvent> tick(boolean force) {
    drain();
    List<NodeFeed> due = new ArrayList<>();
    for (NodeFeed f : feeds.values()) {
      AnalysisSchedule sch = f.schedule;
      if (f.snapshots() == 0) {
        continue;
      }
      if (sch.due(f.snapshots())) {
        due.add(f);
      } else if (force) {
        // analysed up to its last snapshot already, perhaps holding findings it no longer reports
        sch.release();
      }
    }
    if (due.isEmpty() && !force) {
      return List.of();
    }
    // Every node with new data is analysed (unless it only folded), not a capped few: with its memo
    // an analysis redoes only the statistics whose input moved, so a finding is printed at the
    // snapshot that decides it.
    // The cluster as of the last tick: its builds share the series their builders keep growing, so
    // a manager's memory is judged against the workers' latest connections (ClusterLoad).
    AnalysisContext ctx = AnalysisContext.of(analyzer.options(), analyzed);
    // nodes are independent: analyse the due ones in parallel, record on this thread
    List<Analysed> results = due.parallelStream()
        .map(f -> {
          NodeSeries ns = f.build();
          AnalysisInput in = f.input(ns);
          if (!force && f.schedule.unchanged(in)) {
            return new Analysed(f, ns, in, null); // the same data as its last analysis: the same findings
          }
          return new Analysed(f, ns, in, analyzer.analyzeNode(ns, ctx, f.schedule.memo()));
        })
        .toList();
    for (Analysed r : results) {
      if (r.findings() == null) {
        r.feed().schedule.skipped(r.series());
        skipped++;
      } else {
        r.feed().schedule.analyzed(r.series(), r.input(), r.findings(), force);
        analyses++;
      }
    }
    // The cluster comparison looks at the latest value of every node. A node's last build shares
    // the series its builder keeps growing, so it shows the latest values without a rebuild; only
    // a node never built or restarted since (a new segment) is built again.
    List<NodeSeries> all = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (NodeFeed f : feeds.values()) {
      AnalysisSchedule sch = f.schedule;
      if (f.snapshots() == 0) {
        continue;
      }
      if (sch.series() == null || sch.series().segments().size() != f.segments()) {
        sch.rebuilt(f.build());
      }
      all.add(sch.series());
      findings.addAll(sch.findings());
    }
    findings.addAll(new ClusterOutlierDetector().detect(all, analyzer.options()));
    findings.sort(Analyzer.ORDER);
    analyzed = List.copyOf(all);
    return diff.update(findings);
  }

  /**
   * Whether some node has snapshots that no analysis has seen yet (moves what the parsers finished
   * into the series first): the next {@link #tick()} has work to do.
   */
  public boolean hasNewSnapshots() {
    drain();
    for (NodeFeed f : feeds.values()) {
      if (f.snapshots() > 0 && f.schedule.due(f.snapshots())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The series of every node as of the latest tick (the latest build of each; the series keep
   * growing): what {@code /metrics} publishes, without building every node again per tick.
   */
  public List<NodeSeries> analyzedSeries() {
    return analyzed;
  }

  /** The newest snapshot time read from any node (0 before the first). */
  public long newestMicros() {
    long n = 0;
    for (NodeFeed f : feeds.values()) {
      n = Math.max(n, f.newestMicros());
    }
    return n;
  }

  /** Node analyses left out so far because the node's new snapshots changed nothing they read. */
  public long skippedAnalyses() {
    return skipped;
  }

  /** Node analyses run so far (a node analysed in a tick counts once). */
  public long analyses() {
    return analyses;
  }

  /** The series of every node with at least one snapshot, sorted by node. */
  public List<NodeSeries> series() {
    List<NodeSeries> all = new ArrayList<>();
    for (NodeFeed f : feeds.values()) {
      NodeSeries ns = f.build();
      if (ns != null) {
        all.add(ns);
      }
    }
    return all;
  }

  /**
   * Reads everything there is now to its end (partial last lines included, as analyze does), waits
   * for the parses and returns the events of one analysis.
   */
  public List<WatchEvent> once() throws InterruptedException {
    discover();
    catchUp(Long.MAX_VALUE / 2_000_000);
    for (Live l : live) {
      try {
        l.follower.close(l);
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
    awaitParsed();
    ended = true;
    return tick();
  }

  /** Ends following (each file's partial last line is read as final) and waits for the parses. */
  public void close() throws InterruptedException {
    for (Live l : live) {
      try {
        l.follower.close(l);
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
    awaitParsed();
    ended = true;
  }

  /** Reads the older files to their end and parses everything handed over. */
  private void awaitParsed() {
    while (drain()) {
      // one piece of each older file per round
    }
  }

  /** The findings open now. */
  public List<Finding> openFindings() {
    return diff.open();
  }

  /** Errors since the last call, one line each. */
  public List<String> takeErrors() {
    List<String> e = List.copyOf(errors);
    errors.clear();
    return e;
  }

  /** Files followed live. */
  public int filesFollowed() {
    int n = 0;
    for (Live l : live) {
      n += l.follower.isOpen() ? 1 : 0;
    }
    return n;
  }

  /** Snapshots moved into series so far. */
  public long snapshotsRead() {
    return snapshotsRead;
  }

}
