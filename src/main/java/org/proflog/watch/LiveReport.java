package org.proflog.watch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.proflog.analysis.Finding;
import org.proflog.render.html.HtmlReport;
import org.proflog.render.html.ReportData;
import org.proflog.render.html.ReportDocument;
import org.proflog.series.NodeSeries;

/**
 * The live report of {@code watch --serve}: {@code /} is the HTML report's page in its live mode,
 * {@code /report.json} the report's data document, which the page fetches every few seconds;
 * anything else is 404.
 *
 * <p>When the document is made. A live watcher's series grow in place on the watch thread (and
 * compact themselves), so the report cannot be made from them on an HTTP thread. Nor is it made on
 * every tick: nobody may be looking. A request finding the document older than the data asks for a
 * new one and waits (at most about two update intervals, then takes the older one); the next
 * {@link #publish} on the watch thread makes it, once, whatever the number of requests. The watch
 * thread only thins the charted series into copies ({@link ReportDocument#of}; about 0.3 s for 100
 * nodes of a day at 15 s); the request formats and compresses the text. So the tick pays only when
 * a page asked since the last data change, at most once per tick, and the size is bounded by the
 * report's own thinning. Ticks without new data (same snapshot counts and findings) keep the
 * document, so an idle cluster costs nothing and answers {@code 304}.
 */
final class LiveReport implements HttpHandler {
  /** The page title. */
  static final String TITLE = "proflog watch";
  private static final long DEFAULT_WAIT_MILLIS = 10_000;
  private static final long MIN_WAIT_MILLIS = 1_000;
  private static final long MAX_WAIT_MILLIS = 30_000;

  private final Object lock = new Object();
  /** Tells this process's documents from an earlier one's in ETags. */
  private final String epoch = Long.toString(System.currentTimeMillis(), 36);

  // All guarded by lock.
  private List<Object> fingerprint;
  private long version;
  private ReportDocument document;
  /** Counts the documents made, for ETags. */
  private long documentSerial;
  private long documentVersion = -1;
  private boolean wanted;
  private boolean closed;
  private int renders;
  private long lastPublishNanos;
  private long publishGapNanos;

  /**
   * Called by the watch thread after each tick with what it just analysed; makes the document if a
   * request is waiting for newer data. A failure to make it is kept from the watch loop: the older
   * document stays served.
   */
  void publish(List<NodeSeries> series, List<Finding> open, long nowMicros) {
    List<Object> print = fingerprint(series, open);
    long v;
    synchronized (lock) {
      long now = System.nanoTime();
      if (lastPublishNanos != 0) {
        publishGapNanos = now - lastPublishNanos;
      }
      lastPublishNanos = now;
      if (!print.equals(fingerprint)) {
        fingerprint = print;
        version++;
      }
      if (!wanted || documentVersion == version) {
        return;
      }
      wanted = false;
      v = version;
    }
    ReportDocument doc = null;
    try {
      doc = ReportDocument.of(new ReportData(TITLE, nowMicros, series, open, notes(series)));
    } catch (RuntimeException e) {
      // A bug in the report must not stop the watch; the page keeps the document it had.
    }
    synchronized (lock) {
      if (doc != null) {
        document = doc;
        documentSerial++;
        renders++;
      }
      documentVersion = v;
      lock.notifyAll();
    }
  }

  /** Where each node's data comes from, shown beside it as in {@code proflog report}. */
  private static Map<String, String> notes(List<NodeSeries> series) {
    Map<String, String> notes = new TreeMap<>();
    for (NodeSeries n : series) {
      notes.put(n.node().name(), String.join(", ", n.files()));
    }
    return notes;
  }

  /** What changes when the data does: per node its snapshot count and end, and the findings. */
  private static List<Object> fingerprint(List<NodeSeries> series, List<Finding> open) {
    List<Object> p = new ArrayList<>(series.size() * 5 + 1);
    for (NodeSeries n : series) {
      p.add(n.node().name());
      p.add(n.snapshots());
      p.add(n.endMicros());
      p.add(n.problems());
      p.add(n.segments().size());
    }
    p.add(List.copyOf(open));
    return p;
  }

  /** Wakes waiting requests; they answer with what there is. */
  void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  /** Whether a request waits for a document of newer data (for tests). */
  boolean renderWanted() {
    synchronized (lock) {
      return wanted;
    }
  }

  /** Documents made so far (for tests). */
  int renders() {
    synchronized (lock) {
      return renders;
    }
  }

  /** A document and its serial number. */
  private record Doc(ReportDocument document, long serial) {}

  /**
   * The document of the latest data, waiting a while for it; else the latest there is (its
   * document null when there is none).
   */
  private Doc current() throws InterruptedException {
    synchronized (lock) {
      if (documentVersion == version) {
        // up to date, or making it failed: nothing to wait for
        return new Doc(document, documentSerial);
      }
      long target = version;
      wanted = true;
      long waitNanos = Math.min(MAX_WAIT_MILLIS, Math.max(MIN_WAIT_MILLIS,
          publishGapNanos == 0 ? DEFAULT_WAIT_MILLIS : 2 * publishGapNanos / 1_000_000L)) * 1_000_000L;
      long deadline = System.nanoTime() + waitNanos;
      while (!closed && documentVersion < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000L));
      }
      return new Doc(document, documentSerial);
    }
  }


  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      Headers h = ex.getResponseHeaders();
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Cache-Control", "no-store");
      h.set("Referrer-Policy", "no-referrer");
      String method = ex.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        h.set("Allow", "GET, HEAD");
        text(ex, 405, "method not allowed\n", false);
        return;
      }
      switch (ex.getRequestURI().getPath()) {
        case "/", "/index.html" -> page(ex, head);
        case "/report.json" -> json(ex, head);
        default -> text(ex, 404, "not found; proflog serves /, /report.json and /metrics\n", head);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  private void page(HttpExchange ex, boolean head) throws IOException, InterruptedException {
    // Not kept: pages are loaded once per visit, and the document is the large part (kept there).
    ReportDocument doc = current().document();
    ByteArrayOutputStream b = new ByteArrayOutputStream(doc == null ? 200_000 : doc.length(false) + 200_000);
    Writer w = new OutputStreamWriter(b, StandardCharsets.UTF_8);
    HtmlReport.writeLive(doc, w);
    w.flush();
    byte[] body = b.toByteArray();
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", "text/html; charset=utf-8");
    h.set("Content-Security-Policy", HtmlReport.liveContentSecurityPolicy());
    h.set("X-Frame-Options", "DENY");
    send(ex, 200, body, head);
  }

  private void json(HttpExchange ex, boolean head) throws IOException, InterruptedException {
    Doc d = current();
    ReportDocument doc = d.document();
    Headers h = ex.getResponseHeaders();
    if (doc == null) {
      h.set("Retry-After", "1");
      text(ex, 503, "no data yet\n", head);
      return;
    }
    String tag = "\"" + epoch + "-" + d.serial() + "\"";
    h.set("ETag", tag);
    String match = ex.getRequestHeaders().getFirst("If-None-Match");
    if (match != null && match.contains(tag)) {
      ex.sendResponseHeaders(304, -1);
      return;
    }
    h.set("Content-Type", "application/json; charset=utf-8");
    h.set("Vary", "Accept-Encoding");
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    if (gzip) {
      h.set("Content-Encoding", "gzip");
    }
    if (head) {
      ex.sendResponseHeaders(200, -1);
      return;
    }
    ex.sendResponseHeaders(200, doc.length(gzip));
    try (OutputStream out = ex.getResponseBody()) {
      doc.write(out, gzip);
    }
  }

  private static void text(HttpExchange ex, int code, String message, boolean head) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(ex, code, message.getBytes(StandardCharsets.UTF_8), head);
  }

  private static void send(HttpExchange ex, int code, byte[] body, boolean head) throws IOException {
    if (head) {
      ex.sendResponseHeaders(code, -1);
      return;
    }
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
