package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class UnnamedTableTrackerProperties {

  /**
   * Tables whose sizes differ by a factor of 20 or more, drifting by up to 5 %, appearing and
   * vanishing at random: every table keeps the id it got first, and ids are never shared.
   */
  @Property(tries = 300)
  void separatedTablesKeepTheirIds(
      @ForAll @IntRange(min = 1, max = 7) int tables,
      @ForAll @IntRange(min = 2, max = 12) int snapshots,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    List<Long> levels = new ArrayList<>();
    for (int k = 0; k < tables; k++) {
      levels.add(150L * (long) Math.pow(20, k));
    }
    Collections.shuffle(levels, rnd); // name order says nothing about size
    UnnamedTableTracker tracker = new UnnamedTableTracker();
    Map<Integer, String> idOf = new HashMap<>();
    for (int s = 0; s < snapshots; s++) {
      List<Integer> present = new ArrayList<>();
      List<UnnamedTableTracker.Row> rows = new ArrayList<>();
      for (int k = 0; k < tables; k++) {
        if (rnd.nextInt(3) > 0) {
          present.add(k);
          long v = Math.round(levels.get(k) * (1 + 0.05 * rnd.nextDouble()));
          rows.add(new UnnamedTableTracker.Row(v, v));
        }
      }
      List<UnnamedTableTracker.Assigned> got = tracker.assign(rows);
      assertThat(got).hasSize(rows.size());
      assertThat(new HashSet<>(got.stream().map(UnnamedTableTracker.Assigned::id).toList()))
          .hasSize(rows.size());
      for (int r = 0; r < got.size(); r++) {
        String prev = idOf.putIfAbsent(present.get(r), got.get(r).id());
        if (prev != null) {
          assertThat(got.get(r).id()).isEqualTo(prev);
        }
      }
    }
    assertThat(tracker.tablesSeen()).isEqualTo(idOf.size());
  }
}
