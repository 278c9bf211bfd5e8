package org.proflog.analysis;

import java.util.Map;

/**
 * What a finding rests on, so that a human can check it: the method, the window it looked at, the
 * trend and its significance, and the values at both ends.
 *
 * @param method e.g. {@code Theil-Sen + Mann-Kendall (Hamed-Rao)}
 * @param windowStartMicros first point used; {@code windowEndMicros} last point used
 * @param points number of points in the window
 * @param slope the trend, in {@code slopeUnit} (e.g. {@code KiB/h})
 * @param pValue significance of the trend (NaN when the method has none)
 * @param statistic name of the effect statistic ({@code tau}, {@code R²}, ...) and its value
 * @param startValue value at the window's start; {@code endValue} at its end, in {@code valueUnit}
 * @param extra further named facts (the expiry of a table, the correlated load metric...), in order
 */
public record Evidence(
    String method,
    long windowStartMicros,
    long windowEndMicros,
    int points,
    double slope,
    String slopeUnit,
    double pValue,
    String statistic,
    double statisticValue,
    double startValue,
    double endValue,
    String valueUnit,
    Map<String, String> extra) {

  public Evidence {
    extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }

  /** The same evidence with one more fact after the others (or that fact's value replaced). */
  public Evidence with(String key, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(extra);
    more.put(key, value);
    return new Evidence(method, windowStartMicros, windowEndMicros, points, slope, slopeUnit, pValue, statistic,
        statisticValue, startValue, endValue, valueUnit, more);
  }
}
