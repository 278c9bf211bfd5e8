package org.proflog.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any bytes at all the parser only reports problems, and it counts physical lines exactly. */
class ParserProperties {

  @Property(tries = 300)
  void neverThrowsAndCountsLines(@ForAll("inputs") byte[] data) {
    ProfLogReader r =
        new ProfLogReader(new ByteArrayInputStream(data), "p.log", new ParseOptions(false, 256, 5));
    while (r.hasNext()) {
      assertThat(r.next()).isNotNull();
    }
    long newlines = 0;
    for (byte b : data) {
      if (b == '\n') {
        newlines++;
      }
    }
    boolean trailing = data.length > 0 && data[data.length - 1] != '\n';
    assertThat(r.lineCount()).isEqualTo(newlines + (trailing ? 1 : 0));
    assertThat(r.bytesRead()).isEqualTo(data.length);
    assertThat(r.problems().size()).isLessThanOrEqualTo(5);
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    // raw bytes, and mutations of a real file so that most lines get past the first bytes
    byte[] real = Parsed.resource("g6-real/offline-default.prof.log");
    String sample = new String(real, 0, 6000, StandardCharsets.ISO_8859_1);
    List<String> pieces = List.of(sample.split("(?<=\n)"));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    Arbitrary<byte[]> spliced =
        Arbitraries.of(pieces)
            .list()
            .ofMaxSize(40)
            .flatMap(
                lines ->
                    Arbitraries.integers()
                        .between(0, 200)
                        .list()
                        .ofSize(3)
                        .map(cuts -> mutate(String.join("", lines), cuts)));
    return Arbitraries.oneOf(raw, spliced);
  }

  private static byte[] mutate(String text, List<Integer> cuts) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length == 0) {
      return b;
    }
    for (int c : cuts) {
      int at = (c * 7919) % b.length;
      b[at] = (byte) (b[at] ^ (c % 2 == 0 ? 0x20 : 0x0A));
    }
    int keep = b.length - cuts.get(0) % Math.max(1, b.length);
    return java.util.Arrays.copyOf(b, Math.max(0, keep));
  }
}
