package org.proflog.render.html;

import java.util.List;
import org.proflog.series.Series;

/**
 * One chart of a node before its points are read: which series it draws and how. Building specs
 * first lets the report share a point budget across all charts before touching any data.
 *
 * @param id unique within the report, used by findings to point at the chart
 * @param subjects the finding subjects this chart shows (metric ids, thread or global names)
 * @param leftUnit title of the left axis
 * @param rightUnit title of the right axis, or null when every column uses the left axis
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

    /** The transformed value of point i of the series (NaN where a rate is undefined). */
    double valueAt(int i) {
      if (transform == Transform.VALUE) {
        return series.value(i) * factor;
      }
      if (i == 0 || series.segmentOf(i) != series.segmentOf(i - 1)) {
        return Double.NaN;
      }
      long dt = series.time(i) - series.time(i - 1);
      double dv = series.value(i) - series.value(i - 1);
      return dt > 0 && dv >= 0 ? dv * 1e6 / dt : Double.NaN;
    }
  }
}
