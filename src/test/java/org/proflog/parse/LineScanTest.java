package org.proflog.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans of the line path against byte-by-byte versions. */
class LineScanTest {

  private static int naiveIndexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void newlineSearchAgreesWithAByteScanAtEveryOffsetAndLength() {
    Random r = new Random(20261203L);
    // bytes next to '\n' in value (0x09, 0x0B, 0x8A) and 0x00/0xFF, which trip borrow-based tricks
    byte[] alphabet = {'\n', 0x09, 0x0B, (byte) 0x8A, 0x00, (byte) 0xFF, ' ', '1', 'a'};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[1 + r.nextInt(80)];
      int newlines = r.nextInt(3);
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[1 + r.nextInt(alphabet.length - 1)];
      }
      for (int k = 0; k < newlines; k++) {
        b[r.nextInt(b.length)] = '\n';
      }
      int from = r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      assertThat(LineSource.indexOfNewline(b, from, to))
          .as("from %d to %d of %d bytes", from, to, b.length)
          .isEqualTo(naiveIndexOfNewline(b, from, to));
    }
  }

  @Test
  void literalComparisonFindsADifferenceAtEveryPositionOfEveryLength() {
    Random r = new Random(7);
    for (int n = 0; n <= 40; n++) {
      byte[] lit = new byte[n];
      for (int i = 0; i < n; i++) {
        lit[i] = (byte) (' ' + r.nextInt(90));
      }
      for (int offset = 0; offset < 3; offset++) {
        byte[] b = new byte[offset + n + r.nextInt(4)];
        System.arraycopy(lit, 0, b, offset, n);
        assertThat(LineDecoder.same(b, offset, lit, n)).as("n %d", n).isTrue();
        for (int at = 0; at < n; at++) {
          byte[] c = b.clone();
          c[offset + at] ^= 0x01;
          assertThat(LineDecoder.same(c, offset, lit, n)).as("n %d, byte %d differs", n, at).isFalse();
        }
      }
    }
  }

  @Test
  void aLineWhoseTimestampDiffersInAnyOneByteIsReadWithItsOwnTime() {
    // Every line repeats the separator's timestamp, which is compared rather than parsed: a line
    // that differs from it in any one byte must get its own time, not the remembered one.
    String base = "1700000005.828809";
    for (int at = 0; at < base.length(); at++) {
      if (base.charAt(at) == '.') {
        continue;
      }
      char[] changed = base.toCharArray();
      changed[at] = changed[at] == '9' ? '1' : (char) (changed[at] + 1);
      String other = new String(changed);
      String text = base + " ------------------------\n"
          + base + " Memory: total=1K total_adj=0K malloced: 0K\n"
          + base + " Triggers: total=0 pending=0\n"
          + other + " ------------------------\n"
          + other + " Memory: total=2K total_adj=0K malloced: 0K\n"
          + other + " Triggers: total=0 pending=0\n";
      List<long[]> seen = new ArrayList<>();
      try (ProfLogReader reader = new ProfLogReader(
          new ByteArrayInputStream(text.getBytes(ISO_8859_1)), "t", ParseOptions.defaults())) {
        reader.drainTo(s -> seen.add(new long[] {s.timeMicros(), s.memory().totalK()}));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      assertThat(seen).as("timestamp changed at byte %d", at).hasSize(2);
      assertThat(seen.get(1)[0]).isEqualTo(micros(other));
      assertThat(seen.get(1)[1]).isEqualTo(2);
      assertThat(seen.get(0)[0]).isEqualTo(micros(base));
    }
  }

  private static long micros(String ts) {
    int dot = ts.indexOf('.');
    return Long.parseLong(ts.substring(0, dot)) * 1_000_000L + Long.parseLong(ts.substring(dot + 1));
  }
}
