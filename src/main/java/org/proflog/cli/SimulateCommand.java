package org.proflog.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.proflog.simulate.Scenario;
import org.proflog.simulate.SimulationSpec;
import org.proflog.simulate.Simulator;
import org.proflog.simulate.Truth;
import org.proflog.simulate.ZeekVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code proflog simulate}: writes a realistic spool tree of prof.logs with injected faults. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/spool/<node>/prof.log for a simulated zeekctl cluster in the exact format of a "
          + "Zeek (or Bro) version, with an injected fault, plus DIR/truth.json naming every fault.",
      "",
      "Scenarios: healthy, table-leak, stuck-writer, slow-reader, timer-lag, restart, sawtooth, "
          + "load-following, expiring-table, memory-leak, demo (table leak + stuck writer).",
      "A restarted node's prof.log holds both processes one after the other (as if zeekctl's "
          + "archived copy and the new file were concatenated). Output is byte-identical for equal arguments.",
      "",
      "Examples:",
      "  proflog simulate --scenario table-leak --nodes 6 --duration 3h --zeek-version 5.0.10 --seed 1 -o /tmp/sim",
      "  proflog simulate --scenario healthy --nodes 1 --duration 30m --zeek-version 2.6.4 -o /tmp/bro",
    })
final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandSpec cmd;

  @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "What happens (see above).")
  String scenario;

  @Option(names = "--nodes", defaultValue = "6", paramLabel = "N",
      description = "1 = standalone, 2-3 = manager + workers, 4+ = manager, logger, proxy, workers (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--duration", defaultValue = "3h", paramLabel = "D", description = "Span, e.g. 30m, 3h, 1d (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--interval", defaultValue = "15s", paramLabel = "I", description = "profiling_interval (default ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--zeek-version", defaultValue = "6.2.1", paramLabel = "V", description = "Release whose format to write, e.g. 2.0, 2.6.4, 3.2.4, 5.0.10, 6.2.1, 8.0.10 (default ${DEFAULT-VALUE}).")
  String version;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--expensive-every", defaultValue = "20", paramLabel = "N", description = "expensive_profiling_multiple (default ${DEFAULT-VALUE}).")
  int expensiveEvery;

  @Option(names = "--companion", description = "Also write the companion script's proflog-global lines (Zeek 5.0+).")
  boolean companion;

  @Option(names = "--start", paramLabel = "EPOCH", description = "Base network time in epoch seconds (default 1700000000).")
  Long start;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
  Path output;

  @Override
  public Integer call() {
    SimulationSpec spec;
    try {
      spec = new SimulationSpec(Scenario.of(scenario), nodes, SimulationSpec.parseDuration(duration),
          SimulationSpec.parseDuration(interval), ZeekVersion.parse(version), seed, expensiveEvery,
          companion, start == null ? SimulationSpec.DEFAULT_START : start);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd.commandLine(), e.getMessage());
    }
    Truth truth;
    try {
      truth = Simulator.write(spec, output);
    } catch (IOException e) {
      cmd.commandLine().getErr().println("proflog simulate: cannot write '" + output + "': " + e.getMessage());
      return Main.DATA_ERROR;
    }
    cmd.commandLine().getOut().println("wrote " + truth.nodes().size() + " prof.log files ("
        + truth.era() + ", Zeek " + truth.version() + ", scenario " + truth.scenario() + ", "
        + truth.faults().size() + " faults) to " + output);
    return Main.OK;
  }
}
