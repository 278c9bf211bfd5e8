package org.proflog.model;

import java.util.Locale;

/**
 * A cluster node (one Zeek process's prof.log history), named as zeekctl names its spool
 * directory: {@code manager}, {@code logger-1}, {@code proxy-1}, {@code worker-1-1}, or
 * {@code standalone} for a lone file.
 */
public record NodeId(String name) implements Comparable<NodeId> {

  /** The role a node plays, guessed from its name as zeekctl names nodes. */
  public enum Role {
    MANAGER, LOGGER, PROXY, WORKER, STANDALONE, OTHER;

    /** Lower-case name for output. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public NodeId {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("node name is empty");
    }
  }

  /** The role implied by the name (heuristic: zeekctl's section names). */
  public Role role() {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("manager")) {
      return Role.MANAGER;
    }
    if (n.startsWith("logger")) {
      return Role.LOGGER;
    }
    if (n.startsWith("proxy")) {
      return Role.PROXY;
    }
    if (n.startsWith("worker")) {
      return Role.WORKER;
    }
    if (n.equals("standalone") || n.equals("zeek") || n.equals("bro")) {
      return Role.STANDALONE;
    }
    return Role.OTHER;
  }

  @Override
  public int compareTo(NodeId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
