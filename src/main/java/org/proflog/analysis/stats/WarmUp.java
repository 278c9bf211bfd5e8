package org.proflog.analysis.stats;

/**
 * Finds where a series stops its start-up ramp: a two-piece least-squares line (independent pieces)
 * is fitted at every split point using prefix sums (O(n) in all), and the split with the least total
 * squared error is the end of warm-up when the first piece rises clearly faster than the second.
 *
 * <p>Start-up is the normal state of a fresh Zeek: tables fill, the connection table reaches its
 * steady size, peak RSS climbs. Growth before the knee is not a leak; only growth after it counts.
 */
public final class WarmUp {
  private WarmUp() {}

  /**
   * The end of warm-up.
   *
   * @param index first point after warm-up (0 when none was found)
   * @param slopeBefore slope of the first piece (y per x unit); {@code slopeAfter} of the second
   */
  public record Result(int index, double slopeBefore, double slopeAfter) {}

  /**
   * Detects the knee of a ramp-then-plateau shape.
   *
   * @param x times (any unit, increasing)
   * @param y values
   * @param minPiece fewest points per piece
   * @param ratio the first piece's slope must exceed the second's by this factor (and be positive)
   * @param maxFraction the warm-up may not take more than this fraction of the points
   */
  public static Result detect(double[] x, double[] y, int minPiece, double ratio, double maxFraction) {
    int n = x.length;
    int mp = Math.max(2, minPiece);
    if (n < 2 * mp) {
      return new Result(0, Double.NaN, Double.NaN);
    }
    double x0 = x[0];
    double y0 = y[0];
    double[] sx = new double[n + 1];
    double[] sy = new double[n + 1];
    double[] sxx = new double[n + 1];
    double[] sxy = new double[n + 1];
    double[] syy = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double a = x[i] - x0;
      double b = y[i] - y0;
      sx[i + 1] = sx[i] + a;
      sy[i + 1] = sy[i] + b;
      sxx[i + 1] = sxx[i] + a * a;
      sxy[i + 1] = sxy[i] + a * b;
      syy[i + 1] = syy[i] + b * b;
    }
    int best = -1;
    double bestSse = Double.POSITIVE_INFINITY;
    int maxSplit = (int) Math.floor(n * maxFraction);
    for (int k = mp; k <= Math.min(n - mp, maxSplit); k++) {
      double sse = sse(sx, sy, sxx, sxy, syy, 0, k) + sse(sx, sy, sxx, sxy, syy, k, n);
      if (sse < bestSse) {
        bestSse = sse;
        best = k;
      }
    }
    if (best < 0) {
      return new Result(0, Double.NaN, Double.NaN);
    }
    double b1 = slope(sx, sy, sxx, sxy, 0, best);
    double b2 = slope(sx, sy, sxx, sxy, best, n);
    boolean knee = b1 > 0 && b1 > ratio * Math.max(b2, 0);
    return new Result(knee ? best : 0, b1, b2);
  }

  private static double slope(double[] sx, double[] sy, double[] sxx, double[] sxy, int a, int b) {
    int m = b - a;
    double mx = (sx[b] - sx[a]) / m;
    double my = (sy[b] - sy[a]) / m;
    double vxx = (sxx[b] - sxx[a]) - m * mx * mx;
    double vxy = (sxy[b] - sxy[a]) - m * mx * my;
    return vxx > 0 ? vxy / vxx : 0;
  }

  private static double sse(double[] sx, double[] sy, double[] sxx, double[] sxy, double[] syy, int a, int b) {
    int m = b - a;
    double mx = (sx[b] - sx[a]) / m;
    double my = (sy[b] - sy[a]) / m;
    double vxx = (sxx[b] - sxx[a]) - m * mx * mx;
    double vxy = (sxy[b] - sxy[a]) - m * mx * my;
    double vyy = (syy[b] - syy[a]) - m * my * my;
    double r = vxx > 0 ? vyy - vxy * vxy / vxx : vyy;
    return Math.max(0, r);
  }
}
