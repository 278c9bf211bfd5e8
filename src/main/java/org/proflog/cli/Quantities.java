package org.proflog.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the quantities users type on the command line: durations ({@code 15s}, {@code 30m},
 * {@code 3h}, {@code 1d}), sizes ({@code 16G}, {@code 512MiB}) and points in time ({@code 2024-01-31},
 * {@code 2024-01-31T12:00:00Z}, {@code 2024-01-31 12:00}, or epoch seconds as prof.log writes them).
 * Each throws {@link IllegalArgumentException} with a message fit for a usage error.
 */
final class Quantities {
  private Quantities() {}

  /** A duration in microseconds. A bare number means seconds. */
  static long durationMicros(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("not a duration: '" + s + "' (try 15s, 30m, 3h, 1d)");
    }
    double v;
    try {
      v = Double.parseDouble(t.substring(0, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: '" + s + "' (try 15s, 30m, 3h, 1d)");
    }
    String unit = t.substring(i).trim();
    double seconds = switch (unit) {
      case "", "s", "sec", "secs" -> v;
      case "ms" -> v / 1000;
      case "m", "min", "mins" -> v * 60;
      case "h", "hr", "hrs" -> v * 3600;
      case "d", "day", "days" -> v * 86400;
      case "w", "wk" -> v * 7 * 86400;
      default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' in '" + s + "' (use s, m, h or d)");
    };
    if (seconds <= 0) {
      throw new IllegalArgumentException("duration must be positive: '" + s + "'");
    }
    return Math.round(seconds * 1e6);
  }

  /** A size in KiB (prof.log's unit). {@code 16G} and {@code 16GiB} both mean 16 x 2^30 bytes. */
  static long sizeKiB(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("not a size: '" + s + "' (try 16G, 512M)");
    }
    double v = Double.parseDouble(t.substring(0, i));
    double kib = switch (t.substring(i).trim()) {
      case "K" -> v;
      case "M" -> v * 1024;
      case "G", "" -> v * 1024 * 1024;
      case "T" -> v * 1024 * 1024 * 1024;
      default -> throw new IllegalArgumentException("unknown size unit in '" + s + "' (use K, M, G or T)");
    };
    if (kib <= 0) {
      throw new IllegalArgumentException("size must be positive: '" + s + "'");
    }
    return Math.round(kib);
  }

  /** A point in time, in microseconds since the epoch (UTC unless the text says otherwise). */
  static long timeMicros(String s) {
    String t = s.trim();
    if (t.matches("\\d+(\\.\\d{1,6})?")) {
      int dot = t.indexOf('.');
      long sec = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
      long frac = dot < 0 ? 0 : Long.parseLong((t.substring(dot + 1) + "000000").substring(0, 6));
      return sec * 1_000_000L + frac;
    }
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
      }
      String iso = t.replace(' ', 'T');
      Instant in;
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
        in = java.time.OffsetDateTime.parse(iso.length() == 17 ? iso : iso).toInstant();
      } else {
        in = LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso).toInstant(ZoneOffset.UTC);
      }
      return in.getEpochSecond() * 1_000_000L + in.getNano() / 1000;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time: '" + s + "' (try 2024-01-31, '2024-01-31 12:00' or epoch seconds)");
    }
  }
}
