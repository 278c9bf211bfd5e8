package org.proflog.watch;

import org.proflog.analysis.Finding;

/**
 * A change in the set of open findings between two analysis ticks.
 *
 * @param type new, changed (severity moved) or cleared
 * @param finding the finding now (for cleared: as it was last seen)
 */
public record WatchEvent(Type type, Finding finding) {
  /** What happened to a finding. */
  public enum Type {
    NEW, CHANGED, CLEARED;

    /** The lower-case word used in output. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
