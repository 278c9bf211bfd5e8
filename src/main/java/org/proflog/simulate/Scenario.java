package org.proflog.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the simulated cluster does. Each scenario injects at most a couple of faults on chosen
 * nodes and keeps every other node healthy; the healthy-but-tricky ones ({@link #SAWTOOTH},
 * {@link #LOAD_FOLLOWING}, {@link #EXPIRING_TABLE}) inject none and exist to catch false alarms.
 */
public enum Scenario {
  HEALTHY("healthy", "warm-up growth, then a memory plateau; tables bounded by expiry"),
  TABLE_LEAK("table-leak", "one worker's MyPkg::seen_hosts grows with cumulative connections, never expires"),
  STUCK_WRITER("stuck-writer", "one log writer thread stops reading its queue while writes continue"),
  SLOW_READER("slow-reader", "the manager's Intel input reader produces faster than the main loop reads"),
  TIMER_LAG("timer-lag", "one worker falls behind: timer lag rises to many seconds, timers pile up"),
  RESTART("restart", "one worker is restarted mid-run; its prof.log holds both processes"),
  SAWTOOTH("sawtooth", "healthy but bursty: connections, heap and writer queues burst and drain"),
  LOAD_FOLLOWING("load-following", "memory and a table track current connections as load rises and falls"),
  EXPIRING_TABLE("expiring-table", "a table grows for its expiry interval (1 hr) and then stays flat"),
  MEMORY_LEAK("memory-leak", "one worker's peak memory rises steadily while load and tables are flat"),
  DEMO("demo", "table leak on worker-1-2 plus a stuck writer on the logger (the bundled sample)");

  private final String id;
  private final String description;

  Scenario(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The name used on the command line and in truth.json. */
  public String id() {
    return id;
  }

  /** One line for help and README text. */
  public String description() {
    return description;
  }

  /** Looks a scenario up by its id ({@code table-leak}) or enum name. */
  public static Scenario of(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Scenario s : values()) {
      if (s.id.equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + name + "' (one of "
        + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")) + ")");
  }

  /**
   * Whether the version prints what the fault needs: thread queues only exist from Bro 2.1, so
   * stuck-writer, slow-reader and demo need 2.1+.
   */
  public boolean supports(ZeekVersion v) {
    return switch (this) {
      case STUCK_WRITER, SLOW_READER, DEMO -> v.hasThreads();
      default -> true;
    };
  }
}
