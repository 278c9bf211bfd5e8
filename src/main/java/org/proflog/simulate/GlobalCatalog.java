package org.proflog.simulate;

import java.util.List;
import java.util.SplittableRandom;
import org.proflog.model.NodeId.Role;

/**
 * The script globals a node reports in expensive snapshots: Zeek's constant lookup tables, a few
 * tables bounded by expiry (one hovers around the 100-entry threshold, so its row comes and
 * goes), and the scenario's table (leaking, load-following or expiring).
 */
final class GlobalCatalog {
  private GlobalCatalog() {}

  /** The leaking table of the table-leak scenario. */
  static final String LEAK_TABLE = "MyPkg::seen_hosts";
  /** The table that follows current connections in the load-following scenario. */
  static final String FLOW_TABLE = "MyPkg::active_flows";
  /** Zeek's own table with a 1 hr read expiry, used by the expiring-table scenario. */
  static final String EXPIRING_TABLE = "Signatures::did_sig_log";
  /** Expiry of {@link #EXPIRING_TABLE}. */
  static final long EXPIRY_SECONDS = 3600;

  private static final Object[][] CONSTANT = {
    // name, entries, recursive factor, bytes/entry, min major, min minor
    {"DCE_RPC::operations", 2429L, 1.0, 277.0, 2, 5},
    {"DCE_RPC::uuid_endpoint_map", 224L, 1.0, 237.0, 2, 5},
    {"DHCP::option_types", 156L, 1.0, 224.0, 2, 6},
    {"FTP::cmd_reply_code", 325L, 1.0, 138.0, 2, 0},
    {"RADIUS::attr_types", 169L, 1.0, 225.0, 2, 2},
    {"RDP::languages", 238L, 1.0, 220.0, 2, 4},
    {"SMB::statuses", 1910L, 1.0, 507.0, 2, 5},
    {"SSL::cipher_desc", 376L, 1.0, 241.0, 2, 0},
    {"SSL::ct_logs", 102L, 1.0, 812.0, 2, 5},
    {"SSL::root_certs", 138L, 1.0, 1390.0, 2, 0},
    {"Weird::actions", 152L, 1.0, 195.0, 2, 4},
  };

  static void install(NodeModel m, List<GlobalTable> out) {
    ZeekVersion v = m.v;
    for (Object[] c : CONSTANT) {
      if (v.atLeast((Integer) c[4], (Integer) c[5])) {
        GlobalTable g = new GlobalTable((String) c[0], true, (Double) c[3], (Double) c[2]);
        g.set((Long) c[1]);
        out.add(g);
      }
    }
    Role r = m.plan.role();
    if (m.plan.isPacketNode()) {
      out.add(new GlobalTable("Weird::weird_ignore", true, 180, 1.0));
      out.add(new GlobalTable("Software::tracked", true, 420, 2.3));
      if (v.atLeast(2, 5)) {
        GlobalTable intel = new GlobalTable("Intel::min_data_store", false, 0, 1.0);
        intel.sizeBytes = 2_510L * 1024;
        out.add(intel);
      }
      if (m.plan.has(NodePlan.Kind.TABLE_LEAK)) {
        out.add(new GlobalTable(LEAK_TABLE, true, 210, 1.0));
      }
      if (m.spec.scenario() == Scenario.LOAD_FOLLOWING) {
        out.add(new GlobalTable(FLOW_TABLE, true, 260, 1.0));
      }
      if (m.spec.scenario() == Scenario.EXPIRING_TABLE) {
        out.add(new GlobalTable(EXPIRING_TABLE, true, 190, 1.0));
      }
    }
    if ((r == Role.MANAGER || r == Role.STANDALONE) && v.atLeast(2, 2)) {
      GlobalTable intel = new GlobalTable("Intel::data_store", false, 0, 1.0);
      intel.sizeBytes = 5_230L * 1024;
      out.add(intel);
    }
    if (r == Role.MANAGER || r == Role.STANDALONE) {
      out.add(new GlobalTable("Notice::suppressing", true, 205, 1.0));
    }
    if (v.before(2, 6)) {
      GlobalTable nodes = new GlobalTable("Communication::nodes", true, 900, 1.0);
      nodes.set(m.plan.clusterSize() > 1 ? m.plan.clusterSize() : 0);
      out.add(nodes);
    }
    out.sort((a, b) -> v.sortsGlobals() ? a.name.compareTo(b.name)
        : Integer.compare(hashOrder(a.name), hashOrder(b.name)));
  }

  /** Bro ≤ 3.0 walked its globals in hash-table order: stable but arbitrary. */
  private static int hashOrder(String name) {
    int h = 0x811C9DC5;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x01000193;
    }
    return h;
  }

  static void advance(NodeModel m, List<GlobalTable> globals, long t, double load, double b,
      SplittableRandom rng) {
    boolean startup = m.kind.equals("startup");
    double e = Math.max(0, (t - m.processStart) / 1e6);
    for (GlobalTable g : globals) {
      switch (g.name) {
        case "Weird::weird_ignore" -> g.set(startup ? 0
            : Math.round(105 * m.warm(t, 300) * load * (1 + 0.8 * b) * m.noise(0.25)));
        case "Software::tracked" -> g.set(startup ? 0 : Math.round(1400 * m.warm(t, 1800) * m.noise(0.01)));
        case "Notice::suppressing" -> g.set(startup ? 0 : Math.round(380 * m.warm(t, 900) * load * m.noise(0.1)));
        case LEAK_TABLE -> {
          long from = m.plan.start(NodePlan.Kind.TABLE_LEAK);
          // one entry per new originator: grows with cumulative connections, never expires
          g.set(t < from ? 0 : Math.round(m.connsTotal * 0.045));
        }
        case FLOW_TABLE -> g.set(Math.round(m.connsCurrentB * 0.3 * m.noise(0.02)));
        case "Intel::data_store" ->
            // the intel file is re-read hourly (reader out jumps): the store grows in steps with it
            g.sizeBytes = 5_230L * 1024 + (long) (e / 3600) * 1_500L * 340;
        case EXPIRING_TABLE -> g.set(startup ? 0
            : Math.round(0.9 * Math.min(e, EXPIRY_SECONDS) * load * m.noise(0.02)));
        default -> { }
      }
    }
  }
}
