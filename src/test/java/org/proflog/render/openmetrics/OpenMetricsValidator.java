package org.proflog.render.openmetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict checker of OpenMetrics text as proflog writes it (gauges and counters with timestamps),
 * written from the specification's grammar: metric and label name syntax, label value escapes,
 * number and timestamp syntax, metadata before samples and once per family, families contiguous,
 * sample names matching their family's type ({@code _total}/{@code _created} for counters), unit
 * suffixes, strictly increasing timestamps per series, counters that only decrease when their
 * {@code _created} time changes, and {@code # EOF} as the last line. Returns the problems found.
 */
final class OpenMetricsValidator {
  static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  static final Pattern NUMBER = Pattern.compile(
      "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(Inf|inf|\\+Inf)|NaN");
  static final Pattern TIMESTAMP = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  static final Pattern META = Pattern.compile("# (TYPE|UNIT|HELP) (\\S+)(?: (.*))?");
  static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "gaugehistogram",
      "stateset", "info", "summary", "unknown");

  private final List<String> problems = new ArrayList<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, Double> lastTime = new HashMap<>();
  private final Map<String, Double> lastTotal = new HashMap<>();
  private final Map<String, String> lastCreated = new HashMap<>();
  private final Map<String, Double> pendingTotal = new HashMap<>();
  private String family;
  private String type;
  private String unit;
  private final Set<String> seenMeta = new HashSet<>();
  private boolean samplesStarted;
  private int samples;

  static List<String> validate(String text) {
    OpenMetricsValidator v = new OpenMetricsValidator();
    v.run(text);
    return v.problems;
  }

  int samples() {
    return samples;
  }

  private void run(String text) {
    if (!text.endsWith("# EOF\n") && !text.endsWith("# EOF")) {
      problems.add("does not end with # EOF");
    }
    String[] lines = text.split("\n", -1);
    int last = lines.length - 1;
    if (lines[last].isEmpty()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      String l = lines[i];
      int no = i + 1;
      if (l.equals("# EOF")) {
        if (i != last) {
          problems.add(no + ": # EOF is not the last line");
        }
        continue;
      }
      if (l.isEmpty()) {
        problems.add(no + ": empty line");
      } else if (l.startsWith("#")) {
        meta(no, l);
      } else {
        sample(no, l);
      }
    }
  }

  private void meta(int no, String l) {
    Matcher m = META.matcher(l);
    if (!m.matches()) {
      problems.add(no + ": bad comment line: " + l);
      return;
    }
    String kind = m.group(1);
    String name = m.group(2);
    String rest = m.group(3) == null ? "" : m.group(3);
    if (!METRIC_NAME.matcher(name).matches()) {
      problems.add(no + ": bad family name " + name);
    }
    if (!name.equals(family)) {
      startFamily(no, name);
    } else if (samplesStarted) {
      problems.add(no + ": metadata after samples of " + name);
    }
    if (!seenMeta.add(kind)) {
      problems.add(no + ": second # " + kind + " for " + name);
    }
    switch (kind) {
      case "TYPE" -> {
        if (!TYPES.contains(rest)) {
          problems.add(no + ": unknown type " + rest);
        }
        type = rest;
      }
      case "UNIT" -> {
        unit = rest;
        if (!rest.isEmpty() && !name.endsWith("_" + rest)) {
          problems.add(no + ": family " + name + " does not end with its unit " + rest);
        }
      }
      default -> checkEscapes(no, rest, "help");
    }
  }

  private void startFamily(int no, String name) {
    if (family != null) {
      finished.add(family);
    }
    if (finished.contains(name)) {
      problems.add(no + ": family " + name + " is not contiguous");
    }
    family = name;
    type = "unknown";
    unit = null;
    seenMeta.clear();
    samplesStarted = false;
  }

  private void sample(int no, String l) {
    samples++;
    int p = 0;
    while (p < l.length() && l.charAt(p) != '{' && l.charAt(p) != ' ') {
      p++;
    }
    String name = l.substring(0, p);
    if (!METRIC_NAME.matcher(name).matches()) {
      problems.add(no + ": bad metric name " + name);
      return;
    }
    String labels = "";
    if (p < l.length() && l.charAt(p) == '{') {
      int end = labelsEnd(no, l, p + 1);
      if (end < 0) {
        return;
      }
      labels = l.substring(p, end + 1);
      p = end + 1;
    }
    String[] rest = l.substring(p).split(" ", -1);
    if (rest.length != 3 || !rest[0].isEmpty()) {
      problems.add(no + ": expected ' value timestamp' after name and labels: " + l);
      return;
    }
    if (!NUMBER.matcher(rest[1]).matches()) {
      problems.add(no + ": bad value " + rest[1]);
    }
    if (!TIMESTAMP.matcher(rest[2]).matches()) {
      problems.add(no + ": bad timestamp " + rest[2]);
      return;
    }
    if (family == null || !belongs(name)) {
      problems.add(no + ": sample " + name + " outside its family (current " + family + ", type " + type + ")");
    }
    samplesStarted = true;
    String series = name + labels;
    double ts = Double.parseDouble(rest[2]);
    Double prev = lastTime.put(series, ts);
    if (prev != null && ts <= prev) {
      problems.add(no + ": timestamp not increasing for " + series);
    }
    if ("counter".equals(type)) {
      String base = family + labels;
      if (name.endsWith("_total")) {
        double v = Double.parseDouble(rest[1]);
        if (v < 0) {
          problems.add(no + ": negative counter " + series);
        }
        pendingTotal.put(base, v);
      } else if (name.endsWith("_created")) {
        Double v = pendingTotal.remove(base);
        if (v == null) {
          problems.add(no + ": _created without its _total " + series);
          return;
        }
        String created = rest[1];
        Double before = lastTotal.put(base, v);
        String createdBefore = lastCreated.put(base, created);
        if (before != null && v < before && created.equals(createdBefore)) {
          problems.add(no + ": counter decreased without a new _created: " + base);
        }
      }
    }
  }

  private boolean belongs(String name) {
    if ("counter".equals(type)) {
      return name.equals(family + "_total") || name.equals(family + "_created");
    }
    return name.equals(family);
  }

  /** Index of the closing brace, or -1 after recording a problem. */
  private int labelsEnd(int no, String l, int p) {
    Set<String> names = new HashSet<>();
    if (p < l.length() && l.charAt(p) == '}') {
      return p;
    }
    while (true) {
      int eq = l.indexOf('=', p);
      if (eq < 0) {
        problems.add(no + ": bad labels " + l);
        return -1;
      }
      String ln = l.substring(p, eq);
      if (!LABEL_NAME.matcher(ln).matches() || ln.startsWith("__")) {
        problems.add(no + ": bad label name '" + ln + "'");
      }
      if (!names.add(ln)) {
        problems.add(no + ": duplicate label " + ln);
      }
      if (eq + 1 >= l.length() || l.charAt(eq + 1) != '"') {
        problems.add(no + ": label value not quoted");
        return -1;
      }
      int q = eq + 2;
      StringBuilder value = new StringBuilder();
      while (q < l.length() && l.charAt(q) != '"') {
        char c = l.charAt(q);
        if (c == '\\') {
          if (q + 1 >= l.length() || "\\\"n".indexOf(l.charAt(q + 1)) < 0) {
            problems.add(no + ": bad escape in label value");
            return -1;
          }
          q++;
        }
        value.append(l.charAt(q));
        q++;
      }
      if (q >= l.length()) {
        problems.add(no + ": unterminated label value");
        return -1;
      }
      q++;
      if (q < l.length() && l.charAt(q) == ',') {
        p = q + 1;
      } else if (q < l.length() && l.charAt(q) == '}') {
        return q;
      } else {
        problems.add(no + ": expected , or } after label value");
        return -1;
      }
    }
  }

  private void checkEscapes(int no, String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        problems.add(no + ": unescaped quote in " + what);
      } else if (c == '\\') {
        if (i + 1 >= s.length() || "\\\"n".indexOf(s.charAt(i + 1)) < 0) {
          problems.add(no + ": bad escape in " + what);
        }
        i++;
      }
    }
  }
}
