package org.proflog.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proflog.model.NodeId;

/**
 * Turns command-line paths into prof.log inputs grouped by node.
 *
 * <ul>
 *   <li>a file: that file, named by {@link NodeNames#forFile};
 *   <li>a directory: searched recursively for {@code prof*.log*} files ({@code prof.log},
 *       {@code prof.log.1}, {@code prof.log.2.gz}, zeekctl archives
 *       {@code <logdir>/<YYYY-MM-DD>/prof.HH:MM:SS-HH:MM:SS.log.gz}...), hidden directories skipped;
 *   <li>{@code -}: standard input, node {@code stdin};
 *   <li>{@code NAME=PATH}: PATH (file or directory) with every input assigned to node NAME (only
 *       when no file is literally called {@code NAME=PATH}).
 * </ul>
 *
 * Every candidate is peeked at ({@link ProfLogSniffer}): empty, unreadable and foreign files become
 * {@link SourceProblem}s rather than exceptions. The files of one node are ordered as one history:
 * by their first non-zero timestamp, then by name (a higher rotation number is older), with the
 * live {@code prof.log} last. With no path, the first of {@link #DEFAULT_ROOTS} holding a prof.log
 * is used.
 *
 * <p>A finder remembers its verdicts ({@link SniffMemo}), so asking it again is cheap; it serves one
 * thread at a time.
 */
public final class InputFinder {

  /** Where zeekctl and distribution packages keep spool trees, after the working directory. */
  public static final List<Path> DEFAULT_ROOTS = List.of(
      Path.of("."), Path.of("/usr/local/zeek/spool"), Path.of("/opt/zeek/spool"),
      Path.of("/var/spool/zeek"), Path.of("/usr/local/bro/spool"), Path.of("/var/spool/bro"));

  /** Search depth below an explicit directory. */
  static final int MAX_DEPTH = 16;

  /** Search depth below a default root (so {@code .} does not mean a whole home directory). */
  static final int DEFAULT_ROOT_DEPTH = 3;

  private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.:@+-]*)=(.+)");
  private static final Pattern ROTATION = Pattern.compile("\\.log\\.(\\d+)(\\.gz)?$");

  private final List<Path> defaultRoots;
  private final Supplier<InputStream> stdin;
  private final SniffMemo sniffs = new SniffMemo();

  /** A finder with the standard roots and {@code System.in}. */
  public InputFinder() {
    this(DEFAULT_ROOTS, () -> System.in);
  }

  /** A finder with injected default roots and standard input (for tests and embedding). */
  public InputFinder(List<Path> defaultRoots, Supplier<InputStream> stdin) {
    this.defaultRoots = List.copyOf(defaultRoots);
    this.stdin = stdin;
  }

  /** The inputs named by {@code args}; the default roots when {@code args} is empty. */
  public DiscoveredInputs find(List<String> args) {
    if (args.isEmpty()) {
      return findDefault();
    }
    Collector c = new Collector();
    for (String arg : args) {
      c.add(arg);
    }
    return c.result();
  }

  /** The inputs under the first default root that holds any prof.log. */
  public DiscoveredInputs findDefault() {
    List<SourceProblem> first = null;
    for (Path root : defaultRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Collector c = new Collector();
      c.walk(root, null, DEFAULT_ROOT_DEPTH, false);
      DiscoveredInputs found = c.result();
      if (!found.isEmpty()) {
        return found;
      }
      if (first == null) {
        first = c.problems;
      }
    }
    List<SourceProblem> problems = new ArrayList<>(first == null ? List.of() : first);
    StringBuilder where = new StringBuilder();
    for (Path r : defaultRoots) {
      where.append(where.length() == 0 ? "" : ", ").append(r);
    }
    problems.add(new SourceProblem(defaultRoots.isEmpty() ? "." : defaultRoots.get(0).toString(),
        "no prof.log found (looked in " + where + ")"));
    return new DiscoveredInputs(new TreeMap<>(), problems);
  }

  /** Accumulates inputs and problems over the arguments of one call. */
  private final class Collector {
    final Map<NodeId, List<Candidate>> byNode = new LinkedHashMap<>();
    final List<SourceProblem> problems = new ArrayList<>();
    final Set<Path> seen = new HashSet<>();
    boolean stdinUsed;

    void add(String arg) {
      if (arg.equals("-")) {
        addStdin(NodeNames.STDIN);
        return;
      }
      NodeId forced = null;
      String pathText = arg;
      Matcher m = NAMED.matcher(arg);
      if (m.matches() && !exists(arg)) {
        forced = new NodeId(m.group(1));
        pathText = m.group(2);
        if (pathText.equals("-")) {
          addStdin(forced);
          return;
        }
      }
      Path p;
      try {
        p = Path.of(pathText);
      } catch (InvalidPathException e) {
        problems.add(new SourceProblem(pathText, "invalid path"));
        return;
      }
      if (Files.isDirectory(p)) {
        walk(p, forced, MAX_DEPTH, true);
      } else if (Files.exists(p)) {
        consider(p, forced);
      } else {
        problems.add(new SourceProblem(pathText, "no such file or directory"));
      }
    }

    void addStdin(NodeId node) {
      if (stdinUsed) {
        problems.add(new SourceProblem("-", "standard input given more than once"));
        return;
      }
      stdinUsed = true;
      InputSource s = InputSource.ofStream(node, "-", stdin.get());
      byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(new Candidate(s, 0, "-"));
    }

    void walk(Path root, NodeId forced, int depth, boolean reportEmpty) {
      int before = count();
      List<Path> files = new ArrayList<>();
      try {
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path n = dir.getFileName();
                if (!dir.equals(root) && n != null && n.toString().startsWith(".")) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path n = file.getFileName();
                if (attrs.isRegularFile() && n != null && NodeNames.isProfLogName(n.toString())) {
                  files.add(file);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof FileSystemLoopException)) {
                  problems.add(new SourceProblem(file.toString(), describe(e)));
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        problems.add(new SourceProblem(root.toString(), describe(e)));
        return;
      }
      files.sort(Comparator.comparing(Path::toString));
      for (Path f : files) {
        consider(f, forced);
      }
      if (reportEmpty && count() == before) {
        problems.add(new SourceProblem(root.toString(), "no prof.log found in this directory"));
      }
    }

    void consider(Path file, NodeId forced) {
      Path key = file.toAbsolutePath().normalize();
      if (!seen.add(key)) {
        return;
      }
      if (!Files.isReadable(file)) {
        problems.add(new SourceProblem(file.toString(), "permission denied"));
        return;
      }
      NodeId node = forced != null ? forced : NodeNames.forFile(file);
      InputSource s = InputSource.ofFile(node, file);
      Path fn = file.getFileName();
      String name = fn == null ? file.toString() : fn.toString();
      // A file the user named a node for (NAME=PATH) is wanted whatever it is called: a pasted
      // excerpt is read if it holds prof.log lines.
      ProfLogSniffer.Verdict v = sniffs.sniff(s, key, forced != null || NodeNames.isProfLogName(name));
      if (!v.accepted()) {
        problems.add(new SourceProblem(file.toString(), v.reason()));
        return;
      }
      byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(new Candidate(s, v.firstTimeMicros(), name));
    }

    int count() {
      int n = 0;
      for (List<Candidate> l : byNode.values()) {
        n += l.size();
      }
      return n;
    }

    DiscoveredInputs result() {
      TreeMap<NodeId, List<InputSource>> out = new TreeMap<>();
      for (Map.Entry<NodeId, List<Candidate>> e : byNode.entrySet()) {
        List<Candidate> l = new ArrayList<>(e.getValue());
        l.sort(HISTORY_ORDER);
        out.put(e.getKey(), l.stream().map(Candidate::source).toList());
      }
      return new DiscoveredInputs(out, problems);
    }

    private boolean exists(String arg) {
      try {
        return Files.exists(Path.of(arg));
      } catch (InvalidPathException e) {
        return false;
      }
    }
  }

  /** A found input with what ordering needs. */
  private record Candidate(InputSource source, long firstTime, String fileName) {}

  /**
   * Live file last; then files with a timestamp by that timestamp; then the rest by rotation number
   * (higher is older) and name. A total order, so sorting is well defined.
   */
  private static final Comparator<Candidate> HISTORY_ORDER =
      Comparator.<Candidate>comparingInt(c -> NodeNames.isLive(c.fileName()) ? 1 : 0)
          .thenComparingInt(c -> c.firstTime() == 0 ? 1 : 0)
          .thenComparingLong(Candidate::firstTime)
          .thenComparingLong(c -> -rotation(c.fileName()))
          .thenComparing(c -> c.source().name());

  private static long rotation(String fileName) {
    Matcher m = ROTATION.matcher(fileName);
    if (m.find()) {
      try {
        return Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
