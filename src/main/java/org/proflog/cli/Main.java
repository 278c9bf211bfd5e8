package org.proflog.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code proflog} command line. {@link #run} is the whole program and returns the exit code;
 * only {@link #main} exits. Exit codes: 0 ok, 1 data error, 2 usage error, 3 findings at or above
 * {@code --fail-on}.
 */
@Command(
    name = "proflog",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Reads Zeek prof.log files and tells whether a cluster leaks memory or state, "
        + "which queue backs up, and when it will hurt.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main {
  /** Success. */
  public static final int OK = 0;
  /** Nothing readable, I/O failure. */
  public static final int DATA_ERROR = 1;
  /** Bad options or arguments. */
  public static final int USAGE_ERROR = 2;
  /** A finding reached the {@code --fail-on} severity. */
  public static final int FINDINGS = 3;

  private final boolean colorTerminal;

  private Main(boolean colorTerminal) {
    this.colorTerminal = colorTerminal;
  }

  /** Whether {@code --color auto} means colour: a real terminal on our stdout, and no NO_COLOR. */
  boolean colorByDefault() {
    return colorTerminal;
  }

  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out, System.err);
    } catch (OutOfMemoryError oom) {
      // one line, not a stack trace: the fix is the heap size, which the user controls
      System.err.println("proflog: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB); give it more with PROFLOG_JAVA_OPTS=-Xmx1g, or for watch lower --max-points");
      code = DATA_ERROR;
    }
    System.exit(code);
  }

  /** Runs proflog with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    boolean tty = out == System.out && System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
    CommandLine cl = new CommandLine(new Main(tty));
    for (Object sub : Commands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setOut(o);
    cl.setErr(e);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          e.println("proflog " + cmd.getCommandName() + ": " + describe(ex));
          return DATA_ERROR;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          e.println((c == cl ? "proflog" : "proflog " + c.getCommandName()) + ": " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
          e.println("try 'proflog " + (c == cl ? "" : c.getCommandName() + " ") + "--help'");
          return USAGE_ERROR;
        });
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  private static String describe(Throwable ex) {
    String m = ex.getMessage();
    return (m == null || m.isBlank()) ? ex.getClass().getSimpleName() : m;
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"proflog " + (v == null ? "dev" : v)};
    }
  }
}
