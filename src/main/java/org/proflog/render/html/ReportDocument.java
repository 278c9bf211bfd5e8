package org.proflog.render.html;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * The report's data document made once and kept: what the page embeds and what the live page
 * fetches as {@code report.json}.
 *
 * <p>{@link #of} reads every charted series and keeps a thinned copy (within the report's budget);
 * call it where the series do not change meanwhile (a live watcher's series grow in place on its
 * own thread). Everything else, the costlier half (formatting half a million numbers), happens on
 * first use of the text, on any thread, once: the document never reads a series again.
 */
public final class ReportDocument {
  private ReportJson.Thinned thinned;
  private final long generatedAtMicros;
  private byte[] bytes;
  private byte[] gzip;

  private ReportDocument(ReportJson.Thinned thinned, long generatedAtMicros) {
    this.thinned = thinned;
    this.generatedAtMicros = generatedAtMicros;
  }

  /** The document of {@code data}, its series read now. */
  public static ReportDocument of(ReportData data) {
    return new ReportDocument(ReportJson.thin(data), data.generatedAtMicros());
  }

  /** When the data was taken (µs since the epoch), as given in the {@link ReportData}. */
  public long generatedAtMicros() {
    return generatedAtMicros;
  }

  /**
   * The JSON text, with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 inside strings written
   * as {@code \}{@code u} escapes (still the same JSON, and safe inside a script element).
   */
  public String text() {
    return new String(bytes(false), StandardCharsets.UTF_8);
  }

  /** The length of {@link #text} in UTF-8 bytes, or of its gzip form when {@code gzip}. */
  public int length(boolean gzip) {
    return bytes(gzip).length;
  }

  /** Writes {@link #text} in UTF-8 to {@code out}, compressed with gzip when {@code gzip} (about five times smaller). */
  public void write(java.io.OutputStream out, boolean gzip) throws IOException {
    out.write(bytes(gzip));
  }

  private synchronized byte[] bytes(boolean compressed) {
    if (bytes == null) {
      // Only the bytes are kept (the text is as large again); the page asks for the text rarely.
      StringWriter w = new StringWriter();
      try {
        ObjectNode json = ReportJson.format(thinned);
        ReportJson.mapper().writeValue(new HtmlReport.HtmlSafeWriter(w), json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = w.toString().getBytes(StandardCharsets.UTF_8);
      thinned = null;
    }
    if (!compressed) {
      return bytes;
    }
    if (gzip == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      gzip = out.toByteArray();
    }
    return gzip;
  }
}
