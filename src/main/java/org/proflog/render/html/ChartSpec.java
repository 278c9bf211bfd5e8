package org.proflog.render.html;

import java.util.List;
import org.proflog.series.Series;

/**
 * One chart of a node before its points are read: which series it draws and how. Building specs
 * first lets the report share a point budget across all charts before touching any data.
 *
 * @param id unique within the report, used by findings to point at the chart
 * @param subjects the finding subjects this chart shows (metric ids, thread or global names)
 * @param units axis titles: left, and right or null when every column uses the left axis
 */
record ChartSpec(String id, String title, List<String> subjects, String leftUnit, String rightUnit,
    List<Column> columns) {

  /** How a column's values come from its series. */
  enum Transform {
    /** The value times {@code factor}. */
    VALUE,
    /** Per-second increase of a cumulative counter, within a segment only (no rate across a restart). */
    RATE
  }

  /**
   * One line of a chart.
   *
   * @param right whether it is drawn against the right axis
   */
  record Column(String label, Series series, Transform transform, double factor, boolean right) {
    static Column value(String label, Series s, double factor) {
      return new Column(label, s, Transform.VALUE, factor, false);
    }

    static Column rate(String label, Series s) {
      return new Column(label, s, Transform.RATE, 1, true);
    }

    Column onRight() {
      return new Column(label, series, transform, factor, true);
    }

    /** The column's points: times and transformed values (NaN where a rate is undefined). */
    double[] values() {
      double[] v = series.values();
      if (transform == Transform.VALUE) {
        if (factor != 1) {
          for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
          }
        }
        return v;
      }
      long[] t = series.times();
      int[] seg = series.segments();
      double[] r = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        r[i] = Double.NaN;
        if (i > 0 && seg[i] == seg[i - 1] && t[i] > t[i - 1] && v[i] >= v[i - 1]) {
          r[i] = (v[i] - v[i - 1]) * 1e6 / (t[i] - t[i - 1]);
        }
      }
      return r;
    }
  }
}
