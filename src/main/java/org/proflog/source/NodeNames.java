package org.proflog.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proflog.model.NodeId;

/**
 * Names the node a prof.log file belongs to, as zeekctl lays files out (PROFLOG-FORMAT.md §10).
 *
 * <ol>
 *   <li>a node name in the file name: BroControl's old {@code prof.<node>.<timestamp>.log}, or the
 *       {@code -<logger>} suffix of archives of several loggers
 *       ({@code prof.10:00:00-11:00:00-logger-1.log.gz});
 *   <li>the parent directory's name when it looks like a node name ({@code spool/worker-1-1});
 *   <li>{@code standalone} otherwise ({@code .}, {@code tmp}, a {@code YYYY-MM-DD} archive
 *       directory, a zeekctl {@code post-terminate-*} directory).
 * </ol>
 */
public final class NodeNames {

  /** The node of a lone file whose location says nothing. */
  public static final NodeId STANDALONE = new NodeId("standalone");

  /** The node of standard input. */
  public static final NodeId STDIN = new NodeId("stdin");

  private static final Set<String> NOT_NODES = Set.of(
      "", ".", "..", "tmp", "temp", "spool", "log", "logs", "current", "stats", "profiling",
      "archive", "archives", "var", "opt", "usr", "home", "root", "data");
  private static final Pattern NODE_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:@+-]*");
  private static final Pattern DATE_DIR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
  private static final Pattern OLD_BROCTL =
      Pattern.compile("prof\\.([A-Za-z][A-Za-z0-9_.:@+-]*?)\\.\\d+\\.\\d+\\.log(\\.gz)?");
  private static final Pattern LOGGER_ARCHIVE = Pattern.compile(
      "prof\\.\\d\\d:\\d\\d:\\d\\d-\\d\\d:\\d\\d:\\d\\d-([A-Za-z][A-Za-z0-9_.:@+-]*?)\\.log(\\.gz)?");

  private NodeNames() {}

  /** The node for a file found on disk. */
  public static NodeId forFile(Path file) {
    Path nameP = file.getFileName();
    String name = nameP == null ? "" : nameP.toString();
    Matcher m = OLD_BROCTL.matcher(name);
    if (m.matches()) {
      return new NodeId(m.group(1));
    }
    m = LOGGER_ARCHIVE.matcher(name);
    if (m.matches()) {
      return new NodeId(m.group(1));
    }
    Path parent = file.getParent();
    Path dir = parent == null ? null : parent.getFileName();
    if (dir != null && isNodeLike(dir.toString())) {
      return new NodeId(dir.toString());
    }
    return STANDALONE;
  }

  /** Whether a directory name can be a zeekctl node name. */
  public static boolean isNodeLike(String dir) {
    if (dir == null || NOT_NODES.contains(dir.toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (DATE_DIR.matcher(dir).matches() || dir.startsWith("post-terminate-")) {
      return false;
    }
    return NODE_LIKE.matcher(dir).matches();
  }

  /** Whether a file name is a prof.log or one of its rotated or archived variants. */
  public static boolean isProfLogName(String fileName) {
    return fileName.startsWith("prof") && fileName.contains(".log");
  }

  /** Whether a file name is the live file (not rotated, not archived). */
  static boolean isLive(String fileName) {
    return fileName.equals("prof.log");
  }
}
