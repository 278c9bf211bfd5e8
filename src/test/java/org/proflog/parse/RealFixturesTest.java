package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.GlobalSize;
import org.proflog.model.Snapshot;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;

/** The real prof.logs written by Zeek 3.2.4 and 6.2.1 (unedited) parse exactly and cleanly. */
class RealFixturesTest {

  @Test
  void zeek324LiveHealthy() {
    Parsed p = Parsed.of("g6-real/live-healthy.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.reader().problemCount()).isZero();
    assertThat(p.reader().repairedLines()).isZero();
    assertThat(p.snapshots()).hasSize(345);
    assertThat(p.expensive()).hasSize(115);
    assertThat(p.reader().era()).isEqualTo(Era.G6);
    assertThat(p.reader().lineCount()).isEqualTo(11993);
    assertThat(p.snapshots()).noneMatch(Snapshot::partial);

    Snapshot s0 = p.first();
    assertThat(s0.line()).isEqualTo(1);
    assertThat(s0.timeMicros()).isZero();
    assertThat(s0.commandLine()).isEqualTo("/opt/zeek/bin/zeek -i lo -C steady.zeek");
    assertThat(s0.memory().totalK()).isEqualTo(215336);
    assertThat(s0.memory().mallocedK()).isEqualTo(58577);
    assertThat(s0.conns().ext()).isEqualTo(Snapshot.ABSENT);
    assertThat(s0.conns().hasEstimates()).isTrue();
    assertThat(s0.timers().memK()).isEqualTo(Snapshot.ABSENT);
    assertThat(s0.timerCounts())
        .containsExactly(
            new TimerCount("ProfileTimer", 1),
            new TimerCount("ScheduleTimer", 4),
            new TimerCount("TableValTimer", 29),
            new TimerCount("ThreadHeartbeat", 1));
    assertThat(s0.threads())
        .containsExactly(new ThreadStats("packet_filter/Log::WRITER_ASCII", 0, 1, 0, 0, 0, 1, 1, 0, 0));
    assertThat(s0.comm().peers()).isZero();
    assertThat(s0.notTimerDriven()).isTrue();

    Snapshot s1 = p.snapshots().get(1);
    assertThat(s1.line()).isEqualTo(27); // the separator glued behind the first Comm line
    assertThat(s1.timeMicros()).isEqualTo(1795574885_421748L);
    assertThat(s1.commandLine()).isNull();
    assertThat(s1.timers().lagSeconds()).isEqualTo(1795574884.42);

    Snapshot e = p.expensive().get(0);
    assertThat(e.timeMicros()).isEqualTo(1795574886_422037L);
    assertThat(e.conns().avg()).isNaN();
    assertThat(e.ruleMatcher().matchers()).isEqualTo(11);
    assertThat(e.ruleMatcher().nfaStates()).isEqualTo(467);
    assertThat(e.ruleMatcher().avgNfaStates()).isEqualTo(Snapshot.ABSENT);
    GlobalSize g0 = e.globals().get(0);
    assertThat(g0).isEqualTo(new GlobalSize("DCE_RPC::operations", 0, 658, 2429, 2429));
    assertThat(e.globals()).contains(new GlobalSize("SMB::statuses", 6, 947, 1910, 1910));
    assertThat(e.globals()).allMatch(GlobalSize::named);

    Snapshot last = p.last();
    assertThat(last.expensive()).isTrue();
    assertThat(last.globalSizesTotalK()).isEqualTo(3531);
    assertThat(last.tableEntries()).isEqualTo(8635);
    assertThat(last.tableEntriesRecursive()).isEqualTo(8849);
    assertThat(last.globals()).contains(new GlobalSize("Weird::weird_ignore", last.globals().size() - 1, 147, 832, 832));
  }

  @Test
  void zeek324OfflineDefault() {
    Parsed p = Parsed.of("g6-real/offline-default.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(104);
    assertThat(p.expensive()).hasSize(5);
    assertThat(p.reader().era()).isEqualTo(Era.G6);
    assertThat(p.reader().eraMax()).isEqualTo(Era.G7);
    assertThat(p.snapshots()).noneMatch(Snapshot::partial);
    assertThat(p.first().commandLine())
        .isEqualTo("/opt/zeek/bin/zeek -r /opt/run/mix.pcap offline-default.zeek");

    Snapshot s2 = p.snapshots().get(2);
    assertThat(s2.tcpStates().count(4, 4)).isEqualTo(1);
    assertThat(s2.tcpStates().total()).isEqualTo(1);
    assertThat(s2.threads()).hasSize(2);
    assertThat(s2.threads().get(1))
        .isEqualTo(new ThreadStats("ftp/Log::WRITER_ASCII", 0, 16, 12, 1, 2, 15, 16, 10, 12));

    // the file ends with the final snapshot's Comm line, without a newline
    Snapshot last = p.last();
    assertThat(last.timeMicros()).isEqualTo(1600004257_020855L);
    assertThat(last.comm()).isNotNull();
    assertThat(last.comm().stores()).isZero();
    List<ThreadStats> threads = last.threads();
    assertThat(threads.get(threads.size() - 1))
        .isEqualTo(new ThreadStats("dce_rpc/Log::WRITER_ASCII", 0, 9, 7, 0, 4, 9, 9, 3, 7));
    assertThat(last.threadsCurrent()).isEqualTo(threads.size());
  }

  @Test
  void zeek621OfflineDefault() {
    Parsed p = Parsed.of("g9-real/offline-default.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(104);
    assertThat(p.expensive()).hasSize(5);
    assertThat(p.reader().era()).isEqualTo(Era.G9);
    assertThat(p.snapshots()).noneMatch(Snapshot::partial);
    Snapshot s0 = p.first();
    assertThat(s0.commandLine())
        .isEqualTo("/opt/zeek-modern/bin/zeek -r /opt/run/mix.pcap offline-default.zeek");
    assertThat(s0.conns().hasEstimates()).isFalse();
    assertThat(s0.reassemblerK()).isEqualTo(Snapshot.ABSENT);
    assertThat(s0.memory().mallocedK()).isZero();
    assertThat(s0.comm().stores()).isEqualTo(1);
    for (Snapshot e : p.expensive()) {
      assertThat(e.globals()).isNotEmpty().noneMatch(GlobalSize::named);
      assertThat(e.globalSizesTotalK()).isEqualTo(Snapshot.ABSENT);
      assertThat(e.tableEntries()).isPositive();
      for (int i = 0; i < e.globals().size(); i++) {
        assertThat(e.globals().get(i).position()).isEqualTo(i);
      }
    }
    assertThat(p.last().comm()).isNotNull();
    assertThat(p.last().timeMicros()).isEqualTo(1600004257_020855L);
  }
}
