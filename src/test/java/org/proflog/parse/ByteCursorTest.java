package org.proflog.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteCursorTest {

  /** Reads the number at {@code from} of {@code text}, the line ending at {@code end}. */
  private static ByteCursor num(String text, int from, int end) {
    ByteCursor c = new ByteCursor();
    c.reset(text.getBytes(ISO_8859_1), from, end);
    c.num();
    return c;
  }

  private static long value(String text, int from, int end) {
    ByteCursor c = new ByteCursor();
    c.reset(text.getBytes(ISO_8859_1), from, end);
    return c.num();
  }

  @Test
  void digitsAfterTheLineEndAreNotPartOfTheNumber() {
    // the buffer holds the next line right after this one: "12" ends the line, "345..." follows
    assertThat(value("x=12345678901", 2, 4)).isEqualTo(12);
    assertThat(num("x=12345678901", 2, 4).pos).isEqualTo(4);
    assertThat(value("7", 0, 1)).isEqualTo(7);
  }

  @Test
  void stopsAtTheFirstNonDigit() {
    assertThat(value("in=3/4 out=3/3)", 3, 15)).isEqualTo(3);
    assertThat(num("in=3/4 out=3/3)", 3, 15).pos).isEqualTo(4);
    assertThat(value("total=320935K total_adj", 6, 23)).isEqualTo(320935);
    assertThat(value("-42 ", 0, 4)).isEqualTo(-42);
    assertThat(num("K12", 0, 3).fail).isTrue();
    assertThat(num("- 1", 0, 3).fail).isTrue();
  }

  @Test
  void agreesWithLongParseLongOnRandomNumbersInRandomSurroundings() {
    Random r = new Random(20261125L);
    String[] tails = {"", " ", "K", "/", ")", ".5", "x1234567", "\n17"};
    for (int i = 0; i < 200_000; i++) {
      StringBuilder digits = new StringBuilder();
      if (r.nextInt(5) == 0) {
        digits.append('-');
      }
      int n = 1 + r.nextInt(20);
      for (int d = 0; d < n; d++) {
        digits.append((char) ('0' + r.nextInt(10)));
      }
      String number = digits.toString();
      String prefix = "ab".substring(0, r.nextInt(3));
      String tail = tails[r.nextInt(tails.length)];
      String after = "9876543210".substring(0, r.nextInt(11)); // the next line, past the end
      String text = prefix + number + tail + after;
      int end = prefix.length() + number.length() + tail.length();
      ByteCursor c = num(text, prefix.length(), end);
      Long want;
      try {
        want = Long.parseLong(number);
      } catch (NumberFormatException e) {
        want = null; // more digits than a long holds
      }
      if (want == null) {
        assertThat(c.fail).as(text).isTrue();
        assertThat(c.overflow).as(text).isTrue();
      } else {
        ByteCursor again = new ByteCursor();
        again.reset(text.getBytes(ISO_8859_1), prefix.length(), end);
        assertThat(again.num()).as(text).isEqualTo(want);
        assertThat(again.fail).as(text).isFalse();
        assertThat(again.pos).as(text).isEqualTo(prefix.length() + number.length());
      }
    }
  }
}
