package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the stream hands out its bytes must not matter: buffer edges fall anywhere. */
class ChunkedInputTest {

  /** Returns at most {@code max} bytes per read (1 = one byte at a time), sizes drawn at random. */
  static final class ShortReads extends InputStream {
    private final byte[] data;
    private final Random random;
    private final int max;
    private int pos;

    ShortReads(byte[] data, long seed, int max) {
      this.data = data;
      this.random = new Random(seed);
      this.max = max;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(max));
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "g9-real/offline-default.prof.log",
        "g6-real/offline-default.prof.log",
        "seed/first-snapshot.txt",
        "seed/reader-and-memory.txt",
        "g3/worker.prof.log"
      })
  void byteAtATimeAndRandomShortReadsGiveTheSameSnapshots(String resource) {
    byte[] data = Parsed.resource(resource);
    Parsed whole = Parsed.of(new ByteArrayInputStream(data), resource, ParseOptions.defaults());
    Parsed single = Parsed.of(new ShortReads(data, 1, 1), resource, ParseOptions.defaults());
    Parsed random = Parsed.of(new ShortReads(data, 42, 97), resource, ParseOptions.defaults());
    assertThat(single.snapshots()).isEqualTo(whole.snapshots());
    assertThat(random.snapshots()).isEqualTo(whole.snapshots());
    assertThat(single.reader().problems()).isEqualTo(whole.reader().problems());
    assertThat(random.reader().lineCount()).isEqualTo(whole.reader().lineCount());
    assertThat(single.reader().bytesRead()).isEqualTo(data.length);
    assertThat(whole.snapshots()).isNotEmpty();
  }
}
