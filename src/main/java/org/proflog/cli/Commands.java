package org.proflog.cli;

import java.util.List;

/** The sub-commands, in the order {@code proflog --help} lists them. */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(new AnalyzeCommand(), new ReportCommand(), new ExportCommand(), new SimulateCommand(), new WatchCommand(), new EnableCommand());
  }
}
