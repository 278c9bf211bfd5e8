package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.GlobalSize;
import org.proflog.model.LegacyComm;
import org.proflog.model.Snapshot;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;

/**
 * The example snapshots of PROFLOG-FORMAT.md §8, one file per era under formats/g1..g9 (G1-G4 and
 * G7 follow the "Differences" paragraphs), with their values asserted line by line.
 */
class EraGoldenTest {

  /** The §8.1 expensive worker snapshot, shared by G1-G5. */
  private static void assertBroWorkerExpensive(Snapshot s) {
    assertThat(s.timeMicros()).isEqualTo(1541769312_412009L);
    assertThat(s.expensive()).isTrue();
    assertThat(s.memory().totalK()).isEqualTo(1873520);
    assertThat(s.memory().totalAdjK()).isEqualTo(1572272);
    assertThat(s.memory().mallocedK()).isEqualTo(1421877);
    assertThat(s.runTime().userSys()).isEqualTo(2981.4);
    assertThat(s.runTime().real()).isEqualTo(4500.6);
    assertThat(s.conns().total()).isEqualTo(1843112);
    assertThat(s.conns().currentObjects()).isEqualTo(6692);
    assertThat(s.conns().currentSessions()).isEqualTo(6685);
    assertThat(s.conns().ext()).isZero();
    assertThat(s.conns().memBytes()).isEqualTo(38912384);
    assertThat(s.conns().avg()).isEqualTo(5820.9);
    assertThat(s.conns().tableK()).isEqualTo(1210);
    assertThat(s.conns().connvalsK()).isEqualTo(5602);
    assertThat(s.connProtocols().tcp()).isEqualTo(4719);
    assertThat(s.connProtocols().icmpMax()).isEqualTo(402);
    assertThat(s.tcpStates().count(4, 4)).isEqualTo(2210); // (Est., Est.)
    assertThat(s.tcpStates().count(1, 0)).isEqualTo(1412); // (Syn., Inact.)
    assertThat(s.tcpStates().count(1, 6)).isEqualTo(37); // (Syn., Rst.)
    assertThat(s.tcpStates().count(6, 4)).isEqualTo(41);
    assertThat(s.tcpStates().total()).isEqualTo(4719);
    assertThat(s.tcpStates().glued()).isFalse();
    assertThat(s.expired()).isEqualTo(611204);
    assertThat(s.reassemblerK()).isEqualTo(2211);
    assertThat(s.timers().current()).isEqualTo(8589);
    assertThat(s.timers().memK()).isEqualTo(536);
    assertThat(s.timers().lagSeconds()).isEqualTo(0.41);
    assertThat(s.dns().requests()).isZero();
    assertThat(s.triggers().total()).isEqualTo(17);
    assertThat(s.timerCounts()).hasSize(12);
    assertThat(s.timerCounts().stream().mapToLong(TimerCount::count).sum()).isEqualTo(8589);
    assertThat(s.timerCounts().get(1)).isEqualTo(new TimerCount("ConnectionInactivityTimer", 6685));
    assertThat(s.globals())
        .containsExactly(
            new GlobalSize("Software::tracked", 0, 1893, 2210, 5127),
            new GlobalSize("Notice::suppressing", 1, 412, 1837, 1837),
            new GlobalSize("Intel::min_data_store", 2, 2510, Snapshot.ABSENT, Snapshot.ABSENT),
            new GlobalSize("Known::certs", 3, 210, 1204, 1204));
    assertThat(s.globalSizesTotalK()).isEqualTo(48213);
    assertThat(s.tableEntries()).isEqualTo(7563);
    assertThat(s.tableEntriesRecursive()).isEqualTo(10921);
  }

  @Test
  void g1Bro20() {
    Parsed p = Parsed.of("g1/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertBroWorkerExpensive(s);
    assertThat(s.threadsCurrent()).isEqualTo(Snapshot.ABSENT);
    assertThat(s.comm()).isNull();
    assertThat(s.ruleMatcher().avgNfaStates()).isEqualTo(18);
    assertThat(s.ruleMatcher().nfaStates()).isEqualTo(Snapshot.ABSENT);
    assertThat(s.partial()).isFalse();
    assertThat(p.reader().era()).isEqualTo(Era.G1);
    // the file stops right after the next separator: that snapshot is partial
    assertThat(p.snapshots()).hasSize(2);
    assertThat(p.last().partial()).isTrue();
  }

  @Test
  void g2Bro21To23() {
    Parsed p = Parsed.of("g2/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertBroWorkerExpensive(s);
    assertThat(s.threadsCurrent()).isZero();
    assertThat(s.comm()).isNull();
    assertThat(s.legacyComm()).isNull();
    assertThat(s.partial()).isFalse();
    // 2.1-2.3 and a 2.4 without Broker print the same text
    assertThat(p.reader().eraMin()).isEqualTo(Era.G2);
    assertThat(p.reader().eraMax()).isEqualTo(Era.G3);
    assertThat(p.reader().era()).isEqualTo(Era.G2);
  }

  @Test
  void g3Bro24WithBroker() {
    Parsed p = Parsed.of("g3/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertBroWorkerExpensive(s);
    LegacyComm c = s.legacyComm();
    assertThat(c.peers()).isEqualTo(1);
    assertThat(c.reports()).isZero();
    assertThat(c.dequeued())
        .containsExactly(
            new LegacyComm.Dequeued("bro/event/", "events", 12),
            new LegacyComm.Dequeued("bro/log/", "logs", 3310));
    assertThat(s.comm()).isNull();
    assertThat(p.reader().era()).isEqualTo(Era.G3);
  }

  @Test
  void g4Bro25() {
    Parsed p = Parsed.of("g4/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertBroWorkerExpensive(s);
    assertThat(s.ruleMatcher().nfaStates()).isEqualTo(16012);
    assertThat(s.ruleMatcher().avgNfaStates()).isEqualTo(Snapshot.ABSENT);
    assertThat(p.reader().era()).isEqualTo(Era.G4);
  }

  @Test
  void g5Bro26() {
    Parsed p = Parsed.of("g5/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    Snapshot first = p.first();
    assertThat(first.commandLine())
        .isEqualTo(
            "/usr/local/bro/bin/bro -i eth0 -U .status -p broctl -p broctl-live -p local -p"
                + " worker-1-1 local.bro broctl base/frameworks/cluster broctl/auto");
    assertThat(first.timeMicros()).isZero();
    assertThat(first.expensive()).isFalse();
    assertThat(first.timers().memK()).isEqualTo(1);
    assertThat(first.notTimerDriven()).isTrue();
    assertThat(first.tcpStates().total()).isZero();
    assertThat(first.comm().eventsIn()).isZero();
    Snapshot s = p.snapshots().get(1);
    assertBroWorkerExpensive(s);
    assertThat(s.comm().peers()).isEqualTo(3);
    assertThat(s.comm().logsOut()).isEqualTo(5411092);
    assertThat(p.reader().segmentLines()).isEqualTo(2);
    assertThat(p.reader().era()).isEqualTo(Era.G5);
    assertThat(p.snapshots()).noneMatch(Snapshot::partial);
  }

  @Test
  void g6Zeek32Manager() {
    Parsed p = Parsed.of("g6/manager.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    Snapshot cheap = p.first();
    assertThat(cheap.expensive()).isFalse();
    assertThat(cheap.conns().avg()).isEqualTo(0.0);
    assertThat(cheap.conns().ext()).isEqualTo(Snapshot.ABSENT);
    assertThat(cheap.dns().successful()).isEqualTo(3);
    assertThat(cheap.dns().cachedAddrs()).isEqualTo(1);
    assertThat(cheap.threads())
        .containsExactly(
            new ThreadStats(
                "/opt/zeek/share/zeek/site/intel/main.dat/Input::READER_ASCII",
                0, 17, 5, 0, 0, 17, 17, 5, 5));
    assertThat(cheap.comm().eventsIn()).isEqualTo(1923);
    Snapshot e = p.last();
    assertThat(e.expensive()).isTrue();
    assertThat(e.conns().avg()).isNaN();
    assertThat(e.ruleMatcher().dfaStates()).isEqualTo(38);
    assertThat(e.globals()).hasSize(4);
    assertThat(e.globals().get(0).name()).isEqualTo("Intel::data_store");
    assertThat(e.globals().get(0).isTable()).isFalse();
    assertThat(e.globals().get(3)).isEqualTo(new GlobalSize("Software::tracked", 3, 640, 811, 1733));
    assertThat(e.globalSizesTotalK()).isEqualTo(61873);
    assertThat(e.tableEntries()).isEqualTo(4377);
    assertThat(p.reader().era()).isEqualTo(Era.G6);
  }

  @Test
  void g7Zeek4() {
    Parsed p = Parsed.of("g7/manager.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.last().conns().avg()).isEqualTo(0.0);
    assertThat(p.first().timerCounts()).contains(new TimerCount("UnknownProtocolExpire", 1));
    assertThat(p.reader().era()).isEqualTo(Era.G7);
  }

  @Test
  void g8Zeek60Worker() {
    Parsed p = Parsed.of("g8/worker.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    Snapshot cheap = p.first();
    assertThat(cheap.conns().hasEstimates()).isFalse();
    assertThat(cheap.conns().currentObjects()).isEqualTo(3367);
    assertThat(cheap.conns().currentSessions()).isEqualTo(3364);
    assertThat(cheap.reassemblerK()).isEqualTo(Snapshot.ABSENT);
    assertThat(cheap.tcpStates().count(4, 4)).isEqualTo(1105);
    assertThat(cheap.tcpStates().count(1, 0)).isEqualTo(706);
    assertThat(cheap.threadsCurrent()).isZero();
    assertThat(cheap.threads()).isEmpty();
    Snapshot e = p.last();
    assertThat(e.expensive()).isTrue();
    assertThat(e.globals())
        .containsExactly(
            new GlobalSize(null, 0, Snapshot.ABSENT, 1290, 1290),
            new GlobalSize(null, 1, Snapshot.ABSENT, 233, 1019),
            new GlobalSize(null, 2, Snapshot.ABSENT, 517, 517));
    assertThat(e.tableEntries()).isEqualTo(3102);
    assertThat(e.tableEntriesRecursive()).isEqualTo(4110);
    assertThat(e.ruleMatcher().memK()).isEqualTo(4711);
    assertThat(p.reader().era()).isEqualTo(Era.G8);
  }

  @Test
  void g9Zeek8Standalone() {
    Parsed p = Parsed.of("g9/standalone.prof.log");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    Snapshot cheap = p.first();
    List<ThreadStats> t = cheap.threads();
    assertThat(cheap.threadsCurrent()).isEqualTo(8);
    assertThat(t).hasSize(8);
    assertThat(t.get(1)).isEqualTo(new ThreadStats("dns/Log::WRITER_ASCII", 0, 2204, 3, 2, 0, 2202, 2204, 3, 3));
    assertThat(t.get(6).name()).isEqualTo("known_services/Log::WRITER_ASCII");
    assertThat(cheap.timerCounts()).contains(new TimerCount("LogFlushWriteBufferTimer", 1));
    Snapshot e = p.last();
    assertThat(e.globals()).extracting(GlobalSize::entries).containsExactly(214L, 388L);
    assertThat(e.tableEntries()).isEqualTo(1021);
    assertThat(e.tableEntriesRecursive()).isEqualTo(1308);
    assertThat(p.reader().era()).isEqualTo(Era.G9);
  }
}
