/**
 * Output: the analysis as text (80 columns, optional colour), JSON (versioned schema) and Markdown;
 * the series as tidy CSV / NDJSON; the HTML report and OpenMetrics in sub-packages. Renderers write
 * to a {@link java.io.Writer} they are given and never decide exit codes.
 */
package org.proflog.render;
