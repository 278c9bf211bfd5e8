package org.proflog.simulate;

import java.util.List;
import java.util.SplittableRandom;
import org.proflog.model.NodeId.Role;

/**
 * Which message threads a node has and how their queue counters move. Loggers and standalone
 * nodes (and a manager without a logger) run one writer per log stream; the manager runs the
 * Intel input reader; workers and proxies run none.
 */
final class ThreadCatalog {
  private ThreadCatalog() {}

  private static final String[][] STREAMS = {
    // name, share of log volume, minimum version "major.minor"
    {"conn", "0.34", "2.0"}, {"dns", "0.22", "2.0"}, {"files", "0.11", "2.2"},
    {"http", "0.10", "2.0"}, {"ssl", "0.08", "2.0"}, {"x509", "0.04", "2.2"},
    {"weird", "0.03", "2.0"}, {"notice", "0.01", "2.0"}, {"software", "0.01", "2.0"},
    {"known_services", "0.01", "2.0"}, {"stats", "0.005", "2.5"},
  };

  /** The writer whose queue the stuck-writer fault blocks. */
  static final String STUCK_STREAM = "conn";

  static String writerName(ZeekVersion v, String stream) {
    return stream + "/Log::WRITER_ASCII";
  }

  static String intelReaderName(ZeekVersion v) {
    return (v.isBro() ? "/usr/local/bro/share/bro/site" : "/usr/local/zeek/share/zeek/site")
        + "/intel/main.dat/Input::READER_ASCII";
  }

  static void install(NodeModel m, List<WriterThread> out) {
    ZeekVersion v = m.v;
    if (!v.hasThreads()) {
      return;
    }
    if (m.plan.writesLogs()) {
      out.add(new WriterThread(writerName(v, "packet_filter"), 0.0, false));
      for (String[] s : STREAMS) {
        String[] mm = s[2].split("\\.");
        if (v.atLeast(Integer.parseInt(mm[0]), Integer.parseInt(mm[1]))) {
          out.add(new WriterThread(writerName(v, s[0]), Double.parseDouble(s[1]), false));
        }
      }
    }
    if (m.plan.role() == Role.MANAGER || m.plan.role() == Role.STANDALONE) {
      out.add(new WriterThread(intelReaderName(v), 0.0, true));
    }
  }

  /** Log records per second arriving at this node's writers. */
  private static double logRate(NodeModel m, double load, double b) {
    double perWorker = 3000 * load * (1 + 1.4 * b) / 11.0 * 2.6;
    return m.plan.role() == Role.STANDALONE ? perWorker : perWorker * Math.max(1, m.plan.workers());
  }

  static void advance(NodeModel m, List<WriterThread> threads, long t, double dt, double load,
      double b, SplittableRandom rng) {
    if (m.kind.equals("startup")) {
      for (WriterThread w : threads) {
        w.inW = 1;
        w.inR = w.reader ? 1 : 0;
      }
      return;
    }
    if (m.kind.equals("shutdown") && m.plan.writesLogs()) {
      // shutdown messages open the reporter log: its writer is new and shows pending=1/0
      // (DESIGN.md §2: never judge a backlog from the final snapshot)
      WriterThread rep = new WriterThread(writerName(m.v, "reporter"), 0.0, false);
      rep.inW = 1;
      threads.add(rep);
    }
    double records = logRate(m, load, b) * dt;
    boolean modernOut = m.v.atLeast(5, 1);
    for (WriterThread w : threads) {
      if (w.reader) {
        advanceReader(m, w, t, dt, rng);
        continue;
      }
      if (w.inW == 1 && w.inR == 0 && w.name.startsWith("reporter/")) {
        continue;
      }
      // heartbeats (1/s of network time) plus write batches of up to ~1000 records
      double msgs = dt + records * w.share / 900.0;
      w.inCarry += msgs;
      long add = (long) w.inCarry;
      w.inCarry -= add;
      w.inW += add;
      boolean stuck = STUCK_STREAM.equals(streamOf(w.name)) && t >= m.plan.start(NodePlan.Kind.STUCK_WRITER);
      if (!stuck) {
        long pending = rng.nextInt(10) < 8 ? 0 : 1 + rng.nextInt(2);
        if (m.spec.scenario() == Scenario.SAWTOOTH) {
          pending += Math.round(m.burst(t) * 300 * w.share * 3);
        }
        w.inR = Math.max(w.inR, w.inW - pending);
        // replies to the main thread: one per heartbeat before 5.1, a handful afterwards
        if (modernOut) {
          if (w.outW < 3 && rng.nextInt(20) == 0) {
            w.outW++;
          }
        } else {
          w.outCarry += dt * 0.98;
          long o = (long) w.outCarry;
          w.outCarry -= o;
          w.outW += o;
        }
        w.outR = Math.max(w.outR, w.outW - (rng.nextInt(10) == 0 ? 1 : 0));
      }
    }
  }

  private static void advanceReader(NodeModel m, WriterThread w, long t, double dt, SplittableRandom rng) {
    w.inW += Math.round(dt);
    w.inR = w.inW;
    double e = (t - m.processStart) / 1e6;
    long initial = 24_000;
    if (w.outW < initial) {
      w.outW = Math.min(initial, w.outW + Math.round(dt * 4000));
    }
    // the intel file is re-read each hour: out jumps by the changed records
    long hours = (long) (e / 3600);
    long target = initial + hours * 1_500;
    if (w.outW < target && w.outW >= initial) {
      w.outW = target;
    }
    if (t >= m.plan.start(NodePlan.Kind.SLOW_READER)) {
      // stream mode: the reader delivers faster than the main loop consumes
      w.outCarry += dt * 42;
      long o = (long) w.outCarry;
      w.outCarry -= o;
      w.outW += o;
      double consume = dt * 30 * (0.9 + 0.2 * rng.nextDouble());
      w.outR = Math.min(w.outW, w.outR + Math.round(consume));
    } else {
      w.outR = w.outW - (rng.nextInt(8) == 0 ? rng.nextInt(3) : 0);
    }
  }

  static String streamOf(String name) {
    int i = name.indexOf('/');
    return i < 0 ? name : name.substring(0, i);
  }
}
