package org.proflog.model;

/**
 * One per-global row of an expensive snapshot. Before Zeek 5.1: {@code name = 1234K (a/b entries)}
 * (tables) or {@code name = 1234K} (other globals, entries {@link Snapshot#ABSENT}). From 5.1:
 * {@code a/b entries} with no name ({@code name} null, {@code sizeK} absent); {@code position} is the
 * row's index among the unnamed rows of its snapshot, which follow the hidden names' alphabetical order.
 */
public record GlobalSize(String name, int position, long sizeK, long entries, long recursiveEntries) {

  /** Whether Zeek printed the global's name. */
  public boolean named() {
    return name != null;
  }

  /** Whether the row counts entries (a table or set). */
  public boolean isTable() {
    return entries != Snapshot.ABSENT;
  }
}
