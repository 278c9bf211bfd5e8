package org.proflog.cli;

import java.io.PrintWriter;
import org.proflog.parse.ParseException;
import org.proflog.series.ClusterLoader;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.SourceProblem;

/**
 * The reading half of every command: find the inputs, load them, and tell the user — one line
 * each, on standard error — about inputs that could not be used. A run with nothing readable is a
 * data error.
 */
final class Reading {
  private Reading() {}

  /** Thrown when nothing can be read: the command exits with {@link Main#DATA_ERROR}. */
  static final class NothingReadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NothingReadable(String message) {
      super(message);
    }
  }

  /** Discovers and loads; problems go to {@code err} prefixed with {@code proflog <command>: }. */
  static ClusterLoader.Result read(String command, InputOptions in, PrintWriter err) {
    return read(command, in, in.loaderOptions(), err);
  }

  /** As {@link #read(String, InputOptions, PrintWriter)} with explicit loader options. */
  static ClusterLoader.Result read(String command, InputOptions in, ClusterLoader.Options options, PrintWriter err) {
    DiscoveredInputs inputs = in.discover();
    for (SourceProblem p : inputs.problems()) {
      err.println("proflog " + command + ": " + p);
    }
    if (inputs.isEmpty()) {
      throw new NothingReadable(!in.nodes.isEmpty() ? "no node matches --node " + String.join(" ", in.nodes)
          : in.paths.isEmpty() ? "no prof.log to read; name a spool directory or file, or try --sample" : "no prof.log to read");
    }
    ClusterLoader.Result r;
    try {
      r = ClusterLoader.load(inputs, options);
    } catch (ParseException e) {
      throw new NothingReadable(e.problem() + " (--strict)");
    }
    for (String e : r.errors()) {
      err.println("proflog " + command + ": " + e);
    }
    if (r.nodes().isEmpty()) {
      throw new NothingReadable("no snapshot found in the input" + (r.problemCount() > 0 ? " (" + r.problemCount() + " unreadable lines)" : ""));
    }
    return r;
  }
}
