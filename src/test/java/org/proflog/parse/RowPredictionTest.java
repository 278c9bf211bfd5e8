package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Snapshot;
import org.proflog.model.ThreadStats;
import org.proflog.model.TimerCount;

/**
 * Thread and timer rows are first matched against the row the previous snapshot had at the same
 * place (RowNames). These inputs change the rows between snapshots in the ways that could fool such
 * a prediction; each snapshot must read exactly as it reads alone, in a reader that has seen nothing
 * before it.
 */
class RowPredictionTest {

  private static final String HEAD =
      """
      %1$s ------------------------
      %1$s Memory: total=1000K total_adj=0K malloced: 10K
      %1$s Timers: current=3 max=3 lag=0.00s
      %1$s Triggers: total=0 pending=0
      """;

  private static String snapshot(long sec, String timers, String threads) {
    String ts = sec + ".000001";
    StringBuilder sb = new StringBuilder(String.format(HEAD, ts));
    for (String t : timers.split("\n")) {
      if (!t.isEmpty()) {
        sb.append(ts).append("         ").append(t).append('\n');
      }
    }
    sb.append(ts).append(" Threads: current=2\n");
    for (String t : threads.split("\n")) {
      if (!t.isEmpty()) {
        sb.append(ts).append("   ").append(t).append('\n');
      }
    }
    return sb.toString();
  }

  private static final String ROW = " in=%d out=2 pending=0/0 (#queue r/w: in=%d/%d out=2/2)";

  private static String row(String name, int in) {
    return name + String.format(ROW, in, in, in);
  }

  @Test
  void changedRowsReadAsTheyReadAlone() {
    List<String> snapshots =
        List.of(
            snapshot(1, "ScheduleTimer = 4\nTableValTimer = 23", row("conn", 1) + "\n" + row("dns", 1)),
            // a longer name that starts with the predicted one
            snapshot(2, "ScheduleTimerX = 5\nTableValTimer = 24",
                row("conn/Log::WRITER_ASCII", 2) + "\n" + row("dns", 2)),
            // the order changes, and a name repeats (ordinals)
            snapshot(3, "TableValTimer = 25\nScheduleTimer = 6",
                row("dns", 3) + "\n" + row("dns", 4) + "\n" + row("conn/Log::WRITER_ASCII", 3)),
            // padding after the name, a tab before in= (not a row the general path reads), and a name
            // that itself contains " in="
            snapshot(4, "TableValTimer\t= 26\nScheduleTimer = 7",
                row("dns    ", 5) + "\n" + row("dns\t", 6).replace("\t in=", "\tin=") + "\n"
                    + row("x in=1 out=2 pending=0/0", 4)),
            // the rows as at first again, one of them with a bad number
            snapshot(5, "ScheduleTimer = 4x\nTableValTimer = 23", row("conn", 1) + "\n" + row("dns", 1)),
            snapshot(6, "ScheduleTimer = 4\nTableValTimer = 23", row("conn", 1) + "\n" + row("dns", 1)));

    Parsed together = Parsed.text(String.join("", snapshots));
    assertThat(together.snapshots()).hasSize(snapshots.size());
    long problems = 0;
    for (int i = 0; i < snapshots.size(); i++) {
      Parsed alone = Parsed.text(snapshots.get(i));
      Snapshot a = alone.first();
      Snapshot t = together.snapshots().get(i);
      assertThat(t.threads()).as("threads of snapshot %d", i + 1).isEqualTo(a.threads());
      assertThat(t.timerCounts()).as("timers of snapshot %d", i + 1).isEqualTo(a.timerCounts());
      problems += alone.reader().problemCount();
    }
    assertThat(together.reader().problemCount()).isEqualTo(problems);
    // and the values are what the text says, not merely the same in both readings
    Snapshot third = together.snapshots().get(2);
    assertThat(third.threads())
        .extracting(ThreadStats::name, ThreadStats::ordinal, ThreadStats::in)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dns", 0, 3L),
            org.assertj.core.groups.Tuple.tuple("dns", 1, 4L),
            org.assertj.core.groups.Tuple.tuple("conn/Log::WRITER_ASCII", 0, 3L));
    assertThat(together.snapshots().get(1).timerCounts())
        .containsExactly(new TimerCount("ScheduleTimerX", 5), new TimerCount("TableValTimer", 24));
    // (the tab is not what Zeek writes: the lenient reading repairs it as pasted text)
    assertThat(together.snapshots().get(3).threads())
        .extracting(ThreadStats::name, ThreadStats::ordinal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dns", 0),
            org.assertj.core.groups.Tuple.tuple("dns", 1),
            org.assertj.core.groups.Tuple.tuple("x in=1 out=2 pending=0/0", 0));
    assertThat(together.snapshots().get(4).timerCounts())
        .containsExactly(new TimerCount("TableValTimer", 23));
  }
}
