package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.Snapshot;
import org.proflog.model.TcpStates;

/** Damaged, hostile and odd input: the parser reports, never throws, never buffers without bound. */
class RobustnessTest {

  private static final String CHEAP_G9 =
      "1760000415.052240 ------------------------\n"
          + "1760000415.052240 Memory: total=520404K total_adj=131228K malloced: 0K\n"
          + "1760000415.052240 Run-time: user+sys=88.1 user=80.3 sys=7.8 real=405.1\n"
          + "1760000415.052240 Conns: total=38112 current=660/660\n"
          + "1760000415.052240 Conns: tcp=466/1011 udp=190/622 icmp=4/31\n"
          + "1760000415.052240 Connections expired due to inactivity: 10277\n"
          + "1760000415.052240 Timers: current=879 max=2290 lag=0.01s\n"
          + "1760000415.052240 DNS_Mgr: requests=0 successful=0 failed=0 pending=0 cached_hosts=0 cached_addrs=0\n"
          + "1760000415.052240 Triggers: total=0 pending=0\n"
          + "1760000415.052240 Threads: current=0\n"
          + "1760000415.052240 Comm: peers=0 stores=0 pending_queries=0 events_in=0 events_out=0 logs_in=0 logs_out=0 ids_in=0 ids_out=0 ";

  @Test
  void anExceptionOfTheDrainConsumerComesOutAsThrownNotAsAProblem() {
    String two = CHEAP_G9 + CHEAP_G9.replace("1760000415.052240", "1760000425.052240");
    for (int failAt : new int[] {1, 2}) { // the first snapshot ends at a separator, the second at the end
      IllegalStateException thrown = new IllegalStateException("consumer bug");
      int[] seen = {0};
      ProfLogReader r = new ProfLogReader(
          new ByteArrayInputStream(two.getBytes(StandardCharsets.ISO_8859_1)), "x", ParseOptions.defaults());
      assertThatThrownBy(() -> r.drainTo(s -> {
        if (++seen[0] == failAt) {
          throw thrown;
        }
      })).isSameAs(thrown);
      assertThat(r.problemCount()).isZero();
    }
  }

  @Test
  void emptyInputHasNoSnapshots() {
    Parsed p = Parsed.text("");
    assertThat(p.snapshots()).isEmpty();
    assertThat(p.reader().problemCount()).isZero();
    assertThat(p.reader().lineCount()).isZero();
    assertThat(p.reader().era()).isEqualTo(Era.UNKNOWN);
  }

  @Test
  void truncatedMidLineGivesPartialSnapshot() {
    String whole = CHEAP_G9;
    String cut = whole.substring(0, whole.indexOf("Timers:") + 12);
    Parsed p = Parsed.text(cut);
    assertThat(p.snapshots()).hasSize(1);
    assertThat(p.first().partial()).isTrue();
    assertThat(p.first().memory().totalK()).isEqualTo(520404);
    assertThat(p.first().expired()).isEqualTo(10277);
    assertThat(p.first().timers()).isNull();
    assertThat(p.reader().problems()).singleElement().satisfies(pr -> assertThat(pr.line()).isEqualTo(7));
  }

  @Test
  void finalUnterminatedCommLineCompletesTheSnapshot() {
    Parsed p = Parsed.text(CHEAP_G9);
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().partial()).isFalse();
    assertThat(p.first().comm()).isNotNull();
    assertThat(p.reader().lineCount()).isEqualTo(11);
  }

  @Test
  void crlfIsTolerated() {
    Parsed p = Parsed.text(CHEAP_G9.replace("\n", "\r\n"));
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first()).isEqualTo(Parsed.text(CHEAP_G9).first());
    assertThat(p.reader().repairedLines()).isZero();
  }

  @Test
  void garbageBytesBecomeProblems() {
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    ProfLogReader r =
        new ProfLogReader(new ByteArrayInputStream(junk), "junk.bin", ParseOptions.defaults());
    int n = 0;
    while (r.hasNext()) {
      r.next();
      n++;
    }
    assertThat(r.problemCount()).isPositive();
    assertThat(r.problems()).allMatch(pr -> pr.path().equals("junk.bin") && pr.line() >= 1);
    assertThat(n).isLessThanOrEqualTo(1);
  }

  @Test
  void problemsBeyondTheLimitAreCountedNotKept() {
    String text = "nonsense\n".repeat(50);
    ProfLogReader r =
        new ProfLogReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
            "x",
            new ParseOptions(false, 1 << 20, 10));
    while (r.hasNext()) {
      r.next();
    }
    assertThat(r.problems()).hasSize(10);
    // prose lines are joined in pieces of up to four before they are given up as one problem
    assertThat(r.problemCount()).isEqualTo(13);
  }

  @Test
  void strictModeStopsAtTheFirstProblemWithFileAndLine() {
    String text = CHEAP_G9.replace("Run-time: user+sys", "Run-time: usr+sys");
    ProfLogReader r =
        new ProfLogReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
            "spool/worker-1/prof.log",
            ParseOptions.defaults().withStrict(true));
    assertThatThrownBy(r::hasNext)
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("spool/worker-1/prof.log:3: unreadable Run-time line: '")
        .hasMessageContaining("Run-time: usr+sys")
        .satisfies(e -> assertThat(((ParseException) e).problem().line()).isEqualTo(3));
  }

  @Test
  void veryLongLineIsSkippedWithoutBufferingIt() {
    long longLength = 20L << 20;
    byte[] head = (CHEAP_G9.substring(0, CHEAP_G9.indexOf("1760000415.052240 Run-time")) + "x")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\n" + CHEAP_G9.substring(CHEAP_G9.indexOf("1760000415.052240 Run-time")))
        .getBytes(StandardCharsets.ISO_8859_1);
    InputStream in = new InputStream() {
      long i;

      @Override
      public int read() {
        long total = head.length + longLength + tail.length;
        if (i >= total) {
          return -1;
        }
        long k = i++;
        if (k < head.length) {
          return head[(int) k] & 0xff;
        }
        k -= head.length;
        if (k < longLength) {
          return 'y';
        }
        return tail[(int) (k - longLength)] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
          int c = read();
          if (c < 0) {
            return n == 0 ? -1 : n;
          }
          b[off + n++] = (byte) c;
        }
        return n;
      }
    };
    Parsed p = Parsed.of(in, "long.log", new ParseOptions(false, 1 << 20, 100));
    assertThat(p.reader().problems())
        .singleElement()
        .satisfies(pr -> {
          assertThat(pr.line()).isEqualTo(3);
          assertThat(pr.message()).contains("longer than");
        });
    assertThat(p.snapshots()).hasSize(1);
    assertThat(p.first().memory().totalK()).isEqualTo(520404);
    assertThat(p.first().runTime().real()).isEqualTo(405.1);
    assertThat(p.reader().lineCount()).isEqualTo(12);
  }

  @Test
  void numbersThatDoNotFitAreProblemsNotExceptions() {
    String text = CHEAP_G9.replace("total=38112", "total=99999999999999999999999");
    Parsed p = Parsed.text(text);
    assertThat(p.reader().problems()).singleElement()
        .satisfies(pr -> assertThat(pr.message()).startsWith("number out of range in Conns line: '").contains("Conns: total="));
    assertThat(p.first().conns()).isNull();
  }

  @Test
  void numbersUpToLongMaxAreReadAndOneMoreIsOutOfRange() {
    Parsed ok = Parsed.text(CHEAP_G9.replace("total=38112", "total=9223372036854775807"));
    assertThat(ok.reader().problems()).isEmpty();
    assertThat(ok.first().conns().total()).isEqualTo(Long.MAX_VALUE);
    Parsed eighteen = Parsed.text(CHEAP_G9.replace("total=38112", "total=999999999999999999"));
    assertThat(eighteen.first().conns().total()).isEqualTo(999_999_999_999_999_999L);
    Parsed over = Parsed.text(CHEAP_G9.replace("total=38112", "total=9223372036854775808"));
    assertThat(over.reader().problems()).singleElement()
        .satisfies(pr -> assertThat(pr.message()).startsWith("number out of range in Conns line: '").contains("Conns: total="));
  }

  @Test
  void nanAndInfinityAreMappedExplicitly() {
    String base = "1.000000 ------------------------\n1.000000 Run-time: user+sys=%s user=%s sys=%s real=%s\n";
    Parsed p = Parsed.text(String.format(base, "nan", "-nan", "inf", "-INF"));
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().runTime().userSys()).isNaN();
    assertThat(p.first().runTime().user()).isNaN();
    assertThat(p.first().runTime().sys()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p.first().runTime().real()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void negativeIntegersAreAccepted() {
    Parsed p = Parsed.text("5.000000 ------------------------\n"
        + "5.000000 Conns: total=-2147000000 current=1/1 ext=0 mem=-5K avg=-5.0 table=1K connvals=1K\n"
        + "5.000000 Connections expired due to inactivity: -12\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().conns().total()).isEqualTo(-2147000000L);
    assertThat(p.first().conns().memBytes()).isEqualTo(-5);
    assertThat(p.first().expired()).isEqualTo(-12);
  }

  @Test
  void tcpRowsWithStrippedBlanksAndGluedCounts() {
    String p0 = "7.000000 TCP-States:";
    Parsed p = Parsed.text("7.000000 ------------------------\n"
        + p0 + "        Inact.  Syn.    SA      Part.   Est.    Fin.    Rst.\n"
        + p0 + "Syn.    3\n"
        + p0 + "Est.                                    12345678\n"
        + p0 + "Rst.\n");
    TcpStates t = p.first().tcpStates();
    assertThat(t.count(1, 0)).isEqualTo(3);
    assertThat(t.count(4, 4)).isEqualTo(12345678);
    assertThat(t.count(6, 0)).isZero();
    assertThat(t.glued()).isTrue();
    assertThat(p.reader().problems()).singleElement()
        .satisfies(pr -> assertThat(pr.message()).contains("glued"));
  }

  @Test
  void threadNamesWithSpacesAndDuplicatesGetOrdinals() {
    String ts = "9.000000";
    Parsed p = Parsed.text(ts + " ------------------------\n"
        + ts + " Threads: current=3\n"
        + ts + "   /data/my intel: v1.0/in=x/Input::READER_ASCII in=5 out=6 pending=0/1 (#queue r/w: in=5/5 out=5/6)\n"
        + ts + "   conn/Log::WRITER_ASCII    in=1 out=2 pending=0/0 (#queue r/w: in=1/1 out=2/2)\n"
        + ts + "   conn/Log::WRITER_ASCII    in=3 out=4 pending=0/0 (#queue r/w: in=3/3 out=4/4)\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().threads()).extracting(t -> t.name() + "#" + t.ordinal() + ":" + t.in())
        .containsExactly(
            "/data/my intel: v1.0/in=x/Input::READER_ASCII#0:5",
            "conn/Log::WRITER_ASCII#0:1",
            "conn/Log::WRITER_ASCII#1:3");
  }

  @Test
  void segmentLinesAreSkippedAndCounted() {
    Parsed p = Parsed.text("1.000000 ------------------------\n"
        + "1.000000 segment-draining-events dt=0.000390 dmem=0\n"
        + "1.000000 Memory: total=1K total_adj=0K malloced: 1K\n"
        + "1.000000 segment-/x.zeek:1 dt=0.000001 dmem=0\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.reader().segmentLines()).isEqualTo(2);
    assertThat(p.first().memory().totalK()).isEqualTo(1);
  }

  @Test
  void inputStartingMidSnapshotIsReportedAndKept() {
    String tail = CHEAP_G9.substring(CHEAP_G9.indexOf("1760000415.052240 Memory"));
    Parsed p = Parsed.text(tail);
    assertThat(p.snapshots()).hasSize(1);
    assertThat(p.first().partial()).isTrue();
    assertThat(p.first().memory().totalK()).isEqualTo(520404);
    assertThat(p.reader().problemCount()).isEqualTo(1);
  }

  @Test
  void commandLineWithNewlineInAnArgument() {
    Parsed p = Parsed.text("0.000000 ------------------------\n"
        + "0.000000 Command line: zeek -e print \"a\n"
        + "b\" x.zeek \n"
        + "0.000000 ------------------------\n"
        + "0.000000 Memory: total=1K total_adj=0K malloced: 1K\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(1);
    assertThat(p.first().commandLine()).isEqualTo("zeek -e print \"a\nb\" x.zeek ");
    assertThat(p.first().memory()).isNotNull();
  }

  @Test
  void streamConvenienceClosesTheReader() {
    List<Snapshot> all;
    try (var s = ProfLogReader.stream(
        new ByteArrayInputStream(Parsed.resource("g9-real/offline-default.prof.log")),
        "x", ParseOptions.defaults())) {
      all = s.toList();
    }
    assertThat(all).hasSize(104);
  }

  @Test
  void footprintsAreKeptWithTheirNames() {
    Parsed p = Parsed.text("3.000000 ------------------------\n"
        + "3.000000 proflog-global footprint=120 entries=- name=Site::local_nets\n"
        + "3.000000 proflog-global footprint=99 entries=7 name=a b=c/\u00fc\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().footprints()).containsExactly(
        new GlobalFootprint("Site::local_nets", 120, Snapshot.ABSENT),
        new GlobalFootprint("a b=c/\u00fc", 99, 7));
    assertThat(Arrays.asList(p.first().expensive())).containsExactly(false);
  }

  @Test
  void manyThreadsKeepCorrectOrdinals() {
    StringBuilder sb = new StringBuilder("4.000000 ------------------------\n4.000000 Threads: current=300\n");
    for (int i = 0; i < 300; i++) {
      sb.append("4.000000   w").append(i % 7).append("/Log::WRITER_ASCII in=").append(i)
          .append(" out=0 pending=0/0 (#queue r/w: in=0/0 out=0/0)\n");
    }
    Parsed p = Parsed.text(sb.toString());
    assertThat(p.reader().problems()).isEmpty();
    var threads = p.first().threads();
    assertThat(threads).hasSize(300);
    for (int i = 0; i < 300; i++) {
      assertThat(threads.get(i).ordinal()).as("row %d", i).isEqualTo(i / 7);
      assertThat(threads.get(i).in()).isEqualTo(i);
    }
  }
}
