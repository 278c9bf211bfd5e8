package org.proflog.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at the first {@link #PEEK} bytes (after decompression) of a candidate file to decide whether
 * it is a prof.log, and finds its first non-zero timestamp for time ordering.
 *
 * <p>A prof.log starts with {@code <digits>.<6 digits> }. A pasted excerpt may not, so a file named
 * like a prof.log ({@code prof*.log*}) is accepted when any prof.log line shape appears in the peek
 * and it does not start with {@code #} (Zeek ASCII logs such as {@code stats.log}, and the Spicy
 * profiler's {@code #name count} table that is also called prof.log).
 */
final class ProfLogSniffer {

  /** Bytes read to decide. */
  static final int PEEK = 64 * 1024;

  private static final Pattern TIMESTAMPED = Pattern.compile("^\\s*\\d+\\.\\d{6} ");
  private static final Pattern TIMESTAMP =
      Pattern.compile("(?m)^\\s*(\\d{1,12})\\.(\\d{6}) ");
  private static final List<String> SHAPES = List.of(
      "------------------------", "Command line:", "Memory: total=", "Run-time: user+sys=",
      "Conns: total=", "Timers: current=", "Threads: current=", "DNS_Mgr: requests=",
      "Global_sizes", "Total number of table entries", " entries", "dequeued=");

  private ProfLogSniffer() {}

  /** The verdict on one file. */
  record Verdict(boolean accepted, String reason, long firstTimeMicros) {
    static Verdict reject(String reason) {
      return new Verdict(false, reason, 0);
    }
  }

  /** Decides on {@code source}; a read failure is a rejection with the failure as reason. */
  static Verdict sniff(InputSource source, boolean namedLikeProfLog) {
    byte[] peek;
    try (InputStream in = source.open()) {
      peek = in.readNBytes(PEEK);
    } catch (IOException e) {
      return Verdict.reject(readFailure(source, e));
    }
    return judge(peek, peek.length, namedLikeProfLog);
  }

  /** The verdict on a file whose first (decompressed) bytes are {@code head[0, length)}. */
  static Verdict judge(byte[] head, int length, boolean namedLikeProfLog) {
    if (length == 0) {
      return Verdict.reject("empty file");
    }
    return decide(new String(head, 0, length, StandardCharsets.ISO_8859_1), namedLikeProfLog);
  }

  static Verdict decide(String text, boolean namedLikeProfLog) {
    String compression = otherCompression(text);
    if (compression != null) {
      return Verdict.reject(compression + "-compressed, which is not supported (decompress it first)");
    }
    String first = firstNonBlankLine(text);
    if (first == null) {
      return Verdict.reject("contains only blank lines");
    }
    long firstTime = firstNonZeroTime(text);
    if (TIMESTAMPED.matcher(first).find()) {
      return new Verdict(true, null, firstTime);
    }
    if (first.startsWith("#")) {
      return Verdict.reject("not a prof.log (starts with '#': a Zeek ASCII log or Spicy profiler output)");
    }
    if (!namedLikeProfLog) {
      return Verdict.reject("not a prof.log (the first line does not start with a timestamp)");
    }
    for (String shape : SHAPES) {
      if (text.contains(shape)) {
        return new Verdict(true, null, firstTime);
      }
    }
    return Verdict.reject("not a prof.log (no prof.log line in the first "
        + (PEEK / 1024) + " KiB)");
  }

  /** The name of a compression other than gzip that the bytes start with, or null. */
  private static String otherCompression(String text) {
    if (text.startsWith("BZh")) {
      return "bzip2";
    }
    if (text.startsWith("\u00FD7zXZ")) {
      return "xz";
    }
    if (text.startsWith("(\u00B5/\u00FD")) {
      return "zstd";
    }
    return null;
  }

  /** The first timestamp other than {@code 0.000000}, in µs, or 0 when none. */
  static long firstNonZeroTime(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    while (m.find()) {
      long micros = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
      if (micros != 0) {
        return micros;
      }
    }
    return 0;
  }

  private static String firstNonBlankLine(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      if (!line.isBlank()) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
      }
      start = end + 1;
    }
    return null;
  }

  private static String readFailure(InputSource source, IOException e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String prefix = source.name() + ": ";
    if (msg.startsWith(prefix)) {
      msg = msg.substring(prefix.length());
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return "unreadable: " + msg;
  }
}
