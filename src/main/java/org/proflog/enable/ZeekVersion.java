package org.proflog.enable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zeek or Bro release series ({@code major.minor}) that {@code proflog enable} can write a setup
 * for: Bro 2.0 to Zeek 9.x. Patch levels are accepted and ignored, because every patch release of
 * a series writes the same prof.log (PROFLOG-FORMAT.md §5.1).
 */
public record ZeekVersion(int major, int minor) implements Comparable<ZeekVersion> {
  /** The version assumed when the user names none. */
  public static final ZeekVersion DEFAULT = new ZeekVersion(8, 0);

  private static final ZeekVersion FIRST_WITH_FOOTPRINTS = new ZeekVersion(5, 0);
  private static final ZeekVersion FIRST_WITHOUT_NAMES = new ZeekVersion(5, 1);
  private static final Pattern FORM =
      Pattern.compile("(?:v|bro-?|zeek-?)?(\\d{1,2})(?:\\.(\\d{1,2}|x))?(?:\\.\\d{1,3})?(?:-[a-z0-9.]+)?",
          Pattern.CASE_INSENSITIVE);

  /** Validates the range: 2.0 ... 9.x. */
  public ZeekVersion {
    if (major < 2 || major > 9 || minor < 0 || minor > 99) {
      throw new IllegalArgumentException(
          "unsupported Zeek version " + major + "." + minor + " (supported: 2.0 to 9.x)");
    }
  }

  /**
   * Reads {@code 8}, {@code 8.0}, {@code 6.2.1}, {@code v3.2.4}, {@code 9.0.0-rc1}, {@code 2.6}.
   *
   * @throws IllegalArgumentException with a one-line message when the text is not such a version
   */
  public static ZeekVersion parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Zeek version '" + t + "' (expected e.g. 8.0, 6.2.1 or 2.6)");
    }
    int major = Integer.parseInt(m.group(1));
    String mi = m.group(2);
    int minor = (mi == null || mi.equalsIgnoreCase("x")) ? 0 : Integer.parseInt(mi);
    return new ZeekVersion(major, minor);
  }

  /** Bro 2.x: {@code .bro} scripts, {@code local.bro}, broctl, {@code BRO_LOG_SUFFIX}. */
  public boolean isBro() {
    return major == 2;
  }

  /** Whether {@code global_container_footprints()} exists (Zeek 5.0+), i.e. the companion works. */
  public boolean hasFootprints() {
    return compareTo(FIRST_WITH_FOOTPRINTS) >= 0;
  }

  /** Whether prof.log itself still names the globals in expensive snapshots (before 5.1). */
  public boolean profLogNamesGlobals() {
    return compareTo(FIRST_WITHOUT_NAMES) < 0;
  }

  /** Script file extension without the dot: {@code bro} or {@code zeek}. */
  public String scriptExtension() {
    return isBro() ? "bro" : "zeek";
  }

  /** Product name for prose: {@code Bro 2.6} or {@code Zeek 8.0}. */
  public String label() {
    return (isBro() ? "Bro " : "Zeek ") + major + "." + minor;
  }

  @Override
  public int compareTo(ZeekVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d.%d", major, minor);
  }
}
