package org.proflog.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.proflog.analysis.Finding;
import org.proflog.render.Fmt;
import org.proflog.render.JsonRenderer;

/** One output line per {@link WatchEvent}: human text or NDJSON. */
public final class EventFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventFormat() {}

  /** {@code <time> <event> <severity> <kind> <node> <subject>: <explanation>}, time being the end of the finding's window (UTC). */
  public static String text(WatchEvent e) {
    Finding f = e.finding();
    return Fmt.time(f.windowEndMicros()) + " " + e.type().word() + " " + f.severity().label() + " "
        + f.kind().id() + " " + f.node() + " " + f.subject() + ": " + f.explanation();
  }

  /** {@code {"event":"new|changed|cleared","finding":{...}}} on one line. */
  public static String ndjson(WatchEvent e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("event", e.type().word());
    o.set("finding", JsonRenderer.finding(e.finding()));
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
