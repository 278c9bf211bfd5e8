package org.proflog.simulate;

import java.util.Map;
import org.proflog.model.NodeId.Role;

/**
 * One node of the simulated cluster and the faults planned for it.
 *
 * @param name spool directory name
 * @param role what the node does
 * @param ordinal position among the cluster's nodes (varies start offsets and sizes)
 * @param faults planned fault start times (µs) by kind
 * @param clusterSize number of nodes in the cluster
 * @param workers number of workers in the cluster
 * @param hasLogger whether a logger node exists (else the manager writes the logs)
 */
record NodePlan(String name, Role role, int ordinal, Map<NodePlan.Kind, Long> faults,
    int clusterSize, int workers, boolean hasLogger) {

  /** Faults the node model knows how to inject. */
  enum Kind { TABLE_LEAK, STUCK_WRITER, SLOW_READER, TIMER_LAG, RESTART, MEMORY_LEAK }

  boolean has(Kind k) {
    return faults.containsKey(k);
  }

  long start(Kind k) {
    return faults.getOrDefault(k, Long.MAX_VALUE);
  }

  boolean isPacketNode() {
    return role == Role.WORKER || role == Role.STANDALONE;
  }

  boolean writesLogs() {
    return role == Role.LOGGER || role == Role.STANDALONE || (role == Role.MANAGER && !hasLogger);
  }
}
