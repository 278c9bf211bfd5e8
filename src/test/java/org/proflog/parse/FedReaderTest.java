package org.proflog.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.proflog.model.Snapshot;

/**
 * A fed reader (bytes pushed in pieces, parsed on the caller's thread) reads exactly what a reader
 * of the whole stream reads, however the bytes are cut, and releases a snapshot only when the next
 * one starts or the input ends.
 */
class FedReaderTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "g6-real/live-healthy.prof.log", "g9-real/offline-default.prof.log", "g1/worker.prof.log",
    "g4/worker.prof.log", "g8/worker.prof.log", "seed/continued.txt"
  })
  void randomCutsReadAsTheWholeStream(String name) {
    byte[] data = Parsed.resource(name);
    Parsed whole = Parsed.of(name);
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      ProfLogReader r = ProfLogReader.fed(name, ParseOptions.defaults());
      List<Snapshot> out = new ArrayList<>();
      int p = 0;
      while (p < data.length) {
        int n = Math.min(data.length - p, rnd.nextInt(3) == 0 ? 1 : 1 + rnd.nextInt(700));
        r.feed(data, p, n);
        p += n;
        if (rnd.nextBoolean()) {
          r.drainTo(v -> out.add(((SnapshotBuilder) v).build()));
        } else {
          while (r.hasNext()) {
            out.add(r.next());
          }
        }
        assertThat(r.finished()).isFalse();
      }
      r.endOfInput();
      r.drainTo(v -> out.add(((SnapshotBuilder) v).build()));
      assertThat(r.finished()).isTrue();
      assertThat(out).as("seed %d", seed).isEqualTo(whole.snapshots());
      assertThat(r.problems()).isEqualTo(whole.reader().problems());
      assertThat(r.era()).isEqualTo(whole.reader().era());
      assertThat(r.lineCount()).isEqualTo(whole.reader().lineCount());
    }
  }

  @Test
  void aSnapshotComesOutWhenTheNextStarts() {
    String first = """
        1700000000.000001 ------------------------
        1700000000.000001 Memory: total=1000K total_adj=0K malloced: 10K
        1700000000.000001 Triggers: total=0 pending=0
        """;
    ProfLogReader r = ProfLogReader.fed("f", ParseOptions.defaults());
    byte[] a = first.getBytes(ISO_8859_1);
    r.feed(a, 0, a.length);
    assertThat(r.hasNext()).isFalse(); // more lines of it may follow
    byte[] b = "1700000010.000001 ------------------------\n1700000010.000001 Memo".getBytes(ISO_8859_1);
    r.feed(b, 0, b.length);
    assertThat(r.hasNext()).isTrue();
    assertThat(r.next().memory().totalK()).isEqualTo(1000);
    assertThat(r.hasNext()).isFalse();
    byte[] c = "ry: total=2000K total_adj=0K malloced: 10K\n".getBytes(ISO_8859_1);
    r.feed(c, 0, c.length);
    assertThat(r.hasNext()).isFalse();
    r.endOfInput();
    assertThat(r.hasNext()).isTrue();
    Snapshot last = r.next();
    assertThat(last.memory().totalK()).isEqualTo(2000);
    assertThat(last.partial()).isTrue(); // no Triggers line: the file ended inside it
    assertThat(r.problemCount()).isZero();
  }

  @Test
  void anOverLongLineFedInPiecesIsSkippedOnce() {
    ParseOptions small = new ParseOptions(false, 64, 10);
    ProfLogReader r = ProfLogReader.fed("f", small);
    byte[] head = "1700000000.000001 ------------------------\n1700000000.000001 Triggers: total=0 pending=0\n"
        .getBytes(ISO_8859_1);
    r.feed(head, 0, head.length);
    byte[] junk = "x".repeat(50).getBytes(ISO_8859_1);
    for (int i = 0; i < 10; i++) {
      r.feed(junk, 0, junk.length);
      assertThat(r.hasNext()).isFalse();
    }
    byte[] tail = "\n1700000000.000001 Threads: current=0\n".getBytes(ISO_8859_1);
    r.feed(tail, 0, tail.length);
    r.endOfInput();
    assertThat(r.hasNext()).isTrue();
    Snapshot s = r.next();
    assertThat(s.threadsCurrent()).isZero();
    assertThat(r.problemCount()).isEqualTo(1);
    assertThat(r.problems().get(0).line()).isEqualTo(3);
    assertThat(r.problems().get(0).message()).contains("longer than 64 bytes");
  }

  @Test
  void onlyAFedReaderTakesFeeds() {
    ProfLogReader r = new ProfLogReader(new ByteArrayInputStream(new byte[0]), "f", ParseOptions.defaults());
    assertThatThrownBy(() -> r.feed(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    ProfLogReader f = ProfLogReader.fed("f", ParseOptions.defaults());
    f.endOfInput();
    assertThatThrownBy(() -> f.feed(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
  }
}
