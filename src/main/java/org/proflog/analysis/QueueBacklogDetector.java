package org.proflog.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.proflog.series.Metric;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Segment;
import org.proflog.series.Series;

/**
 * queue-backlog: per message thread (log writer, input reader) in the latest segment.
 *
 * <p>Judged without the segment's final snapshot, which is written at shutdown (writers created
 * then show {@code pending=1/0}; offline runs leave {@code pending=0/N}). A pending queue that rises
 * and never falls below {@link #MIN_BACKLOG} messages is a backlog (warning); a burst that drains is
 * at most info. A thread
 * whose inbound reads stop while writes into it continue is stuck; one whose counters all stop while
 * its peers' move is stalled.
 */
public final class QueueBacklogDetector implements Detector {
  /** A drained burst this large is worth an info. */
  static final double BURST_INFO = 1000;

  /**
   * Messages a rising queue must hold at all times in the last third of its window to be a backlog.
   * Tens of messages come and go without a backlog: the main loop of an offline run reads the
   * replies of idle writers in batches minutes of trace time apart, and a stuck writer or a reader
   * faster than its consumer passes this within minutes (heartbeats alone add one a second).
   */
  static final double MIN_BACKLOG = 100;

  @Override
  public List<Finding> detect(NodeSeries node, AnalysisContext ctx) {
    int seg = Findings.latestSegment(node);
    Segment segment = Findings.segment(node, seg);
    AnalysisOptions o = ctx.options();
    List<Finding> out = new ArrayList<>();
    SortedMap<MetricKey, Series> threads = new TreeMap<>();
    for (Map.Entry<MetricKey, Series> e : node.series().entrySet()) {
      if (e.getKey().metric() == Metric.THREAD_IN) {
        threads.put(e.getKey(), e.getValue());
      }
    }
    int moving = 0;
    for (Map.Entry<MetricKey, Series> e : threads.entrySet()) {
      Window in = Window.withoutShutdown(e.getValue(), seg, segment);
      if (in.size() >= 2 && in.last() > in.value(Math.max(0, in.size() - 4))) {
        moving++;
      }
    }
    for (MetricKey inKey : threads.keySet()) {
      String subject = inKey.label("thread") + (inKey.label("n") == null ? "" : " #" + inKey.label("n"));
      Window in = Window.withoutShutdown(node.get(inKey), seg, segment);
      Window inReads = Window.withoutShutdown(node.get(same(inKey, Metric.THREAD_IN_READS)), seg, segment);
      if (in.size() < o.minPoints()) {
        continue;
      }
      Finding f = pending(node, seg, segment, subject, node.get(same(inKey, Metric.THREAD_PENDING_IN)), "inbound", o);
      if (f == null) {
        f = pending(node, seg, segment, subject, node.get(same(inKey, Metric.THREAD_PENDING_OUT)), "outbound", o);
      }
      if (f == null) {
        f = stuck(node, seg, subject, in, inReads);
      }
      if (f == null && moving >= 2) {
        f = stalled(node, seg, subject, in);
      }
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static MetricKey same(MetricKey k, Metric m) {
    return new MetricKey(m, k.labels());
  }

  private Finding pending(NodeSeries node, int seg, Segment segment, String subject, Series s, String dir,
      AnalysisOptions o) {
    if (s == null || s.max(seg) <= 0) {
      // never pending (the common case): no window to cut
      return null;
    }
    Window w = Window.withoutShutdown(s, seg, segment);
    if (w.size() < o.minPoints()) {
      return null;
    }
    double max = 0;
    for (int i = 0; i < w.size(); i++) {
      max = Math.max(max, w.value(i));
    }
    if (max <= 0) {
      return null;
    }
    // the backlog never drains: no zero in the last third of the window
    int tail = Math.max(2, w.size() / 3);
    double tailMin = Double.POSITIVE_INFINITY;
    for (int i = w.size() - tail; i < w.size(); i++) {
      tailMin = Math.min(tailMin, w.value(i));
    }
    if (tailMin < MIN_BACKLOG && max < BURST_INFO) {
      // drains (or holds a few messages) and is never large: the common healthy case, no trend needed
      return null;
    }
    Trend t = Trend.of(w);
    boolean metric = dir.equals("inbound");
    String what = metric ? "the thread is not keeping up with what it is sent (slow disk or remote writer)"
        : "the main loop is not consuming what the thread produces (slow consumer)";
    if (tailMin >= MIN_BACKLOG && t.rising(o.alpha())) {
      Evidence ev = Findings.trendEvidence(Trend.METHOD, w, t, "messages/h", "messages",
          Findings.extra("queue", dir + " (pending " + (metric ? "in" : "out") + ")",
              "lowest in last third", Findings.num(tailMin)));
      return Findings.make(FindingKind.QUEUE_BACKLOG, Severity.WARNING, node, subject, seg, ev, null,
          "The " + dir + " queue of " + subject + " keeps rising and never drains: " + what + ".",
          metric ? "Check the writer's destination (disk, remote logger) and its log volume."
              : "Check main-loop load (CPU, packet rate) and what the reader delivers.");
    }
    if (tailMin < MIN_BACKLOG && max >= BURST_INFO) {
      Evidence ev = new Evidence("peak of pending queue", w.start(), w.end(), w.size(), t.perHour(), "messages/h",
          Double.NaN, "peak", max, w.first(), w.last(), "messages",
          Findings.extra("queue", dir, "drained", tailMin == 0 ? "yes" : "to " + Findings.num(tailMin)));
      return Findings.make(FindingKind.QUEUE_BACKLOG, Severity.INFO, node, subject, seg, ev, null,
          "The " + dir + " queue of " + subject + " had a burst of " + Findings.num(max) + " messages that drained.",
          "Nothing to fix unless bursts grow; they show peaks of log volume.");
    }
    return null;
  }

  /** Inbound reads frozen over the last points while writes into the queue continue. */
  private Finding stuck(NodeSeries node, int seg, String subject, Window in, Window inReads) {
    if (inReads.size() < 4 || in.size() < 4) {
      return null;
    }
    int k = Math.max(3, inReads.size() / 4);
    int a = inReads.size() - k;
    if (inReads.last() != inReads.value(a)) {
      // reads move (the common case): no need to align the writes
      return null;
    }
    double[] writes = inReads.aligned(in);
    if (!(writes[writes.length - 1] > writes[a])) {
      return null;
    }
    Window tail = inReads.slice(a, inReads.size());
    Evidence ev = new Evidence("inbound queue reads vs writes", tail.start(), tail.end(), tail.size(), 0,
        "reads/h", Double.NaN, "writes during freeze", writes[writes.length - 1] - writes[a], tail.first(),
        tail.last(), "reads", Findings.extra("in_reads frozen at", Findings.num(tail.last())));
    return Findings.make(FindingKind.QUEUE_BACKLOG, Severity.WARNING, node, subject, seg, ev, null,
        subject + " stopped reading its inbound queue while messages keep arriving: the thread is stuck.",
        "Check the writer's destination (full disk, hung remote) and restart the node if it does not recover.");
  }

  /** All counters of a thread frozen while at least two peers' move. */
  private Finding stalled(NodeSeries node, int seg, String subject, Window in) {
    int k = Math.max(3, in.size() / 4);
    int a = in.size() - k;
    if (a < 1 || in.last() != in.value(a) || !(in.value(a) > in.first())) {
      return null;
    }
    Window tail = in.slice(a, in.size());
    Evidence ev = new Evidence("thread counters vs peers", tail.start(), tail.end(), tail.size(), 0, "messages/h",
        Double.NaN, "moving peers", 0, tail.first(), tail.last(), "messages",
        Findings.extra("in frozen at", Findings.num(tail.last())));
    return Findings.make(FindingKind.QUEUE_BACKLOG, Severity.WARNING, node, subject, seg, ev, null,
        subject + " stopped receiving messages (not even heartbeats) while its peers keep moving: stalled.",
        "Check whether the log stream or input was removed on purpose; otherwise inspect the thread.");
  }
}
