package org.proflog.source;

/**
 * An input that could not be used (missing, unreadable, empty, not a prof.log, a directory with no
 * prof.log), reported instead of thrown so that one bad path does not stop the others. Printed as
 * {@code path: message}.
 */
public record SourceProblem(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
