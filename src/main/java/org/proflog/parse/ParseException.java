package org.proflog.parse;

import org.proflog.model.ParseProblem;

/** Thrown by a strict {@link ProfLogReader} at the first problem; carries where and what. */
public final class ParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ParseProblem problem;

  /** Wraps the problem; the message is its compiler-style text ({@code path:line: message}). */
  public ParseException(ParseProblem problem) {
    super(problem.toString(), null, false, false);
    this.problem = problem;
  }

  /** The problem that stopped the parse. */
  public ParseProblem problem() {
    return problem;
  }
}
