package org.proflog.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.proflog.series.MetricKey;
import org.proflog.series.NodeSeries;
import org.proflog.series.Series;

/**
 * {@code export --to csv|ndjson}: every point of every series as one tidy row
 * {@code node, segment, time, metric, labels, value}. Time is epoch seconds with six decimals and
 * values are printed exactly (integral values without decimals), so the export round-trips what
 * prof.log said. Rows are ordered by node, then metric key, then reading order.
 */
public final class TidyExport {
  /** The export formats. */
  public enum Format { CSV, NDJSON }

  private TidyExport() {}

  /** Writes all series of all nodes. */
  public static void write(List<NodeSeries> nodes, Format format, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    if (format == Format.CSV) {
      sb.append("node,segment,time,metric,labels,value\n");
    }
    for (NodeSeries n : nodes) {
      String node = n.node().name();
      for (Map.Entry<MetricKey, Series> e : n.series().entrySet()) {
        MetricKey k = e.getKey();
        Series s = e.getValue();
        String metric = k.metric().id();
        String prefix;
        if (format == Format.CSV) {
          prefix = csv(node) + ",";
        } else {
          prefix = "{\"node\":\"" + json(node) + "\",\"segment\":";
        }
        String mid = format == Format.CSV
            ? "," + metric + "," + csv(k.labelText()) + ","
            : ",\"metric\":\"" + metric + "\",\"labels\":" + labelsJson(k) + ",\"value\":";
        for (int i = 0; i < s.size(); i++) {
          sb.append(prefix).append(s.segmentOf(i));
          if (format == Format.CSV) {
            sb.append(',').append(Fmt.epochSeconds(s.time(i))).append(mid).append(Fmt.plain(s.value(i))).append('\n');
          } else {
            double v = s.value(i);
            sb.append(",\"time\":").append(Fmt.epochSeconds(s.time(i))).append(mid)
                .append(Double.isFinite(v) ? Fmt.plain(v) : "\"" + Fmt.plain(v) + "\"").append("}\n");
          }
          if (sb.length() > (1 << 16) - 512) {
            out.write(sb.toString());
            sb.setLength(0);
          }
        }
      }
    }
    out.write(sb.toString());
    out.flush();
  }

  private static String labelsJson(MetricKey k) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> l : k.labels().entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      b.append('"').append(json(l.getKey())).append("\":\"").append(json(l.getValue())).append('"');
    }
    return b.append('}').toString();
  }

  private static String json(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s));
  }

  /** RFC 4180 quoting when needed. */
  static String csv(String s) {
    if (s.isEmpty()) {
      return s;
    }
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
