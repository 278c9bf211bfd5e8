package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.GlobalSize;
import org.proflog.model.Memory;
import org.proflog.model.Snapshot;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;

/**
 * The code blocks of the pasted blog post (shared/seed/bro-messaging.md, copied unchanged into
 * formats/seed): indented, hard-wrapped, rows torn from their timestamps, Markdown escapes. The
 * repair path must recover the values shown there.
 */
class SeedExcerptTest {

  @Test
  void firstSnapshotIsRecoveredWhole() {
    Parsed p = Parsed.of("seed/first-snapshot.txt");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.reader().repairedLines()).isPositive();
    assertThat(p.snapshots()).hasSize(1);
    Snapshot s = p.first();
    assertThat(s.timeMicros()).isZero();
    assertThat(s.commandLine())
        .startsWith("/usr/bin/bro -C -d -B threading -t trace.log -e redef profiling_interval=30secs;")
        .endsWith("-r ftp.pcap sfa/policy/local.bro");
    assertThat(s.memory()).isEqualTo(new Memory(30160, 0, 23126));
    assertThat(s.conns().avg()).isNaN();
    assertThat(s.conns().ext()).isZero();
    assertThat(s.ruleMatcher().avgNfaStates()).isEqualTo(29); // wrapped onto its own line
    assertThat(s.dns().cachedAddrs()).isZero(); // wrapped DNS_Mgr line
    assertThat(s.dns().cachedHosts()).isZero();
    assertThat(s.timers().current()).isEqualTo(19);
    assertThat(s.timerCounts())
        .containsExactly(
            new TimerCount("ProfileTimer", 1),
            new TimerCount("ScheduleTimer", 2),
            new TimerCount("TableValTimer", 16));
    assertThat(s.threadsCurrent()).isEqualTo(4);
    List<ThreadStats> t = s.threads();
    // the thread row split three ways: "... in=1 out=1" / "pending=0/1 (#queue r/w:" / "in=1/1 out=0/1)"
    assertThat(t.get(0))
        .isEqualTo(
            new ThreadStats(
                "/var/spool/bro/bv_intel/bv_intel.txt/Input::READER_ASCII", 0, 1, 1, 0, 1, 1, 1, 0, 1));
    assertThat(t).hasSize(5); // five rows under "Threads: current=4": duplicates are kept with ordinals
    assertThat(t.get(2).name()).isEqualTo("packet_filter/Log::WRITER_ASCII");
    assertThat(t.get(2).ordinal()).isEqualTo(1);
    assertThat(s.globals()).contains(new GlobalSize("SSL::cipher_desc", 0, 99, 351, 351));
    assertThat(s.globals()).contains(new GlobalSize("Weird::actions", 3, 36, 162, 162));
    assertThat(s.globalSizesTotalK()).isEqualTo(1173);
    assertThat(s.tableEntries()).isEqualTo(1648);
    assertThat(s.tableEntriesRecursive()).isEqualTo(1691);
    assertThat(s.expensive()).isTrue();
    assertThat(s.untimedLines()).isEqualTo(3 + 4 + 4);
    assertThat(p.reader().era()).isEqualTo(Era.G2);
  }

  @Test
  void continuedSnapshots() {
    Parsed p = Parsed.of("seed/continued.txt");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    Snapshot a = p.first();
    assertThat(a.timeMicros()).isEqualTo(1413471640_952530L);
    assertThat(a.timers().lagSeconds()).isEqualTo(1413471639.95);
    assertThat(a.conns().avg()).isNaN();
    assertThat(a.conns().connvalsK()).isZero();
    assertThat(a.dns().cachedAddrs()).isZero();
    assertThat(a.threads().get(0))
        .isEqualTo(
            new ThreadStats(
                "/var/spool/bro/bv_intel/bv_intel.txt/Input::READER_ASCII", 0, 1, 1, 0, 0, 1, 1, 1, 1));
    assertThat(a.partial()).isFalse();
    Snapshot b = p.last();
    assertThat(b.timeMicros()).isEqualTo(1413471671_003551L);
    assertThat(b.conns().memBytes()).isEqualTo(48488);
    assertThat(b.conns().avg()).isEqualTo(5387.6);
    assertThat(b.conns().tableK()).isEqualTo(50);
    assertThat(b.conns().connvalsK()).isEqualTo(35);
    assertThat(b.connProtocols().tcp()).isEqualTo(7);
    assertThat(b.tcpStates()).isNotNull();
    assertThat(b.globals()).hasSize(4);
    assertThat(b.globals().get(1)).isEqualTo(new GlobalSize("SSL::root_certs", 1, 208, 147, 147));
    assertThat(b.ruleMatcher().avgNfaStates()).isEqualTo(1);
    assertThat(b.timerCounts()).contains(new TimerCount("ConnectionInactivityTimer", 11));
    assertThat(b.partial()).isTrue(); // the excerpt stops at "..."
  }

  @Test
  void globalSizesExcerptWithMarkdownLink() {
    Parsed p = Parsed.of("seed/global-sizes.txt");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(1);
    Snapshot s = p.first();
    assertThat(s.expensive()).isTrue();
    assertThat(s.untimedLines()).isEqualTo(11);
    assertThat(s.globals()).hasSize(9);
    assertThat(s.globals().get(1)).isEqualTo(new GlobalSize("FTP::cmd_reply_code", 1, 48, 325, 325));
    assertThat(s.globals())
        .contains(new GlobalSize("Intel::data_store", 5, 33904, Snapshot.ABSENT, Snapshot.ABSENT));
    assertThat(s.globals())
        .contains(new GlobalSize("Cluster::worker2manager_events", 2, 155, Snapshot.ABSENT, Snapshot.ABSENT));
    assertThat(s.globalSizesTotalK()).isEqualTo(45812);
  }

  @Test
  void memoryExcerptsBecomeUntimedSnapshots() {
    Parsed p = Parsed.of("seed/reader-and-memory.txt");
    List<Memory> mem = p.snapshots().stream().map(Snapshot::memory).toList();
    assertThat(mem)
        .extracting(Memory::totalK)
        .containsExactly(32608L, 123236L, 143088L, 164320L, 177040L, 177040L, 177040L, 177040L);
    assertThat(mem)
        .extracting(Memory::mallocedK)
        .containsExactly(32478L, 78143L, 87989L, 108040L, 132104L, 133631L, 137221L, 139141L);
    assertThat(p.snapshots()).allMatch(s -> s.untimedLines() > 0 && s.timeMicros() == 0);
    assertThat(p.first().threads())
        .containsExactly(
            new ThreadStats(
                "/var/spool/bro/bv_intel/bv_intel.txt/Input::READER_ASCII",
                0, 151, 76527, 0, 0, 151, 151, 76527, 76527));
    // the prose sentence inside the code block is the only thing left over
    assertThat(p.reader().problemCount()).isEqualTo(1);
    assertThat(p.reader().problems().get(0).line()).isEqualTo(4);
  }

  @Test
  void connsExcerpts() {
    Parsed p = Parsed.of("seed/conns.txt");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(3);
    assertThat(p.snapshots()).allMatch(s -> s.conns().total() == 78555 && s.conns().avg() == 0.0);
    assertThat(p.snapshots()).extracting(s -> s.conns().tableK()).containsExactly(0L, 1L, 0L);
  }
}
