package org.proflog.enable;

import java.util.Locale;

/**
 * Renders the Zeek script printed by {@code proflog enable}: comments that say where to put it and
 * what each setting costs, {@code @load misc/profiling}, the two redefs, and (Zeek 5.0+) the
 * companion script with its settings. The result is one valid script, so it can be redirected into
 * a file as is. Output depends only on the options: byte-stable for golden tests.
 */
public final class EnableScript {
  /** File name suggested for the generated script, without extension. */
  public static final String SCRIPT_BASE_NAME = "proflog-profiling";

  // Size of one cheap snapshot on disk: PROFLOG-FORMAT.md §10.1 (more on loggers).
  private static final int SNAPSHOT_KB_LOW = 2;
  private static final int SNAPSHOT_KB_HIGH = 3;

  private EnableScript() {}

  /** The whole script for {@code o}. */
  public static String render(EnableOptions o) {
    StringBuilder b = new StringBuilder(8192);
    header(b, o);
    placement(b, o);
    costs(b, o);
    b.append('\n');
    b.append(setup(o));
    if (o.companion()) {
      b.append('\n');
      b.append("# ---- companion script (").append(CompanionScript.FILE_NAME).append(") ----\n\n");
      b.append(CompanionScript.source());
      b.append('\n');
      b.append(companionSettings(o));
    }
    return b.toString();
  }

  /** Just the lines that turn profiling on, with a one-line comment; used alone in a zkg package. */
  public static String setup(EnableOptions o) {
    return "@load misc/profiling\n\n"
        + "redef profiling_interval = " + zeekInterval(o.intervalSeconds()) + ";\n"
        + "redef expensive_profiling_multiple = " + o.expensiveEvery() + ";\n";
  }

  /** The redefs of the companion's options (must follow the companion script). */
  public static String companionSettings(EnableOptions o) {
    return "redef " + CompanionScript.MODULE + "::min_footprint = " + o.threshold() + ";\n"
        + "redef " + CompanionScript.MODULE + "::every_nth = " + o.everyNth() + ";\n";
  }

  private static void header(StringBuilder b, EnableOptions o) {
    ZeekVersion v = o.version();
    b.append("# prof.log setup for ").append(v.label()).append(", written by 'proflog enable'.\n");
    b.append("#\n");
    if (v.profLogNamesGlobals() && !v.hasFootprints()) {
      line(b, v.label() + " names the large globals in prof.log itself (Global_sizes rows of "
          + "expensive snapshots), so no companion script is needed.");
    } else if (v.profLogNamesGlobals()) {
      line(b, v.label() + " still names the large globals in prof.log (Global_sizes rows); the "
          + "companion adds a footprint line per global container, a second view of the same state.");
    } else {
      line(b, "From Zeek 5.1 the per-global rows of expensive snapshots have lost their names and "
          + "sizes. " + (o.companion()
              ? "The companion script below writes them back as 'proflog-global' lines."
              : "Without the companion (--no-companion) proflog can follow only unnamed rows."));
    }
    if (o.companion() && v.major() >= 9) {
      line(b, "The companion was checked against the documentation of Zeek 5.0 to 8.x; "
          + v.label() + " was not yet checked.");
    }
  }

  private static void placement(StringBuilder b, EnableOptions o) {
    ZeekVersion v = o.version();
    String ext = v.scriptExtension();
    String product = v.isBro() ? "bro" : "zeek";
    String ctl = v.isBro() ? "broctl" : "zeekctl";
    String local = "local." + ext;
    String file = SCRIPT_BASE_NAME + "." + ext;
    b.append("#\n# Where to put it\n");
    line(b, "Save this output as <prefix>/share/" + product + "/site/" + file + " and add the line '@load "
        + SCRIPT_BASE_NAME + "' to site/" + local + ". misc/profiling is not loaded by default; "
        + "" + ctl + " loads " + local + " on every node, so every node then writes a prof.log.");
    line(b, "Instead of the @load line you may list it in " + ctl + ".cfg: 'SitePolicyScripts = "
        + local + " " + file + "' (the setting replaces the default " + local
        + ", so keep that in the list)" + (v.isBro()
            ? "; older BroControl releases use SitePolicyStandalone/SitePolicyManager/SitePolicyWorker"
            : "") + ". Then run '" + ctl + " deploy'.");
    line(b, "Each " + ctl + " node writes spool/<node>/prof.log; a standalone '" + product
        + " -i ...' writes it into its working directory.");
    if (v.isBro()) {
      line(b, "The file is prof.log, or prof.<suffix> when BRO_LOG_SUFFIX is set in the environment.");
    } else {
      line(b, "The file is prof.log, or prof.<suffix> when ZEEK_LOG_SUFFIX is set in the environment "
          + "(BRO_LOG_SUFFIX is no longer read from Zeek 3.0).");
    }
  }

  private static void costs(StringBuilder b, EnableOptions o) {
    long perDay = 86_400 / o.intervalSeconds();
    b.append("#\n# What it costs\n");
    line(b, "profiling_interval = " + zeekInterval(o.intervalSeconds()) + ": a cheap snapshot costs "
        + "little CPU, but prof.log grows by about " + SNAPSHOT_KB_LOW + "-" + SNAPSHOT_KB_HIGH
        + " KB per snapshot per node (more on loggers): " + perDay + " snapshots a day, about "
        + megabytes(perDay) + " per node per day. prof.log is not rotated while a node runs "
        + "(" + (o.version().isBro() ? "broctl" : "zeekctl")
        + " archives it on restart), so a short interval mostly costs disk.");
    line(b, "expensive_profiling_multiple = " + o.expensiveEvery() + ": "
        + every(o.expensiveEvery(), "snapshot") + " (about every " + human(o.expensiveSeconds()) + ") is expensive: it walks every "
        + "global table and set, so its cost grows with the size of the script state. A small "
        + "multiple gives finer state series at that cost.");
    if (o.companion()) {
      line(b, "Companion: on " + every(o.everyNth(), "expensive snapshot") + " it walks all global "
          + "containers once more (global_container_footprints(), about as costly as the expensive "
          + "snapshot itself) and writes one line of roughly 60-100 bytes per global whose footprint is "
          + "at least " + o.threshold() + ". Known slow case: table[pattern] globals (zeek/zeek#5103); "
          + "raise every_nth if you have large ones.");
    }
  }

  /** {@code 15 secs}, {@code 1 sec}, {@code 2 mins}, {@code 1 hr}: a Zeek interval literal. */
  static String zeekInterval(long seconds) {
    if (seconds % 3600 == 0) {
      long h = seconds / 3600;
      return h + (h == 1 ? " hr" : " hrs");
    }
    if (seconds % 60 == 0) {
      long m = seconds / 60;
      return m + (m == 1 ? " min" : " mins");
    }
    return seconds + (seconds == 1 ? " sec" : " secs");
  }

  private static String human(long seconds) {
    if (seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }

  /** {@code every snapshot} for 1, else {@code every 20th snapshot}. */
  static String every(long n, String noun) {
    return n == 1 ? "every " + noun : "every " + ordinal(n) + " " + noun;
  }

  private static String ordinal(long n) {
    long m100 = n % 100;
    String suffix = (m100 >= 11 && m100 <= 13) ? "th"
        : switch ((int) (n % 10)) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }

  private static String megabytes(long snapshotsPerDay) {
    long low = Math.round(snapshotsPerDay * SNAPSHOT_KB_LOW / 1000.0);
    long high = Math.round(snapshotsPerDay * SNAPSHOT_KB_HIGH / 1000.0);
    if (high < 1) {
      return "under 1 MB";
    }
    return String.format(Locale.ROOT, "%d-%d MB", Math.max(low, 1), high);
  }

  /** Appends {@code text} as comment lines wrapped at 96 columns, each item starting with "  ". */
  private static void line(StringBuilder b, String text) {
    final int width = 96;
    String indent = "#   ";
    StringBuilder cur = new StringBuilder("#   ");
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (cur.length() > indent.length() && cur.length() + 1 + word.length() > width) {
        b.append(cur).append('\n');
        cur.setLength(0);
        cur.append(indent);
      } else if (cur.length() > indent.length()) {
        cur.append(' ');
      }
      cur.append(word);
    }
    b.append(cur).append('\n');
  }
}
