package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.GlobalSize;
import org.proflog.model.Snapshot;

/** Q1: the 2.6+ Comm line has no newline; whatever follows on its physical line is the next line. */
class GluedCommTest {

  private static final String COMM =
      "Comm: peers=2 stores=1 pending_queries=0 events_in=5 events_out=6 logs_in=7 logs_out=8 ids_in=9 ids_out=10 ";

  private static String head(String ts) {
    return ts + " ------------------------\n" + ts + " Threads: current=0\n" + ts + " " + COMM;
  }

  @Test
  void nextSeparator() {
    Parsed p = Parsed.text(head("1.000000") + "2.000000 ------------------------\n2.000000 Threads: current=0\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.snapshots()).hasSize(2);
    assertThat(p.first().comm().idsOut()).isEqualTo(10);
    assertThat(p.first().comm().logsOut()).isEqualTo(8);
    assertThat(p.snapshots().get(1).line()).isEqualTo(3);
    assertThat(p.snapshots().get(1).timeMicros()).isEqualTo(2_000_000);
  }

  @Test
  void globalSizesHeader() {
    Parsed p = Parsed.text(head("1.000000") + "1.000000 Global_sizes > 100k: 0K\n"
        + "1.000000                Known::hosts = 188K (1408/1408 entries)\n"
        + "1.000000 Global_sizes total: 61873K\n1.000000 Total number of table entries: 1408/1408\n");
    assertThat(p.reader().problems()).isEmpty();
    Snapshot s = p.first();
    assertThat(s.expensive()).isTrue();
    assertThat(s.globals()).containsExactly(new GlobalSize("Known::hosts", 0, 188, 1408, 1408));
  }

  @Test
  void unnamedTableRowAndTotal() {
    Parsed p = Parsed.text(head("1.000000") + "1.000000                1290/1290 entries\n"
        + "1.000000 Total number of table entries: 1290/1290\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().globals()).containsExactly(new GlobalSize(null, 0, Snapshot.ABSENT, 1290, 1290));
    Parsed q = Parsed.text(head("1.000000") + "1.000000 Total number of table entries: 3/4");
    assertThat(q.reader().problems()).isEmpty();
    assertThat(q.first().tableEntries()).isEqualTo(3);
    assertThat(q.first().expensive()).isTrue();
  }

  @Test
  void companionLineWithUnusualName() {
    Parsed p = Parsed.text(head("1.000000") + "1.000000 proflog-global footprint=42 entries=- name=a b=c/\u00fc\n"
        + "1.000000 proflog-global footprint=7 entries=3 name=ids_out=1 x\n");
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().footprints()).containsExactly(
        new GlobalFootprint("a b=c/\u00fc", 42, Snapshot.ABSENT),
        new GlobalFootprint("ids_out=1 x", 7, 3));
  }

  @Test
  void endOfFileAndTrailingBlanks() {
    Parsed p = Parsed.text(head("1.000000"));
    assertThat(p.reader().problems()).isEmpty();
    assertThat(p.first().comm().peers()).isEqualTo(2);
    Parsed q = Parsed.text(head("1.000000") + "   \n");
    assertThat(q.reader().problems()).isEmpty();
    assertThat(q.first().comm()).isNotNull();
  }

  @Test
  void unknownRemainderIsAProblemButCommIsKept() {
    Parsed p = Parsed.text(head("1.000000") + "1.000000 hello from a script\n");
    assertThat(p.first().comm()).isNotNull();
    assertThat(p.reader().problemCount()).isEqualTo(1);
    assertThat(p.reader().problems().get(0).line()).isEqualTo(3);
  }
}
