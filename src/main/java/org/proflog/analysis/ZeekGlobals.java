package org.proflog.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables that Zeek's shipped scripts define, with their expiry (bundled
 * {@code zeek-globals.tsv}, one row per release and global). A shipped table that grows for less
 * than its expiry interval is working as designed and cannot be judged yet.
 */
public final class ZeekGlobals {
  /**
   * One shipped global: its longest expiry over the releases listed (seconds, 0 when none) and the
   * attribute text ({@code &create_expire=1 hr}).
   */
  public record Entry(String name, long expireSeconds, String expiry, String script) {}

  private static volatile ZeekGlobals bundled;
  private final Map<String, Entry> byName;

  private ZeekGlobals(Map<String, Entry> byName) {
    this.byName = Collections.unmodifiableMap(byName);
    long m = 0;
    for (Entry e : byName.values()) {
      m = Math.max(m, e.expireSeconds());
    }
    this.longestExpiry = m;
  }

  /** The table bundled with proflog (loaded once). */
  public static ZeekGlobals bundled() {
    ZeekGlobals z = bundled;
    if (z == null) {
      try (InputStream in = ZeekGlobals.class.getResourceAsStream("zeek-globals.tsv")) {
        z = in == null ? new ZeekGlobals(new TreeMap<>()) : parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = z;
    }
    return z;
  }

  /** Parses the TSV (header row, then version, name, type, create, read, write, func, seconds...). */
  public static ZeekGlobals parse(InputStream in) throws IOException {
    Map<String, Entry> map = new TreeMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = r.readLine();
    while ((line = r.readLine()) != null) {
      String[] f = line.split("\t", -1);
      if (f.length < 10) {
        continue;
      }
      long secs = 0;
      try {
        secs = f[7].isBlank() ? 0 : (long) Double.parseDouble(f[7].trim());
      } catch (NumberFormatException e) {
        secs = 0;
      }
      if (secs == 0 && !f[6].isBlank() && f.length > 10) {
        // an &expire_func table: each entry's lifetime comes from the function; the note names its
        // default (Notice::suppressing: Notice::default_suppression_interval = 1hrs)
        secs = noteSeconds(f[10]);
      }
      StringBuilder attr = new StringBuilder();
      appendAttr(attr, "&create_expire", f[3]);
      appendAttr(attr, "&read_expire", f[4]);
      appendAttr(attr, "&write_expire", f[5]);
      appendAttr(attr, "&expire_func", f[6]);
      Entry e = new Entry(f[1], secs, attr.toString(), f[9]);
      Entry old = map.get(f[1]);
      if (old == null || e.expireSeconds() > old.expireSeconds()) {
        map.put(f[1], e);
      }
    }
    return new ZeekGlobals(map);
  }

  private static final java.util.regex.Pattern NOTE_DEFAULT = java.util.regex.Pattern.compile(
      "default[^=|]*=\\s*(\\d+(?:\\.\\d+)?)\\s*(sec|min|hr|day)");

  /** The default lifetime named in a note ("... default X = 1hrs"), in seconds, or 0. */
  static long noteSeconds(String note) {
    java.util.regex.Matcher m = NOTE_DEFAULT.matcher(note);
    if (!m.find()) {
      return 0;
    }
    double v = Double.parseDouble(m.group(1));
    long unit = switch (m.group(2)) {
      case "min" -> 60;
      case "hr" -> 3600;
      case "day" -> 86400;
      default -> 1;
    };
    return (long) (v * unit);
  }

  private static void appendAttr(StringBuilder sb, String name, String v) {
    if (!v.isBlank()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(name).append('=').append(v.trim());
    }
  }

  /** The shipped global of that name, or null when Zeek's scripts do not define it. */
  public Entry get(String name) {
    return byName.get(name);
  }

  /**
   * The longest expiry of any table Zeek's shipped scripts define (seconds, 0 when none): growth of
   * the table totals over a shorter window may be shipped tables filling up by design.
   */
  public long longestExpirySeconds() {
    return longestExpiry;
  }

  /** {@link #longestExpirySeconds}, taken once: the state-growth check asks for every total at every analysis. */
  private final long longestExpiry;

  /** Number of globals known. */
  public int size() {
    return byName.size();
  }
}
