package org.proflog.simulate;

import java.util.Locale;

/**
 * Everything that determines a simulation; equal specs produce byte-identical output.
 *
 * @param scenario what happens
 * @param nodes 1 = standalone {@code zeek}; 2–3 = manager + workers; ≥ 4 = manager, logger-1,
 *     proxy-1 and workers {@code worker-1-1..k}
 * @param durationSeconds simulated span of network time
 * @param intervalSeconds {@code profiling_interval}
 * @param version Zeek release whose format is written
 * @param seed random seed
 * @param expensiveEvery {@code expensive_profiling_multiple} (&gt; 0)
 * @param companion write {@code proflog-global} companion lines after expensive snapshots (5.0+)
 * @param startEpochSeconds base network time (seconds since the epoch)
 */
public record SimulationSpec(
    Scenario scenario,
    int nodes,
    long durationSeconds,
    long intervalSeconds,
    ZeekVersion version,
    long seed,
    int expensiveEvery,
    boolean companion,
    long startEpochSeconds) {

  /** The fixed base time used unless one is given: 2023-11-14T22:13:20Z. */
  public static final long DEFAULT_START = 1_700_000_000L;

  public SimulationSpec {
    if (scenario == null || version == null) {
      throw new IllegalArgumentException("scenario and version are required");
    }
    if (nodes < 1 || nodes > 10_000) {
      throw new IllegalArgumentException("--nodes must be between 1 and 10000, got " + nodes);
    }
    if (intervalSeconds < 1) {
      throw new IllegalArgumentException("--interval must be at least 1s");
    }
    if (durationSeconds < intervalSeconds) {
      throw new IllegalArgumentException("--duration must be at least one interval");
    }
    if (expensiveEvery < 1) {
      throw new IllegalArgumentException("--expensive-every must be at least 1");
    }
    if (companion && !version.supportsCompanion()) {
      throw new IllegalArgumentException(
          "--companion needs Zeek 5.0 or newer (global_container_footprints), got " + version);
    }
    if (!scenario.supports(version)) {
      throw new IllegalArgumentException("scenario " + scenario.id()
          + " needs thread rows, which Bro " + version + " does not print (2.1+)");
    }
    if (startEpochSeconds < 1_000_000_000L || startEpochSeconds > 9_999_999_999L) {
      throw new IllegalArgumentException("--start must be a 10-digit epoch second");
    }
  }

  /** A spec with the defaults of {@code misc/profiling}: 15 s, every 20th expensive, no companion. */
  public static SimulationSpec of(Scenario scenario, int nodes, long durationSeconds, String version,
      long seed) {
    return new SimulationSpec(scenario, nodes, durationSeconds, 15, ZeekVersion.parse(version), seed,
        20, false, DEFAULT_START);
  }

  /** Same spec with another interval. */
  public SimulationSpec withInterval(long seconds) {
    return new SimulationSpec(scenario, nodes, durationSeconds, seconds, version, seed,
        expensiveEvery, companion, startEpochSeconds);
  }

  /** Same spec with companion lines on or off. */
  public SimulationSpec withCompanion(boolean on) {
    return new SimulationSpec(scenario, nodes, durationSeconds, intervalSeconds, version, seed,
        expensiveEvery, on, startEpochSeconds);
  }

  /** Same spec with another seed. */
  public SimulationSpec withSeed(long s) {
    return new SimulationSpec(scenario, nodes, durationSeconds, intervalSeconds, version, s,
        expensiveEvery, companion, startEpochSeconds);
  }

  /**
   * Parses a duration such as {@code 15s}, {@code 30m}, {@code 3h}, {@code 1d}, {@code 90} (seconds)
   * or a combination like {@code 1h30m}.
   */
  public static long parseDuration(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    long total = 0;
    long num = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        num = (num < 0 ? 0 : num) * 10 + (c - '0');
        if (num > 1_000_000_000L) {
          throw new IllegalArgumentException("duration too long '" + text + "'");
        }
        continue;
      }
      if (num < 0) {
        throw new IllegalArgumentException("bad duration '" + text + "' (expected e.g. 15s, 30m, 3h, 1d)");
      }
      long unit = switch (c) {
        case 's' -> 1;
        case 'm' -> 60;
        case 'h' -> 3600;
        case 'd' -> 86400;
        case 'w' -> 7 * 86400;
        default -> throw new IllegalArgumentException(
            "bad duration '" + text + "' (expected e.g. 15s, 30m, 3h, 1d)");
      };
      total += num * unit;
      num = -1;
    }
    if (num >= 0) {
      total += num;
    }
    return total;
  }
}
