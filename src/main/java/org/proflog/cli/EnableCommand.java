package org.proflog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.proflog.enable.EnableOptions;
import org.proflog.enable.EnableScript;
import org.proflog.enable.ZeekVersion;
import org.proflog.enable.ZkgPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code proflog enable}: prints (or writes as a zkg package) the script that turns prof.log on. */
@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the Zeek script that turns prof.log on for a Zeek/Bro version, with where to put it and "
          + "what each setting costs; on Zeek 5.0+ also the companion script that writes global "
          + "names back into prof.log.",
      "",
      "Examples:",
      "  proflog enable > /opt/zeek/share/zeek/site/proflog-profiling.zeek",
      "  proflog enable --zeek-version 3.2 --interval 10s --expensive-every 6",
      "  proflog enable --zeek-version 6.2 --threshold 1000 --every-nth 3",
      "  proflog enable --zkg ./proflog-profiling"
    })
final class EnableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--zeek-version", paramLabel = "V",
      description = "Zeek or Bro version, 2.0 to 9.x (default: ${DEFAULT-VALUE}).")
  String version = ZeekVersion.DEFAULT.toString();

  @Option(names = "--interval", paramLabel = "DURATION",
      description = "profiling_interval, e.g. 10s, 1m (default: ${DEFAULT-VALUE}).")
  String interval = EnableOptions.DEFAULT_INTERVAL_SECONDS + "s";

  @Option(names = "--expensive-every", paramLabel = "N",
      description = "expensive_profiling_multiple: every N-th snapshot walks all globals "
          + "(default: ${DEFAULT-VALUE}).")
  int expensiveEvery = EnableOptions.DEFAULT_EXPENSIVE_EVERY;

  @Option(names = "--companion", negatable = true,
      description = "Include the companion script (default: on for Zeek 5.0 and later).")
  Boolean companion;

  @Option(names = "--threshold", paramLabel = "N",
      description = "Companion: write globals with a footprint of at least N (default: ${DEFAULT-VALUE}).")
  long threshold = EnableOptions.DEFAULT_THRESHOLD;

  @Option(names = "--every-nth", paramLabel = "N",
      description = "Companion: write on every N-th expensive snapshot only (default: ${DEFAULT-VALUE}).")
  int everyNth = 1;

  @Option(names = "--zkg", paramLabel = "DIR",
      description = "Write a zkg package directory instead of printing the script.")
  Path zkg;

  @Option(names = "--force", description = "With --zkg: write into a directory that is not empty.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EnableOptions options;
    try {
      options = EnableOptions.of(ZeekVersion.parse(version), interval, expensiveEvery, companion,
          threshold, everyNth);
    } catch (IllegalArgumentException e) {
      err.println("proflog enable: " + e.getMessage());
      return Main.USAGE_ERROR;
    }
    if (zkg == null) {
      out.print(EnableScript.render(options));
      out.flush();
      return Main.OK;
    }
    try {
      Path name = zkg.toAbsolutePath().normalize().getFileName();
      ZkgPackage.of(options, name == null ? ZkgPackage.DEFAULT_NAME : name.toString())
          .writeTo(zkg, force);
    } catch (DirectoryNotEmptyException e) {
      err.println("proflog enable: directory is not empty '" + zkg + "' (use --force to write into it)");
      return Main.DATA_ERROR;
    } catch (NotDirectoryException e) {
      err.println("proflog enable: not a directory '" + zkg + "'");
      return Main.DATA_ERROR;
    } catch (IOException e) {
      err.println("proflog enable: cannot write '" + zkg + "': " + e.getMessage());
      return Main.DATA_ERROR;
    }
    out.println("proflog enable: wrote zkg package to " + zkg);
    out.flush();
    return Main.OK;
  }
}
