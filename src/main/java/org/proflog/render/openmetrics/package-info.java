/**
 * OpenMetrics text export of every series, for back-filling into Prometheus with
 * {@code promtool tsdb create-blocks-from openmetrics}. {@link
 * org.proflog.render.openmetrics.OpenMetricsWriter} writes it; {@link
 * org.proflog.render.openmetrics.OpenMetricsName} names each metric family (see METRICS.md).
 */
package org.proflog.render.openmetrics;
