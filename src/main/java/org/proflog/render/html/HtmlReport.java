package org.proflog.render.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the single-file offline HTML report: cluster overview, findings ranked by severity with
 * their evidence, and per-node charts.
 *
 * <p>The page is {@code report.html} beside this class, a complete page by itself (opened directly
 * it shows an empty report). It carries three markers, in this order: {@code <!--UPLOT_CSS-->},
 * {@code /*DATA*}{@code /{}/*END*}{@code /} and {@code <!--UPLOT_JS-->}. The first and last are
 * replaced by the uPlot chart library read from its WebJar, the middle one by the report's data as one JSON document.
 * The writer streams the template up to each marker, writes what belongs there and goes on; there
 * is no template engine and nothing is fetched when the page is viewed.
 *
 * <p>Every string in the data comes from logs (node, thread and global names, command lines), so
 * the JSON is written with {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as
 * {@code \}{@code u003c} and so on: no name can close the script element it sits in. The page puts
 * strings into the document only as text.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(path)) {
 *   HtmlReport.write(new ReportData("prod cluster", nowMicros, nodes, findings, notes), w);
 * }
 * }</pre>
 */
public final class HtmlReport {
  static final String TEMPLATE = "report.html";
  static final String UPLOT_DIR = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  static final String CSS_MARKER = "<!--UPLOT_CSS-->";
  static final String JS_MARKER = "<!--UPLOT_JS-->";
  static final String DATA_MARKER = "/*DATA*/";
  static final String DATA_END = "/*END*/";

  private HtmlReport() {}

  /** Writes the report for {@code data} to {@code out} (which is flushed, not closed). */
  public static void write(ReportData data, Writer out) throws IOException {
    String template = resource(HtmlReport.class, TEMPLATE);
    ObjectNode json = ReportJson.build(data);
    int at = 0;
    for (String marker : List.of(CSS_MARKER, DATA_MARKER, JS_MARKER)) {
      int m = template.indexOf(marker, at);
      if (m < 0) {
        throw new IllegalStateException("report template lacks " + marker);
      }
      out.write(template, at, m - at);
      switch (marker) {
        case CSS_MARKER -> {
          out.write("<style>");
          out.write(resource(HtmlReport.class, "/" + UPLOT_DIR + "uPlot.min.css"));
          out.write("</style>");
          at = m + marker.length();
        }
        case JS_MARKER -> {
          out.write("<script>");
          out.write(scriptSafe(resource(HtmlReport.class, "/" + UPLOT_DIR + "uPlot.iife.min.js")));
          out.write("</script>");
          at = m + marker.length();
        }
        default -> {
          writeJson(json, out);
          int end = template.indexOf(DATA_END, m);
          if (end < 0) {
            throw new IllegalStateException("report template lacks " + DATA_END);
          }
          at = end + DATA_END.length();
        }
      }
    }
    out.write(template, at, template.length() - at);
    out.flush();
  }

  /** The data document alone, as embedded in the page (escaped for HTML); for tests and tools. */
  static String json(ReportData data) throws IOException {
    java.io.StringWriter w = new java.io.StringWriter();
    writeJson(ReportJson.build(data), w);
    return w.toString();
  }

  private static void writeJson(ObjectNode json, Writer out) throws IOException {
    ObjectMapper m = ReportJson.mapper();
    m.writeValue(new HtmlSafeWriter(out), json);
  }

  /** Guards inlined library code: a literal end tag inside it would end the script element. */
  static String scriptSafe(String js) {
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--");
  }

  static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Escapes the characters that could end a script element or confuse an HTML parser. In JSON they
   * can only occur inside strings, where the \\u form means the same character.
   */
  static final class HtmlSafeWriter extends FilterWriter {
    HtmlSafeWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      switch (c) {
        case '<' -> out.write("\\u003c");
        case '>' -> out.write("\\u003e");
        case '&' -> out.write("\\u0026");
        case '\u2028' -> out.write("\\u2028");
        case '\u2029' -> out.write("\\u2029");
        default -> out.write(c);
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      int start = off;
      int end = off + len;
      for (int i = off; i < end; i++) {
        char c = cbuf[i];
        if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
          out.write(cbuf, start, i - start);
          write(c);
          start = i + 1;
        }
      }
      out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      write(str.toCharArray(), off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
