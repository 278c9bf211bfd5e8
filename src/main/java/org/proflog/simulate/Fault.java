package org.proflog.simulate;

/**
 * One injected fault, as the analysis should find it.
 *
 * @param kind the finding kind id ({@code memory-growth}, {@code state-growth},
 *     {@code queue-backlog}, {@code timer-lag}, {@code restart})
 * @param node the spool directory name of the node
 * @param subject what grows: a global name, a thread name, or a metric such as {@code memory.total}
 * @param startMicros network time (µs since the epoch) at which the fault starts
 * @param description one sentence for humans
 */
public record Fault(String kind, String node, String subject, long startMicros, String description) {}
