package org.proflog.analysis;

import java.util.Locale;

/** How urgent a finding is; ordered from least to most. */
public enum Severity {
  INFO, WARNING, CRITICAL;

  /** Lower-case name for output and option values. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with that lower-case name, or null. */
  public static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.label().equalsIgnoreCase(s)) {
        return v;
      }
    }
    return null;
  }
}
