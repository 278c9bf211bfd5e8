package org.proflog.simulate;

import java.util.List;
import java.util.Map;

/**
 * The values of one snapshot the simulator wrote, so that tests can compare a parser's reading
 * with what was meant. Produced only when an observer is given.
 *
 * @param node node name
 * @param process 0 for the first process of the node, 1 after a restart
 * @param tsMicros snapshot time in µs (0 for a packet process's startup snapshot)
 * @param kind {@code startup}, {@code timer} or {@code shutdown}
 * @param expensive whether the expensive block was written
 * @param totalK Memory total as printed
 * @param mallocedK Memory malloced as printed (unsigned)
 * @param connsTotal Conns total
 * @param connsCurrent second number of Conns current
 * @param timersCurrent Timers current
 * @param lagCentis Timers lag in hundredths of a second as printed
 * @param globals top-level entries of every table global (listed or not), by name
 * @param threads thread counters {@code {inW, inR, outW, outR}} by thread name
 */
public record WrittenSnapshot(
    String node,
    int process,
    long tsMicros,
    String kind,
    boolean expensive,
    long totalK,
    long mallocedK,
    long connsTotal,
    long connsCurrent,
    long timersCurrent,
    long lagCentis,
    Map<String, Long> globals,
    Map<String, long[]> threads) {

  /** Convenience: the thread names in print order. */
  public List<String> threadNames() {
    return List.copyOf(threads.keySet());
  }
}
