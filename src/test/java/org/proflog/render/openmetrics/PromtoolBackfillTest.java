package org.proflog.render.openmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.render.html.TestCluster;

/**
 * Back-fills the export of the test cluster with Prometheus' own tool, which is the export's
 * purpose. Skipped where promtool is not installed (Debian: {@code apt-get install prometheus}).
 */
class PromtoolBackfillTest {
  @TempDir Path tmp;

  @Test
  void promtoolCreatesBlocksFromTheExport() throws Exception {
    Path promtool = null;
    for (String c : new String[] {"/usr/bin/promtool", "/usr/local/bin/promtool"}) {
      if (Files.isExecutable(Path.of(c))) {
        promtool = Path.of(c);
      }
    }
    assumeTrue(promtool != null, "promtool not installed");
    Path om = tmp.resolve("cluster.om");
    try (Writer w = Files.newBufferedWriter(om, StandardCharsets.UTF_8)) {
      OpenMetricsWriter.write(TestCluster.nodes(), w);
    }
    Path data = tmp.resolve("data");
    Process p = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
        om.toString(), data.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    try (var blocks = Files.list(data)) {
      assertThat(blocks.filter(Files::isDirectory).count()).as(out).isPositive();
    }
  }
}
