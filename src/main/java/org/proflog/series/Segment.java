package org.proflog.series;

/**
 * A stretch of one node's history written by one process: a restart starts the next one.
 *
 * @param index 0-based, in reading order
 * @param reason why this segment starts ({@link Reason#FIRST} for the first)
 * @param file the file the segment's first snapshot came from
 * @param line the line of its first snapshot
 * @param commandLine the process's command line when the segment starts with one, else null
 */
public record Segment(
    int index,
    Reason reason,
    long startMicros,
    long endMicros,
    int snapshots,
    String file,
    long line,
    String commandLine) {

  /** What marked the start of a segment. */
  public enum Reason {
    FIRST("first data"),
    COMMAND_LINE("new Command line block"),
    RUNTIME_RESET("Run-time went back to 0"),
    TIME_BACKWARDS("timestamp went backwards"),
    COUNTER_RESET("cumulative counters dropped");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** Human wording for output. */
    public String text() {
      return text;
    }
  }
}
