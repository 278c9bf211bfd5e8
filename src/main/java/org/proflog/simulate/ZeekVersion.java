package org.proflog.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proflog.model.Era;

/**
 * A Bro/Zeek release number such as {@code 2.6.4} or {@code 6.2.1}, and what its prof.log prints
 * (PROFLOG-FORMAT.md §5). Every patch release of an x.y series prints the same text, so the
 * decisions below look at major and minor only; a few cross era boundaries (5.2's {@code malloced:
 * 0K} inside G8), which is why callers ask the version rather than the era.
 */
public record ZeekVersion(int major, int minor, int patch) implements Comparable<ZeekVersion> {

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-.].*)?");

  /** Parses {@code 2.0}, {@code 3.2.4}, {@code v6.2.1} or {@code 9.0.0-rc1}. */
  public static ZeekVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Zeek version '" + text + "' (expected e.g. 6.2.1)");
    }
    ZeekVersion v = new ZeekVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    if (v.compareTo(new ZeekVersion(2, 0, 0)) < 0) {
      throw new IllegalArgumentException("Zeek version " + text + " is older than Bro 2.0");
    }
    return v;
  }

  /** The layout generation (§5.1). */
  public Era era() {
    if (before(2, 1)) {
      return Era.G1;
    }
    if (before(2, 4)) {
      return Era.G2;
    }
    if (before(2, 5)) {
      return Era.G3;
    }
    if (before(2, 6)) {
      return Era.G4;
    }
    if (before(3, 1)) {
      return Era.G5;
    }
    if (before(4, 0)) {
      return Era.G6;
    }
    if (before(5, 1)) {
      return Era.G7;
    }
    if (before(6, 1)) {
      return Era.G8;
    }
    return Era.G9;
  }

  /** True when this release is older than {@code major.minor}. */
  public boolean before(int maj, int min) {
    return major < maj || (major == maj && minor < min);
  }

  /** True when this release is {@code major.minor} or newer. */
  public boolean atLeast(int maj, int min) {
    return !before(maj, min);
  }

  /** Bro 2.x names its binary and scripts {@code bro}; Zeek 3.0 renamed them. */
  public boolean isBro() {
    return major < 3;
  }

  /** 2.0 only: the ConnCompressor line. */
  public boolean hasConnCompressor() {
    return before(2, 1);
  }

  /** 2.1+: Threads line and rows. */
  public boolean hasThreads() {
    return atLeast(2, 1);
  }

  /** 2.6+: the Broker Comm line without newline. */
  public boolean hasComm() {
    return atLeast(2, 6);
  }

  /** ≤ 3.0: {@code ext=} in the Conns summary. */
  public boolean hasConnsExt() {
    return before(3, 1);
  }

  /** ≤ 5.0: {@code mem= avg= table= connvals=} in the Conns summary. */
  public boolean hasConnsMemory() {
    return before(5, 1);
  }

  /** ≤ 3.2: {@code avg=-nan} for zero connections in expensive snapshots. */
  public boolean printsNanAverage() {
    return before(4, 0);
  }

  /** ≤ 5.0: Total reassembler data. */
  public boolean hasReassembler() {
    return before(5, 1);
  }

  /** ≤ 2.4: the old RuleMatcher field layout. */
  public boolean hasOldRuleMatcher() {
    return before(2, 5);
  }

  /** ≤ 3.0: {@code mem=} in the Timers line. */
  public boolean hasTimersMemory() {
    return before(3, 1);
  }

  /** 6.1+: {@code successful} spelled right. */
  public boolean spellsSuccessful() {
    return atLeast(6, 1);
  }

  /** ≤ 5.0: named {@code Global_sizes} rows; 5.1+ prints only {@code a/b entries}. */
  public boolean namesGlobals() {
    return before(5, 1);
  }

  /** ≤ 3.0 lists globals in hash order; 3.1+ alphabetically. */
  public boolean sortsGlobals() {
    return atLeast(3, 1);
  }

  /** 5.2+ on Linux: {@code malloced: 0K}. */
  public boolean zeroMalloced() {
    return atLeast(5, 2);
  }

  /** 2.0–2.4 print 32-bit counters (memory wraps at 4 GiB, Conns total goes negative). */
  public boolean thirtyTwoBit() {
    return before(2, 5);
  }

  /** 2.0–2.3 report the heap arena as {@code total}, which can shrink; 2.4+ report peak RSS. */
  public boolean peakRss() {
    return atLeast(2, 4);
  }

  /** 5.0+ has {@code global_container_footprints()} for the companion script. */
  public boolean supportsCompanion() {
    return atLeast(5, 0);
  }

  /** The timer type names this release knows, in enum order (§4.15). */
  public List<String> timerNames() {
    List<String> n = new ArrayList<>();
    n.add("BackdoorTimer");
    n.add("BreakpointTimer");
    n.add("ConnectionDeleteTimer");
    n.add("ConnectionExpireTimer");
    n.add("ConnectionInactivityTimer");
    n.add("ConnectionStatusUpdateTimer");
    if (atLeast(3, 2)) {
      n.add("ConnTupleWeirdTimer");
    }
    n.add("DNSExpireTimer");
    if (atLeast(2, 2)) {
      n.add("FileAnalysisInactivityTimer");
    }
    if (atLeast(2, 6)) {
      n.add("FlowWeirdTimer");
    }
    n.add("FragTimer");
    if (before(3, 0)) {
      n.add("IncrementalSendTimer");
      n.add("IncrementalWriteTimer");
    }
    n.add("InterconnTimer");
    if (atLeast(2, 1)) {
      n.add("IPTunnelInactivityTimer");
    }
    n.add("NetbiosExpireTimer");
    if (atLeast(2, 6)) {
      n.add("NetWeirdTimer");
    }
    n.add("NetworkTimer");
    n.add("NTPExpireTimer");
    n.add("ProfileTimer");
    n.add("RotateTimer");
    n.add("RemoveConnection");
    n.add("RPCExpireTimer");
    n.add("ScheduleTimer");
    n.add("TableValTimer");
    n.add("TCPConnectionAttemptTimer");
    n.add("TCPConnectionDeleteTimer");
    n.add("TCPConnectionExpireTimer");
    n.add("TCPConnectionPartialClose");
    n.add("TCPConnectionResetTimer");
    n.add("TriggerTimer");
    if (atLeast(3, 1)) {
      n.add("ParentProcessIDCheck");
    }
    n.add("TimerMgrExpireTimer");
    if (atLeast(3, 1)) {
      n.add("ThreadHeartbeat");
    }
    if (atLeast(4, 0)) {
      n.add("UnknownProtocolExpire");
    }
    if (atLeast(6, 2)) {
      n.add("LogDelayExpire");
    }
    if (atLeast(7, 1)) {
      n.add("LogFlushWriteBufferTimer");
    }
    if (atLeast(7, 2)) {
      n.add("StorageExpire");
    }
    if (atLeast(8, 2)) {
      n.add("TablePublishBatchedChanges");
    }
    return n;
  }

  @Override
  public int compareTo(ZeekVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d.%d.%d", major, minor, patch);
  }
}
