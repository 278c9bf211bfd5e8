package org.proflog.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proflog.model.Era;
import org.proflog.model.NodeId;

class ClusterSeriesTest {

  private static NodeSeries node(String name) {
    SeriesBuilder b = new SeriesBuilder(new NodeId(name));
    b.startFile(name + "/prof.log");
    b.accept(SnapshotFixtures.at(1_700_000_000, 1).build());
    return b.build(Era.G6, 0, 0);
  }

  @Test
  void sortedByNameAndGroupedByRole() {
    ClusterSeries c = ClusterSeries.of(List.of(node("worker-2"), node("manager"), node("worker-1")));
    assertThat(c.nodes().keySet()).extracting(NodeId::name)
        .containsExactly("manager", "worker-1", "worker-2");
    assertThat(c.withRole(NodeId.Role.WORKER)).extracting(ns -> ns.node().name())
        .containsExactly("worker-1", "worker-2");
    assertThat(c.get(new NodeId("manager")).snapshots()).isEqualTo(1);
  }

  @Test
  void duplicateNodeRejected() {
    assertThatThrownBy(() -> ClusterSeries.of(List.of(node("a"), node("a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
