package org.proflog.model;

/**
 * One line of proflog's companion script (written from {@code profiling_update} on Zeek 5.0+):
 * {@code <ts> proflog-global footprint=<u> entries=<u|-> name=<name>}. The footprint is Zeek's
 * {@code global_container_footprints()} value (an object count); {@code entries} is the table's
 * {@code |t|} or {@link Snapshot#ABSENT}.
 */
public record GlobalFootprint(String name, long footprint, long entries) {

  /** The line shape's leading word, after the timestamp. */
  public static final String TAG = "proflog-global";
}
