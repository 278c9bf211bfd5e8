package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnnamedTableTrackerTest {

  private static List<String> ids(UnnamedTableTracker t, long... entries) {
    List<UnnamedTableTracker.Row> rows = new ArrayList<>();
    for (long e : entries) {
      rows.add(new UnnamedTableTracker.Row(e, e));
    }
    return t.assign(rows).stream().map(UnnamedTableTracker.Assigned::id).toList();
  }

  @Test
  void firstSnapshotNumbersRowsInOrder() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    assertThat(ids(t, 500, 1000, 2000)).containsExactly("#1", "#2", "#3");
  }

  @Test
  void unchangedRowsKeepTheirIdsWhileValuesDrift() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 500, 1000, 2000);
    assertThat(ids(t, 520, 990, 2300)).containsExactly("#1", "#2", "#3");
    assertThat(ids(t, 560, 1010, 2700)).containsExactly("#1", "#2", "#3");
    assertThat(t.tablesSeen()).isEqualTo(3);
  }

  @Test
  void tableAppearingInTheMiddleShiftsLaterRowsButNotTheirIds() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 500, 1000, 2000);
    assertThat(ids(t, 510, 100, 1005, 2010)).containsExactly("#1", "#4", "#2", "#3");
    // and it keeps its place in the name order afterwards
    assertThat(ids(t, 515, 130, 1010, 2020)).containsExactly("#1", "#4", "#2", "#3");
  }

  @Test
  void tableDisappearingFromTheMiddle() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 500, 1000, 2000);
    assertThat(ids(t, 505, 2010)).containsExactly("#1", "#3");
  }

  @Test
  void tableThatComesBackGetsItsOldId() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 500, 120, 2000);
    assertThat(ids(t, 505, 2010)).containsExactly("#1", "#3");
    assertThat(ids(t, 505, 2020)).containsExactly("#1", "#3");
    assertThat(ids(t, 510, 110, 2030)).containsExactly("#1", "#2", "#3");
    assertThat(t.tablesSeen()).isEqualTo(3);
  }

  @Test
  void newFirstRowAndVanishedLastRowAtOnce() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 5000, 800, 300);
    assertThat(ids(t, 150, 5100, 820)).containsExactly("#4", "#1", "#2");
  }

  @Test
  void emptyListingMarksAllDormant() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 150, 160);
    assertThat(ids(t)).isEmpty();
    assertThat(ids(t, 155)).hasSize(1).first().isIn("#1", "#2");
    assertThat(t.tablesSeen()).isEqualTo(2);
  }

  @Test
  void veryDifferentValueAtSamePositionIsANewTable() {
    UnnamedTableTracker t = new UnnamedTableTracker();
    ids(t, 100_000);
    assertThat(ids(t, 120)).containsExactly("#2");
  }
}
