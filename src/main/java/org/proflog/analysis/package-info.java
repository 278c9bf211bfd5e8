/**
 * Detectors that turn a node's series into findings, each with the evidence to check it.
 *
 * <p>One {@link org.proflog.analysis.Detector} per finding kind; all read {@link
 * org.proflog.series.NodeSeries} and return {@link org.proflog.analysis.Finding}s. Statistics live in
 * {@code analysis.stats}.
 */
package org.proflog.analysis;
