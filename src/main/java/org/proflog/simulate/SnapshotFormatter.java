package org.proflog.simulate;

import java.util.ArrayList;
import java.util.List;
import org.proflog.model.NodeId.Role;

/**
 * Writes one snapshot of a {@link NodeModel} in the exact bytes of its Zeek version
 * (PROFLOG-FORMAT.md §3, §4): line order, padding, trailing blanks, and the {@code Comm:} line of
 * 2.6+ without its newline, so that whatever is written next is glued to it.
 */
final class SnapshotFormatter {
  private static final String[] TCP_LABELS = {"Inact.", "Syn.  ", "SA    ", "Part. ", "Est.  ", "Fin.  ", "Rst.  "};
  private static final String TCP_HEADER = "TCP-States:        Inact.  Syn.    SA      Part.   Est.    Fin.    Rst.";

  private final ZeekVersion v;
  private final boolean companion;
  private final List<String> timerOrder;

  SnapshotFormatter(ZeekVersion v, boolean companion) {
    this.v = v;
    this.companion = companion;
    this.timerOrder = v.timerNames();
  }

  private final ByteSink tsText = new ByteSink();

  void format(NodeModel m, ByteSink o) {
    // every line starts with the same timestamp: format it once per snapshot
    tsText.clear();
    byte[] ts = tsText.ts(m.ts).toBytes();
    sep(o, ts);
    if (m.firstOfProcess) {
      o.bytes(ts).str(" Command line: ");
      for (String a : argv(m)) {
        o.str(a).ch(' ');
      }
      o.ch('\n');
      sep(o, ts);
    }
    o.bytes(ts).str(" Memory: total=").num(m.totalK()).str("K total_adj=").num(m.totalAdjK())
        .str("K malloced: ");
    long mk = m.mallocedK();
    if (mk < 0) {
      o.str(Long.toUnsignedString(mk));
    } else {
      o.num(mk);
    }
    o.str("K\n");
    o.bytes(ts).str(" Run-time: user+sys=").fixed(tenths(m.user + m.sys), 1).str(" user=")
        .fixed(tenths(m.user), 1).str(" sys=").fixed(tenths(m.sys), 1).str(" real=")
        .fixed(tenths(m.realSeconds), 1).ch('\n');
    long total = (long) m.connsTotal;
    long expired = (long) m.expired;
    if (v.thirtyTwoBit()) {
      total = (int) total; // unsigned 32-bit printed with %d
      expired = (int) expired;
    }
    o.bytes(ts).str(" Conns: total=").num(total).str(" current=").num(m.connsCurrentA).ch('/')
        .num(m.connsCurrentB);
    if (v.hasConnsExt()) {
      o.str(" ext=0");
    }
    if (v.hasConnsMemory()) {
      if (m.expensive) {
        long b = m.connsCurrentB;
        long memBytes = Math.round(b * 5_790.0 + (b > 0 ? (m.ts % 997) * 3 : 0));
        int mem = (int) memBytes; // signed 32-bit, though it is bytes printed with K
        o.str(" mem=").num(mem).str("K avg=");
        if (b == 0) {
          o.str(v.printsNanAverage() ? "-nan" : "0.0");
        } else {
          o.fixed(Math.round(mem * 10.0 / b), 1);
        }
        o.str(" table=").num(b * 185 / 1024).str("K connvals=").num(b * 870 / 1024).ch('K');
      } else {
        o.str(" mem=0K avg=0.0 table=0K connvals=0K");
      }
    }
    o.ch('\n');
    if (v.hasConnCompressor()) {
      o.bytes(ts).str(" ConnCompressor: pending=0 pending_in_mem=0 full_conns=0 pending+real=0 mem=0K avg=-nan/-nan\n");
    }
    o.bytes(ts).str(" Conns: tcp=").num(m.tcp).ch('/').num(m.tcpMax).str(" udp=").num(m.udp).ch('/')
        .num(m.udpMax).str(" icmp=").num(m.icmp).ch('/').num(m.icmpMax).ch('\n');
    o.bytes(ts).ch(' ').str(TCP_HEADER).ch('\n');
    for (int r = 0; r < 7; r++) {
      o.bytes(ts).str(" TCP-States:").str(TCP_LABELS[r]).spaces(2);
      for (int c = 0; c < 7; c++) {
        long n = m.tcpCells[r][c];
        if (n > 0) {
          o.num(n).spaces(8 - ByteSink.width(n));
        } else {
          o.spaces(8);
        }
      }
      o.ch('\n');
    }
    o.bytes(ts).str(" Connections expired due to inactivity: ").num(expired).ch('\n');
    if (v.hasReassembler()) {
      o.bytes(ts).str(" Total reassembler data: ").num(m.reassemK).str("K\n");
    }
    if (m.expensive) {
      if (v.hasOldRuleMatcher()) {
        o.bytes(ts).str(" RuleMatcher: matchers=").num(m.matchers).str(" dfa_states=")
            .num(m.dfaStates).str(" ncomputed=").num(m.ncomputed).str(" mem=")
            .num(m.dfaStates * 5 / 2).str("K avg_nfa_states=").num(m.nfaStates / 40).ch('\n');
      } else {
        o.bytes(ts).str(" RuleMatcher: matchers=").num(m.matchers).str(" nfa_states=")
            .num(m.nfaStates).str(" dfa_states=").num(m.dfaStates).str(" ncomputed=")
            .num(m.ncomputed).str(" mem=").num(m.dfaStates * 5 / 2).str("K\n");
      }
    }
    o.bytes(ts).str(" Timers: current=").num(m.timersCurrent).str(" max=").num(m.timersMax);
    if (v.hasTimersMemory()) {
      o.str(" mem=").num(m.timersCurrent * 64 / 1024).ch('K');
    }
    o.str(" lag=").fixed(m.lagCentis, 2).str("s\n");
    o.bytes(ts).str(" DNS_Mgr: requests=")
        .num(m.dnsRequests).str(v.spellsSuccessful() ? " successful=" : " succesful=").num(m.dnsOk)
        .str(" failed=").num(m.dnsFailed).str(" pending=0 cached_hosts=")
        .num(Math.min(m.dnsOk, 2)).str(" cached_addrs=").num(Math.min(m.dnsOk, 3)).ch('\n');
    o.bytes(ts).str(" Triggers: total=").num(m.triggers).str(" pending=0\n");
    for (String name : timerOrder) {
      Long n = m.timers.get(name);
      if (n != null) {
        o.bytes(ts).spaces(9).str(name).str(" = ").num(n).ch('\n');
      }
    }
    if (v.hasThreads()) {
      o.bytes(ts).str(" Threads: current=").num(m.threads.size()).ch('\n');
      for (WriterThread w : m.threads) {
        o.bytes(ts).spaces(3).str(w.name).spaces(25 - w.name.length()); // %-25s, never truncated
        o.str(" in=").num(w.inW).str(" out=").num(w.outW).str(" pending=").num(w.inW - w.inR)
            .ch('/').num(w.outW - w.outR).str(" (#queue r/w: in=").num(w.inR).ch('/').num(w.inW)
            .str(" out=").num(w.outR).ch('/').num(w.outW).str(")\n");
      }
    }
    if (v.hasComm()) {
      o.bytes(ts).str(" Comm: peers=").num(m.peers).str(" stores=").num(m.stores)
          .str(" pending_queries=0 events_in=").num((long) m.eventsIn).str(" events_out=")
          .num((long) m.eventsOut).str(" logs_in=").num((long) m.logsIn).str(" logs_out=")
          .num((long) m.logsOut).str(" ids_in=0 ids_out=0 ");
      // no newline: Zeek leaves it to whatever is written next (Q1)
    }
    if (m.expensive) {
      globals(m, o, ts);
    }
  }

  private void globals(NodeModel m, ByteSink o, byte[] ts) {
    long a = m.hiddenEntries;
    long b = a + a / 5;
    long sizeK = m.hiddenSizeK;
    for (GlobalTable g : m.globals) {
      if (g.table) {
        a += g.entries;
        b += g.recursive;
      }
      sizeK += g.sizeBytes / 1024;
    }
    if (v.namesGlobals()) {
      o.bytes(ts).str(" Global_sizes > 100k: 0K\n");
      for (GlobalTable g : m.globals) {
        if (g.listedNamed()) {
          o.bytes(ts).spaces(16).str(g.name).str(" = ").num(g.sizeBytes / 1024).ch('K');
          if (g.table) {
            o.str(" (").num(g.entries).ch('/').num(g.recursive).str(" entries)");
          }
          o.ch('\n');
        }
      }
      o.bytes(ts).str(" Global_sizes total: ").num(v.thirtyTwoBit() ? sizeK & 0x3F_FFFFL : sizeK).str("K\n");
    } else {
      List<GlobalTable> sorted = new ArrayList<>(m.globals);
      sorted.sort((x, y) -> x.name.compareTo(y.name));
      for (GlobalTable g : sorted) {
        if (g.listedUnnamed()) {
          o.bytes(ts).spaces(16).num(g.entries).ch('/').num(g.recursive).str(" entries\n");
        }
      }
    }
    o.bytes(ts).str(" Total number of table entries: ").num((int) a).ch('/').num((int) b).ch('\n');
    if (companion) {
      List<GlobalTable> sorted = new ArrayList<>(m.globals);
      sorted.sort((x, y) -> x.name.compareTo(y.name));
      for (GlobalTable g : sorted) {
        long f = g.footprint();
        if (f >= 100) {
          o.bytes(ts).str(" proflog-global footprint=").num(f).str(" entries=").num(g.entries)
              .str(" name=").str(g.name).ch('\n');
        }
      }
    }
  }

  private static void sep(ByteSink o, byte[] ts) {
    o.bytes(ts).str(" ------------------------\n");
  }

  private static long tenths(double seconds) {
    return Math.round(seconds * 10);
  }

  /** The argv zeekctl (BroControl before 3.0) passes (§10.1); the last {@code -p} is the node. */
  static List<String> argv(NodeModel m) {
    ZeekVersion v = m.v;
    String tool = v.isBro() ? "broctl" : "zeekctl";
    List<String> a = new ArrayList<>();
    a.add(v.isBro() ? "/usr/local/bro/bin/bro" : "/usr/local/zeek/bin/zeek");
    if (m.plan.isPacketNode()) {
      a.add("-i");
      a.add("eth0");
    }
    a.add("-U");
    a.add(".status");
    a.add("-p");
    a.add(tool);
    a.add("-p");
    a.add(tool + "-live");
    boolean standalone = m.plan.role() == Role.STANDALONE;
    if (standalone) {
      a.add("-p");
      a.add("standalone");
    }
    a.add("-p");
    a.add("local");
    a.add("-p");
    a.add(m.plan.name());
    boolean zeromq = v.atLeast(8, 1) && !standalone;
    if (zeromq) {
      a.add("policy/frameworks/cluster/backend/zeromq");
    }
    a.add(v.isBro() ? "local.bro" : "local.zeek");
    a.add(tool);
    if (standalone) {
      a.add(tool + "/standalone");
    } else if (!zeromq) {
      a.add("base/frameworks/cluster");
    }
    a.add(tool + "/auto");
    return a;
  }

  /** For tests: the timer rows must appear in this order. */
  List<String> timerOrder() {
    return timerOrder;
  }
}
