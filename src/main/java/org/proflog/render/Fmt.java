package org.proflog.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, size, time and duration formatting shared by the renderers; always {@link Locale#ROOT}. */
public final class Fmt {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** {@code 2026-01-01 00:00:00} (UTC). */
  public static String time(long micros) {
    return UTC.format(instant(micros));
  }

  /** {@code 2026-01-01T00:00:00.000000Z}. */
  public static String isoTime(long micros) {
    return ISO.format(instant(micros));
  }

  /** Seconds with exactly six decimals, as prof.log writes timestamps: exact for any micros value. */
  public static String epochSeconds(long micros) {
    long s = Math.floorDiv(micros, 1_000_000L);
    long f = Math.floorMod(micros, 1_000_000L);
    // Hot in exports: pad by hand rather than through Formatter.
    StringBuilder b = new StringBuilder(20).append(s).append('.');
    String frac = Long.toString(f);
    for (int i = frac.length(); i < 6; i++) {
      b.append('0');
    }
    return b.append(frac).toString();
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /** A duration such as {@code 45s}, {@code 12m 05s}, {@code 3h 07m}, {@code 2d 04h}. */
  public static String duration(long micros) {
    long s = Math.max(0, micros / 1_000_000L);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
  }

  /** A KiB amount in the largest fitting binary unit: {@code 512 KiB}, {@code 1.5 GiB}. */
  public static String kib(double kib) {
    double v = Math.abs(kib);
    if (v < 1024) {
      return num(kib) + " KiB";
    }
    if (v < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
    }
    return String.format(Locale.ROOT, "%.2f GiB", kib / (1024 * 1024));
  }

  /** A value in its unit, sizes scaled: unit {@code KiB} goes through {@link #kib}. */
  public static String value(double v, String unit) {
    if (unit == null || unit.isEmpty()) {
      return num(v);
    }
    if (unit.equals("KiB")) {
      return kib(v);
    }
    return num(v) + " " + (v == 1 ? singular(unit) : unit);
  }

  /** The unit for exactly one: 1 message, 1 entry (a plural word loses its ending; others stay). */
  static String singular(String unit) {
    if (unit.length() < 3 || !unit.endsWith("s") || !unit.chars().allMatch(Character::isLetter)) {
      return unit;
    }
    return unit.endsWith("ies") ? unit.substring(0, unit.length() - 3) + "y" : unit.substring(0, unit.length() - 1);
  }

  /** An integer-looking number with thousands separators, else three significant decimals. */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** A p-value: {@code p<0.001} or {@code p=0.032}; {@code n/a} for NaN. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p < 0.001) {
      return "p<0.001";
    }
    return String.format(Locale.ROOT, "p=%.3f", p);
  }

  /** A plain machine-readable number: integral values without decimals, others in shortest form. */
  public static String plain(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
