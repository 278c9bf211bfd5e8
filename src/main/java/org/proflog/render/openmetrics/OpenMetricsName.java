package org.proflog.render.openmetrics;

import java.util.Locale;
import org.proflog.series.Metric;

/**
 * The OpenMetrics family a proflog {@link Metric} is exported as: a Prometheus-style name in base
 * units ({@code memory.total}, printed by Zeek in KiB, becomes {@code zeek_prof_memory_peak_rss_bytes}),
 * its type, unit and the factor that converts stored values to that unit. Counter families are named
 * without {@code _total}; their samples carry it. METRICS.md beside this class lists every mapping.
 *
 * @param family family name (no {@code _total})
 * @param type {@code gauge} or {@code counter}
 * @param unit OpenMetrics unit ({@code bytes}, {@code seconds}) or empty when the value is a count
 * @param factor multiply a stored value by this to get the exported value
 */
public record OpenMetricsName(String family, String type, String unit, double factor, String help) {
  static final String PREFIX = "zeek_prof_";

  /** The family for a metric. Metrics added later get a name derived from their id. */
  public static OpenMetricsName of(Metric m) {
    String base = switch (m) {
      case MEMORY_TOTAL -> "memory_peak_rss";
      case MEMORY_MALLOCED -> "memory_malloced";
      case RUNTIME_USER_SYS -> "cpu";
      case RUNTIME_REAL -> "run_time";
      case CONNS_TOTAL -> "connections_created";
      case CONNS_CURRENT -> "connections";
      case CONNS_SESSIONS -> "session_table_entries";
      case CONNS_MEM -> "connections_memory";
      case CONNS_TCP -> "tcp_connections";
      case CONNS_UDP -> "udp_connections";
      case CONNS_ICMP -> "icmp_connections";
      case CONNS_EXPIRED -> "connections_expired";
      case TCP_STATE -> "tcp_state_connections";
      case REASSEMBLER -> "reassembler_data";
      case RULES_DFA_STATES -> "signature_dfa_states";
      case RULES_MEM -> "signature_dfa_memory";
      case TIMERS_CURRENT -> "timers";
      case TIMERS_LAG -> "timer_lag";
      case TIMER_COUNT -> "timers_by_type";
      case DNS_REQUESTS -> "dns_requests";
      case DNS_FAILED -> "dns_requests_failed";
      case DNS_PENDING -> "dns_requests_pending";
      case TRIGGERS_TOTAL -> "triggers_created";
      case TRIGGERS_PENDING -> "triggers_pending";
      case THREADS_CURRENT -> "threads";
      case THREAD_IN -> "thread_in_messages";
      case THREAD_OUT -> "thread_out_messages";
      case THREAD_PENDING_IN -> "thread_pending_in_messages";
      case THREAD_PENDING_OUT -> "thread_pending_out_messages";
      case THREAD_IN_READS -> "thread_in_queue_reads";
      case THREAD_OUT_READS -> "thread_out_queue_reads";
      case COMM_PEERS -> "broker_peers";
      case COMM_EVENTS_IN -> "broker_events_received";
      case COMM_EVENTS_OUT -> "broker_events_sent";
      case COMM_LOGS_IN -> "broker_logs_received";
      case COMM_LOGS_OUT -> "broker_logs_sent";
      case GLOBAL_SIZE -> "global_size";
      case GLOBAL_ENTRIES -> "global_entries";
      case GLOBAL_FOOTPRINT -> "global_footprint";
      case TABLE_ENTRIES -> "table_entries";
      case TABLE_ENTRIES_RECURSIVE -> "table_entries_recursive";
      case GLOBALS_TOTAL -> "globals_size";
      case TABLES_ENTRIES -> "table_entries_all";
      case TABLES_ENTRIES_RECURSIVE -> "table_entries_all_recursive";
      default -> m.id().replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase(Locale.ROOT);
    };
    String unit;
    double factor = 1;
    switch (m.unit()) {
      case KIB -> {
        unit = "bytes";
        factor = 1024;
      }
      case BYTES -> unit = "bytes";
      case SECONDS -> unit = "seconds";
      default -> unit = "";
    }
    String family = PREFIX + base + (unit.isEmpty() ? "" : "_" + unit);
    String type = m.kind() == Metric.Kind.COUNTER ? "counter" : "gauge";
    String help = m.help() + " (prof.log " + m.id() + ")";
    return new OpenMetricsName(family, type, unit, factor, help);
  }

  /** Whether the family is a counter (samples end in {@code _total}, resets announced by {@code _created}). */
  public boolean counter() {
    return type.equals("counter");
  }

  /** A valid, non-reserved label name: other characters become {@code _}; {@code node} is ours. Shared by the
   * OpenMetrics export and watch's /metrics, so both name labels alike. */
  public static String labelName(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      sb.append(ok ? c : '_');
    }
    String n = sb.length() == 0 ? "label" : sb.toString();
    if (n.equals("node") || n.startsWith("__")) {
      n = "series_" + n.replaceFirst("^_+", "");
    }
    return n;
  }
}
