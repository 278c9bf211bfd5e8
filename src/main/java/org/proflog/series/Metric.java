package org.proflog.series;

import java.util.Locale;

/**
 * The closed set of metric names proflog derives from prof.log, with unit and kind. Labels (thread,
 * global, timer type...) distinguish the series of one metric; see {@link MetricKey}.
 */
public enum Metric {
  MEMORY_TOTAL("memory.total", Unit.KIB, Kind.GAUGE, "process memory as printed (peak RSS on Linux since Bro 2.4)"),
  MEMORY_MALLOCED("memory.malloced", Unit.KIB, Kind.GAUGE, "heap in use according to malloc (0 on Linux from Zeek 5.2)"),
  RUNTIME_USER_SYS("runtime.user_sys", Unit.SECONDS, Kind.COUNTER, "CPU seconds of all threads"),
  RUNTIME_REAL("runtime.real", Unit.SECONDS, Kind.COUNTER, "wall-clock seconds since the process started"),
  CONNS_TOTAL("conns.total", Unit.COUNT, Kind.COUNTER, "connections created"),
  CONNS_CURRENT("conns.current", Unit.COUNT, Kind.GAUGE, "connection objects alive"),
  CONNS_SESSIONS("conns.sessions", Unit.COUNT, Kind.GAUGE, "entries in the session tables"),
  CONNS_MEM("conns.mem", Unit.BYTES, Kind.GAUGE, "estimated connection memory (expensive snapshots, up to Zeek 5.0)"),
  CONNS_TCP("conns.tcp", Unit.COUNT, Kind.GAUGE, "current TCP connections"),
  CONNS_UDP("conns.udp", Unit.COUNT, Kind.GAUGE, "current UDP connections"),
  CONNS_ICMP("conns.icmp", Unit.COUNT, Kind.GAUGE, "current ICMP connections"),
  CONNS_EXPIRED("conns.expired", Unit.COUNT, Kind.COUNTER, "connections expired due to inactivity"),
  TCP_STATE("tcp.state", Unit.COUNT, Kind.GAUGE, "TCP connections per originator/responder state"),
  REASSEMBLER("reassembler.data", Unit.KIB, Kind.GAUGE, "data buffered in reassemblers (up to Zeek 5.0)"),
  RULES_DFA_STATES("rules.dfa_states", Unit.COUNT, Kind.GAUGE, "signature DFA states computed"),
  RULES_MEM("rules.mem", Unit.KIB, Kind.GAUGE, "signature DFA memory"),
  TIMERS_CURRENT("timers.current", Unit.COUNT, Kind.GAUGE, "pending timers"),
  TIMERS_LAG("timers.lag", Unit.SECONDS, Kind.GAUGE, "how late the profile timer fired (timer-driven snapshots only)"),
  TIMER_COUNT("timer.count", Unit.COUNT, Kind.GAUGE, "pending timers of one type"),
  DNS_REQUESTS("dns.requests", Unit.COUNT, Kind.COUNTER, "asynchronous DNS requests"),
  DNS_FAILED("dns.failed", Unit.COUNT, Kind.COUNTER, "failed DNS requests"),
  DNS_PENDING("dns.pending", Unit.COUNT, Kind.GAUGE, "outstanding DNS requests"),
  TRIGGERS_TOTAL("triggers.total", Unit.COUNT, Kind.COUNTER, "when-triggers created"),
  TRIGGERS_PENDING("triggers.pending", Unit.COUNT, Kind.GAUGE, "triggers queued for evaluation"),
  THREADS_CURRENT("threads.current", Unit.COUNT, Kind.GAUGE, "message threads"),
  THREAD_IN("thread.in", Unit.COUNT, Kind.COUNTER, "messages sent into a thread"),
  THREAD_OUT("thread.out", Unit.COUNT, Kind.COUNTER, "messages sent out of a thread"),
  THREAD_PENDING_IN("thread.pending_in", Unit.COUNT, Kind.GAUGE, "messages waiting in a thread's inbound queue"),
  THREAD_PENDING_OUT("thread.pending_out", Unit.COUNT, Kind.GAUGE, "messages waiting in a thread's outbound queue"),
  THREAD_IN_READS("thread.in_reads", Unit.COUNT, Kind.COUNTER, "reads of a thread's inbound queue"),
  THREAD_OUT_READS("thread.out_reads", Unit.COUNT, Kind.COUNTER, "reads of a thread's outbound queue"),
  COMM_PEERS("comm.peers", Unit.COUNT, Kind.GAUGE, "Broker peerings"),
  COMM_EVENTS_IN("comm.events_in", Unit.COUNT, Kind.COUNTER, "Broker events received"),
  COMM_EVENTS_OUT("comm.events_out", Unit.COUNT, Kind.COUNTER, "Broker events sent"),
  COMM_LOGS_IN("comm.logs_in", Unit.COUNT, Kind.COUNTER, "Broker log records received"),
  COMM_LOGS_OUT("comm.logs_out", Unit.COUNT, Kind.COUNTER, "Broker log records sent"),
  GLOBAL_SIZE("global.size", Unit.KIB, Kind.GAUGE, "estimated size of a named global (up to Zeek 5.0)"),
  GLOBAL_ENTRIES("global.entries", Unit.COUNT, Kind.GAUGE, "entries of a named table global"),
  GLOBAL_FOOTPRINT("global.footprint", Unit.COUNT, Kind.GAUGE, "container footprint of a global (companion script)"),
  TABLE_ENTRIES("table.entries", Unit.COUNT, Kind.GAUGE, "entries of an unnamed table row (Zeek 5.1+), tracked by position"),
  TABLE_ENTRIES_RECURSIVE("table.entries_recursive", Unit.COUNT, Kind.GAUGE, "entries of an unnamed table row, nested tables included (Zeek 5.1+)"),
  GLOBALS_TOTAL("globals.total", Unit.KIB, Kind.GAUGE, "Global_sizes total (up to Zeek 5.0)"),
  TABLES_ENTRIES("tables.entries", Unit.COUNT, Kind.GAUGE, "total number of table entries"),
  TABLES_ENTRIES_RECURSIVE("tables.entries_recursive", Unit.COUNT, Kind.GAUGE, "total table entries, nested tables included");

  /** Unit of a metric's values, as stored (what Zeek printed, except where the name says otherwise). */
  public enum Unit {
    KIB, BYTES, SECONDS, COUNT;

    /** Lower-case name for output. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Gauge (a level) or counter (cumulative within a segment). */
  public enum Kind { GAUGE, COUNTER }

  private final String id;
  private final Unit unit;
  private final Kind kind;
  private final String help;

  Metric(String id, Unit unit, Kind kind, String help) {
    this.id = id;
    this.unit = unit;
    this.kind = kind;
    this.help = help;
  }

  /** Dotted name, e.g. {@code memory.total}. */
  public String id() {
    return id;
  }

  public Unit unit() {
    return unit;
  }

  public Kind kind() {
    return kind;
  }

  /** One-line description. */
  public String help() {
    return help;
  }

  /** The metric with that dotted name, or null. */
  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    return null;
  }
}
