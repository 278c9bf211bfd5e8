package org.proflog.simulate;

import java.util.List;

/**
 * The ground truth of one simulation, written as {@code truth.json}: what was generated and every
 * fault injected. Healthy scenarios have no faults; their {@code notes} say which trap they set
 * (for instance a table that grows only for its expiry interval).
 *
 * @param scenario scenario id
 * @param version Zeek version as given
 * @param era era code (G1..G9)
 * @param seed random seed
 * @param intervalSeconds profiling interval
 * @param expensiveEvery expensive_profiling_multiple
 * @param startMicros base network time
 * @param durationSeconds simulated span
 * @param nodes node names, sorted
 * @param faults injected faults, sorted by node then subject
 * @param notes explanations of non-fault behaviour a detector must not flag
 */
public record Truth(
    String scenario,
    String version,
    String era,
    long seed,
    long intervalSeconds,
    int expensiveEvery,
    long startMicros,
    long durationSeconds,
    List<String> nodes,
    List<Fault> faults,
    List<String> notes) {}
