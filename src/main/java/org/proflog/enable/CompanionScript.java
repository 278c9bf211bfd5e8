package org.proflog.enable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The companion Zeek script ({@code proflog-companion.zeek}, a class-path resource) and the shape
 * of the line it writes. The line shape is fixed: the parser and the simulator read and write
 * exactly {@code <ts> proflog-global footprint=<u> entries=<u or -> name=<name>}.
 */
public final class CompanionScript {
  /** Resource file name; also the file name inside a zkg package. */
  public static final String FILE_NAME = "proflog-companion.zeek";
  /** The module the script declares; its options are {@code min_footprint} and {@code every_nth}. */
  public static final String MODULE = "ProflogCompanion";
  /** The {@code fmt} format string the script uses for every line (Zeek's fmt, C-like directives). */
  public static final String LINE_FORMAT =
      "%.6f proflog-global footprint=%d entries=- name=%s";

  private CompanionScript() {}

  /** The script text, exactly as shipped (ASCII, newline-terminated). */
  public static String source() {
    try (InputStream in = CompanionScript.class.getResourceAsStream(FILE_NAME)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FILE_NAME);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
