package org.proflog.enable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code proflog enable} generates: the version, the two profiling settings and the
 * companion's settings. All cross-option checks live in {@link #of}; a record that exists is valid.
 *
 * @param version the Zeek/Bro series the script is for
 * @param intervalSeconds {@code profiling_interval} in whole seconds (1 s to 1 day)
 * @param expensiveEvery {@code expensive_profiling_multiple} (1 to 10000)
 * @param companion whether the companion script is included (only possible on Zeek 5.0+)
 * @param threshold {@code ProflogCompanion::min_footprint}
 * @param everyNth {@code ProflogCompanion::every_nth}
 */
public record EnableOptions(
    ZeekVersion version,
    long intervalSeconds,
    int expensiveEvery,
    boolean companion,
    long threshold,
    int everyNth) {

  /** Zeek's own {@code misc/profiling} interval: 15 s. */
  public static final long DEFAULT_INTERVAL_SECONDS = 15;
  /** Zeek's own {@code misc/profiling} multiple: every 20th snapshot is expensive. */
  public static final int DEFAULT_EXPENSIVE_EVERY = 20;
  /** Default companion threshold; matches the ≥ 100 entries rule of the core's own rows. */
  public static final long DEFAULT_THRESHOLD = 100;

  private static final Pattern INTERVAL =
      Pattern.compile("(\\d{1,6})\\s*(s|sec|secs|m|min|mins|h|hr|hrs)?", Pattern.CASE_INSENSITIVE);
  private static final long MAX_INTERVAL_SECONDS = 86_400;

  /** Range checks; see {@link #of} for the user-facing entry point. */
  public EnableOptions {
    if (version == null) {
      throw new IllegalArgumentException("no Zeek version");
    }
    if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw new IllegalArgumentException("interval must be between 1s and 24h");
    }
    if (expensiveEvery < 1 || expensiveEvery > 10_000) {
      throw new IllegalArgumentException("--expensive-every must be between 1 and 10000");
    }
    if (companion && !version.hasFootprints()) {
      throw new IllegalArgumentException(
          "--companion needs Zeek 5.0 or later; " + version.label()
              + " already names the globals in prof.log (and lacks global_container_footprints)");
    }
    if (threshold < 0) {
      throw new IllegalArgumentException("--threshold must not be negative");
    }
    if (everyNth < 1 || everyNth > 10_000) {
      throw new IllegalArgumentException("--every-nth must be between 1 and 10000");
    }
  }

  /**
   * Builds the options from user input.
   *
   * @param companion {@code null} for the version's default (on from Zeek 5.0), else the user's choice
   * @throws IllegalArgumentException with a one-line message on any invalid combination
   */
  public static EnableOptions of(
      ZeekVersion version,
      String interval,
      int expensiveEvery,
      Boolean companion,
      long threshold,
      int everyNth) {
    boolean withCompanion = companion == null ? version.hasFootprints() : companion;
    return new EnableOptions(
        version, parseInterval(interval), expensiveEvery, withCompanion, threshold, everyNth);
  }

  /** The defaults for {@code version}. */
  public static EnableOptions defaults(ZeekVersion version) {
    return of(version, DEFAULT_INTERVAL_SECONDS + "s", DEFAULT_EXPENSIVE_EVERY, null,
        DEFAULT_THRESHOLD, 1);
  }

  /**
   * Reads {@code 10s}, {@code 10 secs}, {@code 2m}, {@code 1h}, or a bare number of seconds.
   *
   * @throws IllegalArgumentException if it is not a whole, positive interval of at most a day
   */
  public static long parseInterval(String text) {
    String t = text == null ? "" : text.trim();
    Matcher m = INTERVAL.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an interval '" + t + "' (expected e.g. 10s, 2m or 1h)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    long factor = unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1;
    long seconds = n * factor;
    if (seconds < 1 || seconds > MAX_INTERVAL_SECONDS) {
      throw new IllegalArgumentException("interval must be between 1s and 24h, got '" + t + "'");
    }
    return seconds;
  }

  /** Seconds between expensive snapshots (interval × multiple; a lower bound, intervals drift). */
  public long expensiveSeconds() {
    return intervalSeconds * expensiveEvery;
  }
}
