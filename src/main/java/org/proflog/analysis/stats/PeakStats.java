package org.proflog.analysis.stats;

/**
 * New-peak statistics of a monotone high-water-mark series such as Linux peak RSS, which never
 * falls: a healthy process sets its last new peak early and then plateaus, a leak keeps setting new
 * peaks at a steady rate until the end.
 *
 * @param newPeaks number of points in the window that exceed every earlier value of the series by
 *     more than the tolerance
 * @param peaksPerHour new peaks per hour of the window
 * @param meanIncrement mean size of a new peak's increment over the previous maximum
 * @param lastPeakFraction where in the window (0 = start, 1 = end) the last new peak happened; 0 when
 *     there was none
 * @param regularity fraction of the window's quarters that contain at least one new peak (0..1)
 * @param growth value at the end minus the maximum before the window
 */
public record PeakStats(
    int newPeaks,
    double peaksPerHour,
    double meanIncrement,
    double lastPeakFraction,
    double regularity,
    double growth) {

  /**
   * Computes the statistics over points {@code from..to-1}; points before {@code from} only set the
   * running maximum.
   *
   * @param tolerance an increase up to this much is not a new peak (rounding of the printed KiB)
   */
  public static PeakStats of(long[] timesMicros, double[] v, int from, int to, double tolerance) {
    if (to - from < 1) {
      return new PeakStats(0, 0, 0, 0, 0, 0);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < from; i++) {
      max = Math.max(max, v[i]);
    }
    double before = from > 0 ? max : v[from];
    if (from == 0) {
      max = v[0];
    }
    int peaks = 0;
    double inc = 0;
    int last = -1;
    boolean[] quarter = new boolean[4];
    long t0 = timesMicros[from];
    long span = Math.max(1, timesMicros[to - 1] - t0);
    for (int i = (from == 0 ? 1 : from); i < to; i++) {
      if (v[i] > max + tolerance) {
        peaks++;
        inc += v[i] - max;
        last = i;
        int q = (int) Math.min(3, (timesMicros[i] - t0) * 4 / span);
        quarter[q] = true;
      }
      max = Math.max(max, v[i]);
    }
    int covered = 0;
    for (boolean b : quarter) {
      if (b) {
        covered++;
      }
    }
    double hours = span / 3.6e9;
    double lastFrac = last < 0 ? 0 : (double) (timesMicros[last] - t0) / span;
    return new PeakStats(
        peaks,
        hours > 0 ? peaks / hours : 0,
        peaks > 0 ? inc / peaks : 0,
        lastFrac,
        covered / 4.0,
        max - before);
  }
}
