package org.proflog.enable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks of the companion script that need no Zeek: structure, the event signature, and that its
 * format string produces exactly the fixed {@code proflog-global} line shape.
 */
class CompanionScriptTest {
  /** The fixed line shape shared with the parser and the simulator. */
  private static final Pattern LINE = Pattern.compile(
      "^(\\d+\\.\\d{6}) proflog-global footprint=(\\d+) entries=(\\d+|-) name=(.+)$");

  private final String source = CompanionScript.source();

  /** The script with comments and string literals blanked, so that braces in them do not count. */
  private String code() {
    StringBuilder b = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      StringBuilder l = new StringBuilder();
      boolean inString = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
            l.append('"');
          }
          continue;
        }
        if (c == '#') {
          break;
        }
        if (c == '"') {
          inString = true;
        }
        l.append(c);
      }
      assertThat(inString).as("string literal closed on its line: %s", line).isFalse();
      b.append(l).append('\n');
    }
    return b.toString();
  }

  @Test
  void bracketsAreBalanced() {
    Deque<Character> open = new ArrayDeque<>();
    for (char c : code().toCharArray()) {
      switch (c) {
        case '{', '(', '[' -> open.push(c);
        case '}' -> assertThat(open.pop()).isEqualTo('{');
        case ')' -> assertThat(open.pop()).isEqualTo('(');
        case ']' -> assertThat(open.pop()).isEqualTo('[');
        default -> { }
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void declaresModuleSettingsAndTheProfilingUpdateHandler() {
    String code = code();
    assertThat(code).contains("module " + CompanionScript.MODULE + ";");
    assertThat(code).contains("const min_footprint: count = 100 &redef;");
    assertThat(code).contains("const every_nth: count = 1 &redef;");
    assertThat(code).containsOnlyOnce("event profiling_update(f: file, expensive: bool)");
    assertThat(code).contains("global_container_footprints()");
    assertThat(code).contains("sort(names, strcmp);");
  }

  @Test
  void writesOnlyOnExpensiveSnapshotsAndOnlyIntoTheProfilingFile() {
    String code = code();
    int guard = code.indexOf("if ( ! expensive )");
    int print = code.indexOf("print ");
    assertThat(guard).isPositive();
    assertThat(print).isGreaterThan(guard);
    // Every print goes to the file handed to the event (prof.log), never to stdout.
    Matcher m = Pattern.compile("\\bprint\\s+([^,;]+),").matcher(code);
    int prints = 0;
    while (m.find()) {
      assertThat(m.group(1).trim()).isEqualTo("f");
      prints++;
    }
    assertThat(prints).isEqualTo(1);
    assertThat(Pattern.compile("\\bprint\\b").matcher(code).results().count()).isEqualTo(1);
  }

  @Test
  void usesTheDocumentedFormatString() {
    assertThat(source).contains("fmt(\"" + CompanionScript.LINE_FORMAT + "\", ts, fps[names[i]], names[i])");
    List<String> directives = new ArrayList<>();
    Matcher m = Pattern.compile("%[-0-9.]*[a-zA-Z]").matcher(CompanionScript.LINE_FORMAT);
    while (m.find()) {
      directives.add(m.group());
    }
    // ts is time_to_double(network_time()), the footprint a count, the name a string.
    assertThat(directives).containsExactly("%.6f", "%d", "%s");
    assertThat(source).contains("local ts = time_to_double(network_time());");
  }

  @Test
  void renderedLinesHaveTheFixedShape() {
    String[][] samples = {
      {"1700000000.123456", "1290", "Known::hosts"},
      {"0.000000", "100", "Conn::dpd_state"},
      {"1754000000.5", "4294967296", "Intel::data_store"},
      {"1754000000.000001", "7", "weird name: with spaces = 3K (1/1 entries)"},
    };
    for (String[] s : samples) {
      String line = String.format(Locale.ROOT, CompanionScript.LINE_FORMAT,
          Double.parseDouble(s[0]), Long.parseLong(s[1]), s[2]);
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(m.group(2)).isEqualTo(s[1]);
      assertThat(m.group(3)).isEqualTo("-");
      assertThat(m.group(4)).as("name runs to the end of the line").isEqualTo(s[2]);
    }
  }

  @Test
  void timestampHasSixDecimalsLikeZeeksOwnLines() {
    String line = String.format(Locale.ROOT, CompanionScript.LINE_FORMAT, 1700000000.5, 1L, "x");
    assertThat(line).startsWith("1700000000.500000 ");
  }
}
