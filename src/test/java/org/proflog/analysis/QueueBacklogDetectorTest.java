package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.proflog.series.NodeSeries;
import org.junit.jupiter.api.Test;

class QueueBacklogDetectorTest {
  static final String CONN = "conn/Log::WRITER_ASCII";
  static final String DNS = "dns/Log::WRITER_ASCII";
  static final String HTTP = "http/Log::WRITER_ASCII";

  private static List<Finding> run(NodeSeries n) {
    return new QueueBacklogDetector().detect(n, AnalysisContext.of(AnalysisOptions.defaults(), List.of(n)));
  }

  /** A healthy writer: in grows, reads follow, nothing pending. */
  private static void healthy(NodeBuilder b, String t) {
    b.thread(t, i -> 100.0 * i, i -> 0, i -> 100.0 * i, i -> 2.0 * i, i -> 0, i -> 2.0 * i);
  }

  private static NodeBuilder logger(long seed) {
    NodeBuilder b = new NodeBuilder("logger-1", 15, 200, seed);
    healthy(b, DNS);
    healthy(b, HTTP);
    return b;
  }

  @Test
  void risingPendingThatNeverDrainsIsBacklog() {
    NodeBuilder b = logger(1);
    b.thread(CONN, i -> 100.0 * i, i -> 5.0 * i, i -> 95.0 * i, i -> 2.0 * i, i -> 0, i -> 2.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo(CONN);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().extra().get("queue")).contains("inbound");
    });
  }

  @Test
  void slowConsumerOnOutboundQueue() {
    NodeBuilder b = logger(2);
    String reader = "/opt/intel.dat/Input::READER_ASCII";
    b.thread(reader, i -> 10.0 * i, i -> 0, i -> 10.0 * i, i -> 1000.0 * i, i -> 30.0 * i, i -> 970.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo(reader);
      assertThat(f.explanation()).contains("outbound");
    });
  }

  /**
   * A queue that creeps up to a few dozen messages without ever emptying (the replies of idle
   * writers that the main loop of an offline run reads in batches) is no backlog; the same shape at
   * a hundred messages and more is.
   */
  @Test
  void aFewDozenMessagesAreNoBacklog() {
    NodeBuilder b = logger(8);
    b.thread(CONN, i -> 100.0 * i, i -> 0, i -> 100.0 * i, i -> 2.0 * i, i -> 2 + i / 5, i -> 2.0 * i - (2 + i / 5));
    assertThat(run(b.build())).isEmpty();
    NodeBuilder c = logger(8);
    c.thread(CONN, i -> 100.0 * i, i -> 0, i -> 100.0 * i, i -> 2.0 * i, i -> 2 + i, i -> 2.0 * i - (2 + i));
    assertThat(run(c.build())).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().extra().get("queue")).contains("outbound");
      assertThat(f.evidence().extra().get("lowest in last third")).isEqualTo("135");
    });
  }

  /** A burst of thousands that falls back to a few dozen messages drained as far as a backlog goes. */
  @Test
  void burstThatDrainsToAFewMessagesIsInfo() {
    NodeBuilder b = logger(9);
    b.thread(CONN, i -> 100.0 * i, i -> i >= 50 && i < 60 ? 5000 : i >= 60 ? 30 : 0, i -> 100.0 * i, i -> 2.0 * i,
        i -> 0, i -> 2.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.evidence().extra().get("drained")).isEqualTo("to 30");
    });
  }

  @Test
  void burstThatDrainsIsAtMostInfo() {
    NodeBuilder b = logger(3);
    b.thread(CONN, i -> 100.0 * i, i -> i >= 50 && i < 60 ? 5000 : 0, i -> 100.0 * i, i -> 2.0 * i, i -> 0, i -> 2.0 * i);
    assertThat(run(b.build())).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  /** Shutdown artefacts: pending=1/0 on writers and pending=0/N in the final snapshot only. */
  @Test
  void finalSnapshotShutdownArtefactsAreIgnored() {
    NodeBuilder b = logger(4);
    int last = b.n - 1;
    b.thread(CONN, i -> 100.0 * i, i -> i == last ? 1 : 0, i -> 100.0 * i - (i == last ? 1 : 0), i -> 2.0 * i,
        i -> i == last ? 5000 : 0, i -> 2.0 * i - (i == last ? 5000 : 0));
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void stuckWriterReadsFrozenWhileWritesContinue() {
    NodeBuilder b = logger(5);
    // pending is not what shows it here (counters are read without a common lock); the frozen reads do
    b.thread(CONN, i -> 100.0 * i, i -> 0, i -> 100.0 * Math.min(i, 120), i -> 2.0 * i, i -> 0, i -> 2.0 * i);
    assertThat(run(b.build())).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo(CONN);
      assertThat(f.explanation()).contains("stuck");
    });
  }

  @Test
  void stalledThreadWhilePeersMove() {
    NodeBuilder b = logger(6);
    b.thread(CONN, i -> 100.0 * Math.min(i, 150), i -> 0, i -> 100.0 * Math.min(i, 150), i -> 2.0 * Math.min(i, 150),
        i -> 0, i -> 2.0 * Math.min(i, 150));
    assertThat(run(b.build())).singleElement().satisfies(f -> assertThat(f.explanation()).contains("stalled"));
  }

  @Test
  void healthyThreadsGiveNothing() {
    NodeBuilder b = logger(7);
    healthy(b, CONN);
    assertThat(run(b.build())).isEmpty();
  }
}
