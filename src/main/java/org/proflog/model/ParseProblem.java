package org.proflog.model;

/**
 * A line the parser could not read, or repaired, with where it is. Printed compiler style:
 * {@code path:line: message}.
 */
public record ParseProblem(String path, long line, String message) {

  @Override
  public String toString() {
    return path + ":" + line + ": " + message;
  }
}
