/**
 * The single-file offline HTML report.
 *
 * <p>{@link org.proflog.render.html.HtmlReport#write} streams the page template {@code report.html}
 * (a valid page by itself), inlining the uPlot chart library from its WebJar and the report's data
 * as one HTML-safe JSON document built from a {@link org.proflog.render.html.ReportData}: nodes
 * grouped by role with a verdict each, findings ranked by severity with their evidence, and per-node
 * charts (memory, connections, timers and lag, message threads, named globals, Broker), thinned so
 * that a month of one-second snapshots still makes a small file.
 */
package org.proflog.render.html;
