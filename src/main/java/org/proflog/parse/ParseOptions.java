package org.proflog.parse;

/**
 * How {@link ProfLogReader} treats imperfect input.
 *
 * @param strict stop with a {@link ParseException} at the first problem instead of recording it and
 *     going on; strict mode also disables the repair of pasted text
 * @param maxLineBytes a longer physical line is skipped (never buffered whole) and reported
 * @param maxProblemsKept how many problems {@link ProfLogReader#problems()} keeps; all are counted
 */
public record ParseOptions(boolean strict, int maxLineBytes, int maxProblemsKept) {

  /** One mebibyte: far above any line Zeek writes (the longest are thread rows and command lines). */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  public ParseOptions {
    if (maxLineBytes < 64) {
      throw new IllegalArgumentException("maxLineBytes must be at least 64, got " + maxLineBytes);
    }
    if (maxProblemsKept < 0) {
      throw new IllegalArgumentException("maxProblemsKept must not be negative");
    }
  }

  /** Lenient, 1 MiB lines, 100 problems kept. */
  public static ParseOptions defaults() {
    return new ParseOptions(false, DEFAULT_MAX_LINE_BYTES, 100);
  }

  /** The same options with {@code strict} changed. */
  public ParseOptions withStrict(boolean strict) {
    return new ParseOptions(strict, maxLineBytes, maxProblemsKept);
  }
}
