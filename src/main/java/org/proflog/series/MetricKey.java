package org.proflog.series;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric plus its labels: {@code thread.pending_in{thread="conn/Log::WRITER_ASCII"}}. Ordered by
 * metric, then labels, so every listing of series is stable.
 */
public record MetricKey(Metric metric, SortedMap<String, String> labels)
    implements Comparable<MetricKey> {

  public MetricKey {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** The keys without labels, one per metric: looked up for every plain series at every analysis. */
  private static final MetricKey[] PLAIN = plainKeys();

  private static MetricKey[] plainKeys() {
    Metric[] all = Metric.values();
    MetricKey[] keys = new MetricKey[all.length];
    for (Metric m : all) {
      keys[m.ordinal()] = new MetricKey(m, new TreeMap<>());
    }
    return keys;
  }

  /** A key with no labels (the same instance for a metric every time). */
  public static MetricKey of(Metric metric) {
    return PLAIN[metric.ordinal()];
  }

  /** A key with one label. */
  public static MetricKey of(Metric metric, String label, String value) {
    TreeMap<String, String> l = new TreeMap<>();
    l.put(label, value);
    return new MetricKey(metric, l);
  }

  /** A key with two labels. */
  public static MetricKey of(Metric metric, String l1, String v1, String l2, String v2) {
    TreeMap<String, String> l = new TreeMap<>();
    l.put(l1, v1);
    l.put(l2, v2);
    return new MetricKey(metric, l);
  }

  /** The value of a label, or null. */
  public String label(String name) {
    return labels.get(name);
  }

  /** Labels as {@code {k="v",...}} with {@code \}, {@code "} and newlines escaped; empty when none. */
  public String labelText() {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("{");
    Iterator<Map.Entry<String, String>> it = labels.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, String> e = it.next();
      sb.append(e.getKey()).append("=\"");
      escape(e.getValue(), sb);
      sb.append('"');
      if (it.hasNext()) {
        sb.append(',');
      }
    }
    return sb.append('}').toString();
  }

  private static void escape(String v, StringBuilder sb) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
  }

  @Override
  public int compareTo(MetricKey o) {
    int c = metric.id().compareTo(o.metric.id());
    if (c != 0) {
      return c;
    }
    Iterator<Map.Entry<String, String>> a = labels.entrySet().iterator();
    Iterator<Map.Entry<String, String>> b = o.labels.entrySet().iterator();
    while (a.hasNext() && b.hasNext()) {
      Map.Entry<String, String> x = a.next();
      Map.Entry<String, String> y = b.next();
      c = x.getKey().compareTo(y.getKey());
      if (c == 0) {
        c = x.getValue().compareTo(y.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  @Override
  public String toString() {
    return metric.id() + labelText();
  }
}
