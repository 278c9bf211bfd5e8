package org.proflog.analysis;

/** The kinds of finding proflog reports (DESIGN.md §2). */
public enum FindingKind {
  MEMORY_GROWTH("memory-growth"),
  STATE_GROWTH("state-growth"),
  QUEUE_BACKLOG("queue-backlog"),
  TIMER_LAG("timer-lag"),
  TIMER_GROWTH("timer-growth"),
  CONNECTION_STATE("connection-state"),
  DNS("dns"),
  TRIGGERS("triggers"),
  COMM("comm"),
  RESTART("restart"),
  CLUSTER_OUTLIER("cluster-outlier");

  private final String id;

  FindingKind(String id) {
    this.id = id;
  }

  /** Kebab-case name used in output. */
  public String id() {
    return id;
  }
}
