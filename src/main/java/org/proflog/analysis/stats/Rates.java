package org.proflog.analysis.stats;

/** Unit conversions of slopes and counters over microsecond time axes. */
public final class Rates {
  /** Microseconds per hour. */
  public static final double MICROS_PER_HOUR = 3.6e9;

  private Rates() {}

  /** Times in µs as hours since {@code t0}. */
  public static double[] hoursSince(long[] timesMicros, long t0) {
    double[] h = new double[timesMicros.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = (timesMicros[i] - t0) / MICROS_PER_HOUR;
    }
    return h;
  }

  /** Mean rate per hour of a counter between two points (NaN when no time passed). */
  public static double perHour(double fromValue, double toValue, long fromMicros, long toMicros) {
    double h = (toMicros - fromMicros) / MICROS_PER_HOUR;
    return h > 0 ? (toValue - fromValue) / h : Double.NaN;
  }

  /** A per-hour rate as per day. */
  public static double perDay(double perHour) {
    return perHour * 24;
  }
}
