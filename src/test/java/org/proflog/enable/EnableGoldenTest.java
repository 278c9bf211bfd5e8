package org.proflog.enable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proflog.cli.Main;

/**
 * Golden files of {@code proflog enable}, one per era / version family, compared byte for byte.
 *
 * <p>To regenerate after an intended change, run
 * {@code PROFLOG_REGENERATE=1 mvn -B -q -o test -Dtest=EnableGoldenTest} and review the diff of
 * {@code src/test/resources/enable/} before committing it.
 */
class EnableGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/enable");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("bro-2.6", new String[] {"--zeek-version", "2.6"}),
        Arguments.of("zeek-3.2", new String[] {"--zeek-version", "3.2.4", "--interval", "10s",
            "--expensive-every", "6"}),
        Arguments.of("zeek-4.2", new String[] {"--zeek-version", "4.2"}),
        Arguments.of("zeek-5.0", new String[] {"--zeek-version", "5.0"}),
        Arguments.of("zeek-6.2", new String[] {"--zeek-version", "6.2.1", "--threshold", "1000",
            "--every-nth", "3"}),
        Arguments.of("zeek-8.0", new String[] {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesGoldenFile(String name, String[] options) throws IOException {
    String[] args = Stream.concat(Stream.of("enable"), Stream.of(options)).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

    Path golden = DIR.resolve(name + ".expected");
    if (System.getenv("PROFLOG_REGENERATE") != null) {
      Files.createDirectories(DIR);
      Files.write(golden, out.toByteArray());
    }
    assertThat(out.toByteArray())
        .as("output of 'proflog %s' vs %s", String.join(" ", args), golden)
        .isEqualTo(Files.readAllBytes(golden));
  }
}
