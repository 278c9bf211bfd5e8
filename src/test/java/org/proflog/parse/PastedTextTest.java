package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.proflog.model.Snapshot;

/** The repair path on small hand-made damage (Q14), and its absence in strict mode. */
class PastedTextTest {

  private static Parsed utf8(String text, boolean strict) {
    return Parsed.of(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "pasted.md",
        ParseOptions.defaults().withStrict(strict));
  }

  @Test
  void nonBreakingSpacesEscapesAndDuplicateRows() {
    String nb = "\u00a0";
    String text = "    2.000000 ------------------------\n"
        + "    2.000000 Memory:" + nb + "total=5K total_adj=0K malloced: 4K\n"
        + "    2.000000 TCP-States:Est.                                    7\n"
        + "    2.000000 TCP-States:Est.                                    9\n"
        + "    2.000000 Threads: current=1\n"
        + "    2.000000   weird\\_stats/Log::WRITER\\_ASCII in=1 out=0 pending=0/0 (\\#queue r/w: in=1/1 out=0/0)\n";
    Parsed p = utf8(text, false);
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertThat(s.memory().totalK()).isEqualTo(5);
    assertThat(s.tcpStates().count(4, 4)).isEqualTo(7); // the first of the duplicates stands
    assertThat(s.threads().get(0).name()).isEqualTo("weird_stats/Log::WRITER_ASCII");
    assertThat(p.reader().repairedLines()).isEqualTo(7); // six lines re-read and one duplicate dropped
  }

  @Test
  void strictModeDoesNotRepair() {
    Parsed p;
    try {
      p = utf8("    2.000000 ------------------------\n", true);
    } catch (ParseException e) {
      assertThat(e.problem().line()).isEqualTo(1);
      assertThat(e.problem().path()).isEqualTo("pasted.md");
      return;
    }
    throw new AssertionError("strict mode accepted an indented line: " + p.snapshots());
  }

  @Test
  void hardWrappedTimersLineAndDetachedRow() {
    String text = "1.000000 ------------------------\n"
        + "1.000000 Timers: current=3 max=4\n"
        + "lag=0.25s\n"
        + "1.000000\n"
        + "ScheduleTimer = 3\n";
    Parsed p = Parsed.text(text);
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertThat(s.timers().lagSeconds()).isEqualTo(0.25);
    assertThat(s.timerCounts()).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(3));
    assertThat(s.untimedLines()).isEqualTo(1);
    assertThat(p.reader().repairedLines()).isEqualTo(4);
  }

  @Test
  void realFilesNeedNoRepair() {
    for (String f : new String[] {
        "g6-real/offline-default.prof.log", "g9-real/offline-default.prof.log", "g5/worker.prof.log"}) {
      Parsed p = Parsed.of(f);
      assertThat(p.reader().repairedLines()).as(f).isZero();
      assertThat(p.snapshots()).as(f).allMatch(s -> s.untimedLines() == 0);
    }
  }
}
