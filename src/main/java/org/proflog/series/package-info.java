/**
 * Columnar time series per node and metric, built while snapshots stream past.
 *
 * <p>A {@link org.proflog.series.NodeSeries} holds every {@link org.proflog.series.Series} of one
 * node, keyed by {@link org.proflog.series.MetricKey} ({@code memory.total},
 * {@code thread.pending_in{thread="conn/Log::WRITER_ASCII"}}, ...), plus the node's
 * {@link org.proflog.series.Segment}s: a new segment starts at every process restart, and every
 * point carries the segment it belongs to. Memory is proportional to the number of points, never to
 * the size of the input.
 */
package org.proflog.series;
