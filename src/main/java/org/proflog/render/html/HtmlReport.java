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
 * it shows an empty report). It carries four markers, in this order: {@code <!--UPLOT_CSS-->},
 * {@code /*DATA*}{@code /{}/*END*}{@code /}, {@code <!--UPLOT_JS-->} and {@code <!--LIVE-->}. The
 * first and third are replaced by the uPlot chart library read from its WebJar, the second by the
 * report's data as one JSON document, the last by nothing (the file report) or by {@code live.js}
 * ({@link #writeLive}, the page of {@code proflog watch --serve}, which refreshes itself). The
 * writer streams the template up to each marker, writes what belongs there and goes on; there is
 * no template engine and the file report fetches nothing when viewed.
 *
 * <p>The page's script draws through one function that can be called again with newer data: it
 * updates the page in place (charts of the same shape get the new data and keep a zoomed range,
 * sections and charts that went away are removed, the finding shown stays shown, the finding or
 * node on screen stays where it was).
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
  static final String LIVE_MARKER = "<!--LIVE-->";
  static final String LIVE_SCRIPT = "live.js";

  private HtmlReport() {}

  /** Writes the report for {@code data} to {@code out} (which is flushed, not closed). */
  public static void write(ReportData data, Writer out) throws IOException {
    ObjectNode json = ReportJson.build(data);
    write(out, w -> writeJson(json, w), null);
  }

  /**
   * Writes the live page of {@code proflog watch --serve}: the report of {@code doc} (or an empty
   * one that waits for data when {@code doc} is null) plus a script that fetches {@code report.json}
   * beside the page every few seconds ({@code ?refresh=N}, 10 by default) and redraws in place,
   * keeping the scroll position and the finding shown. Serve it with
   * {@link #liveContentSecurityPolicy()}.
   */
  public static void writeLive(ReportDocument doc, Writer out) throws IOException {
    write(out, w -> w.write(doc == null ? "{}" : doc.text()), liveScript());
  }

  /**
   * A {@code Content-Security-Policy} for the page of {@link #writeLive}: its own inline scripts and
   * styles only (by hash, so nothing from the data can run even if it reached the markup), requests
   * to its own origin only, no frames, forms or base URL.
   */
  public static String liveContentSecurityPolicy() {
    return LivePolicy.VALUE;
  }

  private interface DataWriter {
    void write(Writer out) throws IOException;
  }

  private static void write(Writer out, DataWriter data, String live) throws IOException {
    String template = resource(HtmlReport.class, TEMPLATE);
    int at = 0;
    for (String marker : List.of(CSS_MARKER, DATA_MARKER, JS_MARKER, LIVE_MARKER)) {
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
        case LIVE_MARKER -> {
          if (live != null) {
            out.write("<script>");
            out.write(live);
            out.write("</script>");
          }
          at = m + marker.length();
        }
        default -> {
          data.write(out);
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

  private static String liveScript() {
    return scriptSafe(resource(HtmlReport.class, LIVE_SCRIPT));
  }

  /** The policy, computed once from the hashes of the live page's inline scripts and styles. */
  private static final class LivePolicy {
    static final String VALUE = compute();

    private static String compute() {
      java.io.StringWriter page = new java.io.StringWriter();
      try {
        writeLive(null, page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String html = page.toString();
      return "default-src 'none'; script-src " + hashes(html, "script") + "; style-src "
          + hashes(html, "style") + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";
    }

    /** The hashes of the contents of every {@code <tag>} element (the data block has a type and is not run). */
    private static String hashes(String html, String tag) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("<" + tag + ">(.*?)</" + tag + ">", java.util.regex.Pattern.DOTALL).matcher(html);
      java.util.StringJoiner j = new java.util.StringJoiner(" ");
      while (m.find()) {
        try {
          byte[] d = java.security.MessageDigest.getInstance("SHA-256")
              .digest(m.group(1).getBytes(StandardCharsets.UTF_8));
          j.add("'sha256-" + java.util.Base64.getEncoder().encodeToString(d) + "'");
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e); // every Java platform has SHA-256
        }
      }
      return j.length() == 0 ? "'none'" : j.toString();
    }
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
