package org.proflog.render.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.proflog.series.Metric;

/** METRICS.md is the table the README shows: it must list every metric with the name the code uses. */
class OpenMetricsMarkdownTest {

  static String documented() {
    try (InputStream in = OpenMetricsName.class.getResourceAsStream("METRICS.md")) {
      assertThat(in).as("METRICS.md on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void tableRowMatchesTheCodeForEveryMetric() {
    String md = documented();
    for (Metric m : Metric.values()) {
      OpenMetricsName n = OpenMetricsName.of(m);
      String row = "| `" + m.id() + "` | `" + n.family() + (n.counter() ? "_total" : "") + "` | "
          + n.type() + " | " + (n.unit().isEmpty() ? "—" : n.unit()) + " |";
      assertThat(md).as(m.id()).contains(row);
    }
  }

  @Test
  void readmeShowsTheSameTable() throws IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"), StandardCharsets.UTF_8);
    for (String line : documented().split("\n")) {
      if (line.startsWith("| `")) {
        assertThat(readme).as("README.md row").contains(line);
      }
    }
  }
}
