package org.proflog.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.proflog.model.NodeId;

/**
 * The {@code --node GLOB} option: keeps the nodes whose name matches any of the globs (java.nio
 * glob syntax: {@code worker-*}, {@code worker-[12]-*}, {@code {manager,logger-1}}). No glob keeps
 * every node.
 */
public final class NodeFilter {

  private final List<String> globs;
  private final List<PathMatcher> matchers = new ArrayList<>();

  private NodeFilter(List<String> globs) {
    this.globs = List.copyOf(globs);
    for (String g : globs) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
    }
  }

  /**
   * A filter of these globs.
   *
   * @throws IllegalArgumentException when a glob is malformed (a usage error)
   */
  public static NodeFilter of(List<String> globs) {
    return new NodeFilter(globs == null ? List.of() : globs);
  }

  /** A filter that keeps everything. */
  public static NodeFilter all() {
    return new NodeFilter(List.of());
  }

  /** Whether the node is kept. */
  public boolean matches(NodeId node) {
    if (matchers.isEmpty()) {
      return true;
    }
    Path p;
    try {
      p = Path.of(node.name());
    } catch (RuntimeException e) {
      return false;
    }
    for (PathMatcher m : matchers) {
      if (m.matches(p)) {
        return true;
      }
    }
    return false;
  }

  /** The globs as given. */
  public List<String> globs() {
    return globs;
  }
}
