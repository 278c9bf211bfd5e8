package org.proflog.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.proflog.analysis.Finding;

/** Remembers the open findings by {@link Finding#id()} and reports what changed, once each. */
public final class FindingDiff {
  private Map<String, Finding> open = new TreeMap<>();

  /** The events leading from the previous set to {@code now}, in id order (new and changed first, then cleared). */
  public List<WatchEvent> update(List<Finding> now) {
    Map<String, Finding> next = new TreeMap<>();
    for (Finding f : now) {
      next.put(f.id(), f);
    }
    List<WatchEvent> events = new ArrayList<>();
    for (Finding f : next.values()) {
      Finding before = open.get(f.id());
      if (before == null) {
        events.add(new WatchEvent(WatchEvent.Type.NEW, f));
      } else if (before.severity() != f.severity()) {
        events.add(new WatchEvent(WatchEvent.Type.CHANGED, f));
      }
    }
    for (Finding f : open.values()) {
      if (!next.containsKey(f.id())) {
        events.add(new WatchEvent(WatchEvent.Type.CLEARED, f));
      }
    }
    open = next;
    return events;
  }

  /**
   * Starts from findings reported earlier (a resumed watcher's saved state): the next update reports
   * only what differs from them.
   */
  public void seed(List<Finding> reported) {
    Map<String, Finding> m = new TreeMap<>();
    for (Finding f : reported) {
      m.put(f.id(), f);
    }
    open = m;
  }

  /** The findings open now, by id. */
  public List<Finding> open() {
    return List.copyOf(open.values());
  }
}
