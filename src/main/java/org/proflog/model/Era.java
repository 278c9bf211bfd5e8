package org.proflog.model;

/**
 * A generation of the prof.log layout: the releases that print the same text (PROFLOG-FORMAT.md §5).
 * The parser decides the era from the lines it sees; {@link #UNKNOWN} until it has seen enough.
 */
public enum Era {
  UNKNOWN("unknown", "unknown version"),
  G1("G1", "Bro 2.0"),
  G2("G2", "Bro 2.1-2.3"),
  G3("G3", "Bro 2.4"),
  G4("G4", "Bro 2.5"),
  G5("G5", "Bro 2.6 / Zeek 3.0"),
  G6("G6", "Zeek 3.1-3.2"),
  G7("G7", "Zeek 4.0-5.0"),
  G8("G8", "Zeek 5.1-6.0"),
  G9("G9", "Zeek 6.1+");

  private final String code;
  private final String versions;

  Era(String code, String versions) {
    this.code = code;
    this.versions = versions;
  }

  /** Short code such as {@code G6}. */
  public String code() {
    return code;
  }

  /** Human description of the releases, such as {@code Zeek 3.1-3.2}. */
  public String versions() {
    return versions;
  }

  /** Whether per-table rows of expensive snapshots carry the global's name (before Zeek 5.1). */
  public boolean namesGlobals() {
    return this.ordinal() >= G1.ordinal() && this.ordinal() <= G7.ordinal();
  }

  /** {@code G6 (Zeek 3.1-3.2)}. */
  public String label() {
    return this == UNKNOWN ? "unknown" : code + " (" + versions + ")";
  }
}
