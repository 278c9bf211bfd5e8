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
   * Rows to thin, read in place: {@code value(c, i)} is column c at {@code time(i)}, NaN where that
   * column has no point. Reading in place spares copying a month of points per chart.
   */
  interface Source {
    int rows();

    int columnCount();

    long time(int i);

    double value(int column, int i);
  }

  /** A chart's columns on shared times, held in arrays. */
  record Table(long[] times, double[][] columns) implements Source {
    @Override
    public int rows() {
      return times.length;
    }

    @Override
    public int columnCount() {
      return columns.length;
    }

    @Override
    public long time(int i) {
      return times[i];
    }

    @Override
    public double value(int column, int i) {
      return columns[column][i];
    }
  }

  /**
   * Reduces {@code in} to at most {@code maxRows} rows (at least 4 are always allowed). Times must be
   * sorted ascending. Returns {@code in} itself when it is already small enough.
   */
  static Table downsample(Source in, int maxRows) {
    int n = in.rows();
    int limit = Math.max(4, maxRows);
    int cols = in.columnCount();
    if (n <= limit) {
      if (in instanceof Table t) {
        return t;
      }
      long[] times = new long[n];
      double[][] values = new double[cols][n];
      for (int i = 0; i < n; i++) {
        times[i] = in.time(i);
        for (int c = 0; c < cols; c++) {
          values[c][i] = in.value(c, i);
        }
      }
      return new Table(times, values);
    }
    int buckets = (limit - 2) / 2;
    long[] outT = new long[limit];
    double[][] outC = new double[cols][limit];
    int o = 0;
    o = copyRow(in, 0, outT, outC, o);
    long t0 = in.time(1);
    long span = in.time(n - 2) - t0 + 1;
    int start = 1;
    while (start < n - 1) {
      int b = bucketOf(in.time(start), t0, span, buckets);
      int end = start + 1;
      while (end < n - 1 && bucketOf(in.time(end), t0, span, buckets) == b) {
        end++;
      }
      // rows [start, end) form one bucket
      if (end - start == 1) {
        o = copyRow(in, start, outT, outC, o);
      } else {
        outT[o] = in.time(start);
        outT[o + 1] = in.time(end - 1);
        for (int c = 0; c < cols; c++) {
          int iMin = -1;
          int iMax = -1;
          double min = Double.NaN;
          double max = Double.NaN;
          for (int i = start; i < end; i++) {
            double v = in.value(c, i);
            if (Double.isNaN(v)) {
              continue;
            }
            if (iMin < 0 || v < min) {
              iMin = i;
              min = v;
            }
            if (iMax < 0 || v > max) {
              iMax = i;
              max = v;
            }
          }
          // the extreme that came first goes first, so the line keeps the data's shape
          outC[c][o] = iMin <= iMax ? min : max;
          outC[c][o + 1] = iMin <= iMax ? max : min;
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

  private static int copyRow(Source in, int i, long[] outT, double[][] outC, int o) {
    outT[o] = in.time(i);
    for (int c = 0; c < outC.length; c++) {
      outC[c][o] = in.value(c, i);
    }
    return o + 1;
  }
}
