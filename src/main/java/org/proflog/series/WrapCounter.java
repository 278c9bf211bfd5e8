package org.proflog.series;

/**
 * Unwraps a cumulative counter that Bro 2.0-2.4 printed as a 32-bit integer (Q7): {@code Conns:
 * total} and {@code Connections expired} turn negative after 2³¹ and restart at 0 after 2³².
 *
 * <p>A negative printed value is read as unsigned; a step from the top quarter of the 32-bit range
 * into the bottom quarter is a wrap and adds 2³² to an offset. Any other decrease is a real drop
 * (a restart). Counters of later versions are 64-bit and never come near those values in
 * practice, so the same rule is harmless there.
 */
final class WrapCounter {

  static final long RANGE = 1L << 32;
  private static final long QUARTER = 1L << 30;

  private long lastRaw;
  private long offset;
  private boolean has;

  /** Forgets the history (a new process). */
  void reset() {
    has = false;
    offset = 0;
    lastRaw = 0;
  }

  /** Whether {@code raw} after the latest value is a decrease that is not a wrap. */
  boolean wouldDrop(long raw) {
    if (!has) {
      return false;
    }
    long r = unsigned(raw);
    return r < lastRaw && !isWrap(lastRaw, r);
  }

  /** Takes the next printed value; returns the unwrapped value. */
  long next(long raw) {
    long r = unsigned(raw);
    if (has && r < lastRaw && isWrap(lastRaw, r)) {
      offset += RANGE;
    }
    lastRaw = r;
    has = true;
    return r + offset;
  }

  /** The unwrapped latest value (0 when none). */
  long value() {
    return lastRaw + offset;
  }

  private static long unsigned(long raw) {
    return raw < 0 && raw >= Integer.MIN_VALUE ? raw + RANGE : raw;
  }

  private static boolean isWrap(long prev, long cur) {
    return prev >= RANGE - QUARTER && prev < RANGE && cur < QUARTER;
  }
}
