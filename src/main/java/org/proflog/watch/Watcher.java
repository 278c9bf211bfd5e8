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
import org.proflog.analysis.AnalysisOptions;
import org.proflog.analysis.Analyzer;
import org.proflog.analysis.Finding;
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
 * <p>Single-threaded from the caller's side: {@link #discover()}, {@link #poll()} and {@link #tick()}
 * are called from one thread (the parsing of each file runs on a helper thread per file, fed only
 * complete lines). Per node, the history files found at discovery (rotated, compressed) are read
 * once, in the finder's order, then the live plain file is followed. Each tick analyzes all nodes
 * (the cluster detectors compare nodes) when any node got new snapshots, and diffs the findings.
 */
public final class Watcher {
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
  /** How long a resume waits for the replayed files to be parsed (they are on local disk). */
  private static final long RESUME_PARSE_MILLIS = 600_000;

  private boolean changed;
  private List<NodeSeries> analyzed = List.of();
  private WatchState resuming;
  private long snapshotsRead;

  /** A watcher of {@code paths} (as for analyze; the default spool roots when empty). */
  public Watcher(List<String> paths, NodeFilter filter, InputFinder finder, ParseOptions parse,
      AnalysisOptions options) {
    this.paths = List.copyOf(paths);
    this.filter = filter;
    this.finder = finder;
    this.parse = parse;
    this.analyzer = new Analyzer(options);
  }

  /** One followed live file and the parse it feeds. */
  private final class Live implements FileFollower.Sink {
    final FileFollower follower;
    final NodeFeed feed;
    final boolean history;
    long limit = Long.MAX_VALUE;
    boolean closed;
    WatchState.FileMark finalMark;
    PushStream stream;

    Live(Path path, NodeFeed feed, boolean history) {
      this.follower = new FileFollower(path);
      this.feed = feed;
      this.history = history;
    }

    @Override
    public void fileStarted(Path path) {
      stream = new PushStream();
      feed.add(new FileParse(path.toString(), stream, parse));
    }

    @Override
    public void lines(byte[] b, int off, int len) {
      stream.push(b, off, len);
    }

    @Override
    public void fileFinished(Path path) {
      stream.end();
      stream = null;
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
        feed = new NodeFeed(e.getKey());
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
   * where that run stopped into the series and analyzes it without reporting (those events were
   * printed before), so the next {@link #tick()} reports only on what came after. Call instead of
   * the first {@link #discover()}.
   */
  public void resume(WatchState state) throws InterruptedException {
    resuming = state;
    try {
      discover();
      poll();
      awaitParsed(RESUME_PARSE_MILLIS);
      tick();
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
    return new WatchState(marks);
  }

  private static boolean isLive(InputSource src) {
    return src.path() != null && !src.path().getFileName().toString().endsWith(".gz")
        && Files.isRegularFile(src.path());
  }

  /** Reads what is new in every followed file. */
  public void poll() {
    for (Live l : live) {
      if (l.closed) {
        continue;
      }
      try {
        l.follower.poll(l, l.limit);
        if (l.history && l.limit == Long.MAX_VALUE) {
          // an older file of the node: read once to its end
          l.finalMark = l.follower.mark(l.feed.newestMicros());
          l.follower.close(l);
          l.closed = true;
        }
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
  }

  /** Moves parsed snapshots into the series, re-runs the detectors if anything changed, returns the events. */
  public List<WatchEvent> tick() {
    for (NodeFeed f : feeds.values()) {
      int n = f.drain();
      snapshotsRead += n;
      changed |= n > 0;
      errors.addAll(f.takeErrors());
    }
    if (!changed) {
      return List.of();
    }
    changed = false;
    analyzed = series();
    return diff.update(analyzer.analyze(analyzed));
  }

  /**
   * The series the latest tick analysed (empty before the first one that saw data): what
   * {@code /metrics} publishes, without building the series a second time per tick.
   */
  public List<NodeSeries> analyzedSeries() {
    return analyzed;
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
    poll();
    for (Live l : live) {
      try {
        l.follower.close(l);
      } catch (IOException e) {
        errors.add(l.follower.path() + ": " + e.getMessage());
      }
    }
    awaitParsed();
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
  }

  /** Waits for the parses of all queued files (their inputs must have ended). */
  private void awaitParsed() throws InterruptedException {
    for (NodeFeed f : feeds.values()) {
      f.awaitEnded();
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

  /**
   * Waits until the parsers have consumed every line handed over so far, so the next {@link #tick()}
   * sees all complete snapshots (tests and measurements use it; the live loop does not need to).
   */
  public void awaitParsed(long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + timeoutMillis * 1_000_000L;
    for (NodeFeed f : feeds.values()) {
      while (!f.idle() && System.nanoTime() - end < 0) {
        Thread.sleep(1);
      }
    }
  }
}
