package org.proflog.parse;

import java.util.Map;
import org.proflog.model.Era;

/**
 * The range of eras still compatible with what was seen (PROFLOG-FORMAT.md §5.2). Each observation
 * narrows {@code [min, max]}; an observation that contradicts everything seen before (a file that
 * concatenates two Zeek versions) is ignored rather than emptying the range.
 */
final class EraEvidence {

  private static final Era[] ERAS = Era.values();

  /** Timer types that exist only from (lower bound) or up to (upper bound) some release. */
  private static final Map<String, int[]> TIMER_BOUNDS =
      Map.ofEntries(
          Map.entry("IPTunnelInactivityTimer", new int[] {2, 9}),
          Map.entry("FileAnalysisInactivityTimer", new int[] {2, 9}),
          Map.entry("FlowWeirdTimer", new int[] {5, 9}),
          Map.entry("NetWeirdTimer", new int[] {5, 9}),
          Map.entry("IncrementalSendTimer", new int[] {1, 5}),
          Map.entry("IncrementalWriteTimer", new int[] {1, 5}),
          Map.entry("ParentProcessIDCheck", new int[] {6, 9}),
          Map.entry("ThreadHeartbeat", new int[] {6, 9}),
          Map.entry("ConnTupleWeirdTimer", new int[] {6, 9}),
          Map.entry("UnknownProtocolExpire", new int[] {7, 9}),
          Map.entry("LogDelayExpire", new int[] {9, 9}),
          Map.entry("LogFlushWriteBufferTimer", new int[] {9, 9}),
          Map.entry("StorageExpire", new int[] {9, 9}),
          Map.entry("TablePublishBatchedChanges", new int[] {9, 9}));

  private int min = 1;
  private int max = 9;

  /** Narrows the range to {@code [lo, hi]} (era ordinals, G1 = 1) unless that would empty it. */
  void restrict(int lo, int hi) {
    int nlo = Math.max(min, lo);
    int nhi = Math.min(max, hi);
    if (nlo <= nhi) {
      min = nlo;
      max = nhi;
    }
  }

  /** Applies the bound a timer type implies, if it implies one. */
  void timerName(String name) {
    int[] b = TIMER_BOUNDS.get(name);
    if (b != null) {
      restrict(b[0], b[1]);
    }
  }

  Era min() {
    return ERAS[min];
  }

  Era max() {
    return ERAS[max];
  }

  /** The oldest era still possible, or UNKNOWN while nothing discriminating was seen. */
  Era guess() {
    return min == 1 && max == 9 ? Era.UNKNOWN : ERAS[min];
  }

  int minOrdinal() {
    return min;
  }
}
