package org.proflog.render.html;

import java.util.Arrays;

/**
 * Thins the columns of one chart to a bounded number of rows while keeping what an operator looks
 * for: every spike and every dip. The rows are split into equal time buckets; each bucket becomes at
 * most two rows (at the times of its first and last point), and each column puts its bucket minimum
 * and maximum there in the order they occurred. The first and last rows of the input are always kept
 * exactly, so the chart starts and ends where the data does.
 *
 * <p>Min/max per bucket is chosen over LTTB because a leak hunter cares about extremes (a one-minute
 * queue burst must survive a month-long chart), and because it keeps all columns of a chart on one
 * shared set of times, which is what the chart library needs.
 */
final class Downsampler {
  private Downsampler() {}

  /**
   * A chart's columns on shared times: {@code columns[c][i]} is the value of column c at
   * {@code times[i]}, NaN where that column has no point.
   */
  record Table(long[] times, double[][] columns) {
    int rows() {
      return times.length;
    }
  }

  /**
   * Reduces {@code in} to at most {@code maxRows} rows (at least 4 are always allowed). Times must be
   * sorted ascending. Returns {@code in} itself when it is already small enough.
   */
  static Table downsample(Table in, int maxRows) {
    int n = in.rows();
    int limit = Math.max(4, maxRows);
    if (n <= limit) {
      return in;
    }
    int buckets = (limit - 2) / 2;
    int cols = in.columns().length;
    long[] t = in.times();
    long[] outT = new long[limit];
    double[][] outC = new double[cols][limit];
    int o = 0;
    o = copyRow(in, 0, outT, outC, o);
    long t0 = t[1];
    long span = t[n - 2] - t0 + 1;
    int start = 1;
    while (start < n - 1) {
      int b = bucketOf(t[start], t0, span, buckets);
      int end = start + 1;
      while (end < n - 1 && bucketOf(t[end], t0, span, buckets) == b) {
        end++;
      }
      // rows [start, end) form one bucket
      if (end - start == 1) {
        o = copyRow(in, start, outT, outC, o);
      } else {
        outT[o] = t[start];
        outT[o + 1] = t[end - 1];
        for (int c = 0; c < cols; c++) {
          double[] col = in.columns()[c];
          int iMin = -1;
          int iMax = -1;
          for (int i = start; i < end; i++) {
            double v = col[i];
            if (Double.isNaN(v)) {
              continue;
            }
            if (iMin < 0 || v < col[iMin]) {
              iMin = i;
            }
            if (iMax < 0 || v > col[iMax]) {
              iMax = i;
            }
          }
          if (iMin < 0) {
            outC[c][o] = Double.NaN;
            outC[c][o + 1] = Double.NaN;
          } else {
            int first = Math.min(iMin, iMax);
            int second = Math.max(iMin, iMax);
            outC[c][o] = col[first];
            outC[c][o + 1] = col[second];
          }
        }
        o += 2;
      }
      start = end;
    }
    o = copyRow(in, n - 1, outT, outC, o);
    long[] rt = Arrays.copyOf(outT, o);
    double[][] rc = new double[cols][];
    for (int c = 0; c < cols; c++) {
      rc[c] = Arrays.copyOf(outC[c], o);
    }
    return new Table(rt, rc);
  }

  private static int bucketOf(long time, long t0, long span, int buckets) {
    // Integer arithmetic in double to avoid long overflow for spans of years in microseconds.
    int b = (int) ((double) (time - t0) * buckets / span);
    return Math.min(Math.max(b, 0), buckets - 1);
  }

  private static int copyRow(Table in, int i, long[] outT, double[][] outC, int o) {
    outT[o] = in.times()[i];
    for (int c = 0; c < outC.length; c++) {
      outC[c][o] = in.columns()[c][i];
    }
    return o + 1;
  }
}
