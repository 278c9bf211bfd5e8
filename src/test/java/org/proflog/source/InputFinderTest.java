package org.proflog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.model.NodeId;

class InputFinderTest {

  @TempDir Path tmp;

  /** A minimal prof.log: startup snapshot at 0, then one at {@code firstTime}. */
  static String profLog(String firstTime) {
    return "0.000000 ------------------------\n"
        + "0.000000 Command line: zeek -i eth0 \n"
        + "0.000000 ------------------------\n"
        + "0.000000 Memory: total=1000K total_adj=0K malloced: 10K\n"
        + firstTime + " ------------------------\n"
        + firstTime + " Memory: total=1100K total_adj=100K malloced: 11K\n";
  }

  static Path write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  static Path writeGz(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, gzip(text));
    return p;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    return bytes.toByteArray();
  }

  static String read(InputSource s) throws IOException {
    try (InputStream in = s.open()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private InputFinder finder() {
    return new InputFinder(List.of(), () -> new ByteArrayInputStream(new byte[0]));
  }

  private static List<String> names(DiscoveredInputs d, String node) {
    return d.nodes().get(new NodeId(node)).stream().map(InputSource::name).toList();
  }

  @Test
  void spoolTreeGroupsByNodeDirectory() throws IOException {
    Path spool = tmp.resolve("spool");
    write(spool.resolve("manager/prof.log"), profLog("1700000000.000000"));
    write(spool.resolve("worker-1-1/prof.log"), profLog("1700000001.000000"));
    write(spool.resolve("worker-1-2/prof.log"), profLog("1700000002.000000"));
    write(spool.resolve("worker-1-2/conn.log"), "#separator \\x09\n");
    write(spool.resolve("worker-1-2/stats.log"), "#separator \\x09\n");
    DiscoveredInputs d = finder().find(List.of(spool.toString()));
    assertThat(d.nodes().keySet()).extracting(NodeId::name)
        .containsExactly("manager", "worker-1-1", "worker-1-2");
    assertThat(d.problems()).isEmpty();
    assertThat(read(d.nodes().get(new NodeId("worker-1-1")).get(0)))
        .contains("1700000001.000000 Memory");
  }

  @Test
  void rotatedAndArchivedFilesOfOneNodeInTimeOrderLiveLast() throws IOException {
    Path dir = tmp.resolve("worker-1");
    write(dir.resolve("prof.log"), profLog("1700000300.000000"));
    write(dir.resolve("prof.log.1"), profLog("1700000200.000000"));
    writeGz(dir.resolve("prof.log.2.gz"), profLog("1700000100.000000"));
    // name order would put this one first; its timestamp says it is the oldest
    writeGz(dir.resolve("prof.2024-01-01-00-00-00.log.gz"), profLog("1600000000.000000"));
    DiscoveredInputs d = finder().find(List.of(dir.toString()));
    assertThat(names(d, "worker-1")).extracting(n -> Path.of(n).getFileName().toString())
        .containsExactly("prof.2024-01-01-00-00-00.log.gz", "prof.log.2.gz", "prof.log.1",
            "prof.log");
  }

  @Test
  void liveFileIsLastEvenWhenItsTimestampIsOlder() throws IOException {
    Path dir = tmp.resolve("worker-2");
    write(dir.resolve("prof.log"), profLog("1500000000.000000"));
    write(dir.resolve("prof.log.1"), profLog("1700000000.000000"));
    assertThat(names(finder().find(List.of(dir.toString())), "worker-2"))
        .extracting(n -> Path.of(n).getFileName().toString())
        .containsExactly("prof.log.1", "prof.log");
  }

  @Test
  void withoutTimestampsRotationNumberDecides() throws IOException {
    Path dir = tmp.resolve("proxy-1");
    String excerpt = "Memory: total=1000K total_adj=0K malloced: 10K\n";
    write(dir.resolve("prof.log.1"), excerpt);
    write(dir.resolve("prof.log.10"), excerpt);
    write(dir.resolve("prof.log.2"), excerpt);
    assertThat(names(finder().find(List.of(dir.toString())), "proxy-1"))
        .extracting(n -> Path.of(n).getFileName().toString())
        .containsExactly("prof.log.10", "prof.log.2", "prof.log.1");
  }

  @Test
  void zeekctlArchivesInDateDirectoryAreStandalone() throws IOException {
    Path logs = tmp.resolve("logs");
    writeGz(logs.resolve("2024-01-02/prof.10:00:00-11:00:00.log.gz"), profLog("1704189600.000000"));
    writeGz(logs.resolve("2024-01-01/prof.10:00:00-11:00:00.log.gz"), profLog("1704103200.000000"));
    writeGz(logs.resolve("2024-01-01/prof.10:00:00-11:00:00-logger-2.log.gz"),
        profLog("1704103200.000000"));
    DiscoveredInputs d = finder().find(List.of(logs.toString()));
    assertThat(d.nodes().keySet()).extracting(NodeId::name)
        .containsExactly("logger-2", "standalone");
    assertThat(names(d, "standalone")).first().asString().contains("2024-01-01");
  }

  @Test
  void loneFileNodeName() {
    assertThat(NodeNames.forFile(Path.of("spool/worker-1-1/prof.log")).name())
        .isEqualTo("worker-1-1");
    assertThat(NodeNames.forFile(Path.of("prof.log"))).isEqualTo(NodeNames.STANDALONE);
    assertThat(NodeNames.forFile(Path.of("./prof.log"))).isEqualTo(NodeNames.STANDALONE);
    assertThat(NodeNames.forFile(Path.of("/tmp/prof.log"))).isEqualTo(NodeNames.STANDALONE);
    assertThat(NodeNames.forFile(Path.of("logs/2024-01-01/prof.10:00:00-11:00:00.log.gz")))
        .isEqualTo(NodeNames.STANDALONE);
    assertThat(NodeNames.forFile(
        Path.of("spool/tmp/post-terminate-worker-2024-01-01-10-00-00-1234-crash/prof.log")))
        .isEqualTo(NodeNames.STANDALONE);
    assertThat(NodeNames.forFile(Path.of("stats/profiling/prof.worker-3.1300000000.123456.log"))
        .name()).isEqualTo("worker-3");
  }

  @Test
  void explicitNameEqualsPath() throws IOException {
    Path f = write(tmp.resolve("tmp/prof.log"), profLog("1700000000.000000"));
    DiscoveredInputs d = finder().find(List.of("edge-7=" + f));
    assertThat(d.nodes().keySet()).extracting(NodeId::name).containsExactly("edge-7");
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void stdinIsNodeStdinAndReadOnce() throws IOException {
    byte[] gz = gzip(profLog("1700000000.000000"));
    InputFinder f = new InputFinder(List.of(), () -> new ByteArrayInputStream(gz));
    DiscoveredInputs d = f.find(List.of("-"));
    InputSource s = d.nodes().get(NodeNames.STDIN).get(0);
    assertThat(s.isStream()).isTrue();
    assertThat(read(s)).startsWith("0.000000 ---");
    assertThatThrownBy(s::open).isInstanceOf(IOException.class).hasMessageContaining("once");
  }

  @Test
  void stdinTwiceIsAProblem() {
    DiscoveredInputs d = finder().find(List.of("-", "-"));
    assertThat(d.nodes()).hasSize(1);
    assertThat(d.problems()).extracting(SourceProblem::message)
        .containsExactly("standard input given more than once");
  }

  @Test
  void foreignFilesRejectedWithReason() throws IOException {
    Path spicy = write(tmp.resolve("spicy/prof.log"),
        "#name count time\nspicy/unit/x 10 0.5\n");
    Path stats = write(tmp.resolve("node/stats.log"),
        "#separator \\x09\n#path stats\n");
    Path notes = write(tmp.resolve("node/notes.txt"), "hello\n");
    DiscoveredInputs d = finder().find(List.of(spicy.toString(), stats.toString(),
        notes.toString()));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.problems()).hasSize(3);
    assertThat(d.problems().get(0).message()).contains("starts with '#'");
    assertThat(d.problems().get(1).message()).contains("starts with '#'");
    assertThat(d.problems().get(2).message()).contains("does not start with a timestamp");
  }

  @Test
  void pastedExcerptNamedProfLogIsAccepted() throws IOException {
    Path f = write(tmp.resolve("paste/prof.log"),
        "    Memory: total=48488K total_adj=0K malloced: 46962K\n...\n");
    DiscoveredInputs d = finder().find(List.of(f.toString()));
    assertThat(d.nodes().keySet()).extracting(NodeId::name).containsExactly("paste");
  }

  @Test
  void textWithoutProfLogLinesNamedProfLogIsRejected() throws IOException {
    Path f = write(tmp.resolve("x/prof.log"), "just some words\n");
    DiscoveredInputs d = finder().find(List.of(f.toString()));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.problems().get(0).message()).contains("no prof.log line");
  }

  @Test
  void gzipDetectedByMagicBytesNotExtension() throws IOException {
    Path gzNamedPlain = writeGz(tmp.resolve("a/prof.log.1"), profLog("1700000000.000000"));
    Path plainNamedGz = write(tmp.resolve("b/prof.log.1.gz"), profLog("1700000000.000000"));
    DiscoveredInputs d = finder().find(List.of(gzNamedPlain.toString(), plainNamedGz.toString()));
    assertThat(read(d.nodes().get(new NodeId("a")).get(0))).startsWith("0.000000 ---");
    assertThat(read(d.nodes().get(new NodeId("b")).get(0))).startsWith("0.000000 ---");
  }

  @Test
  void corruptGzipIsAProblemNamingTheFile() throws IOException {
    byte[] gz = gzip(profLog("1700000000.000000"));
    Path f = tmp.resolve("c/prof.log.gz");
    Files.createDirectories(f.getParent());
    Files.write(f, Arrays.copyOf(gz, gz.length / 2));
    DiscoveredInputs d = finder().find(List.of(f.toString()));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(f.toString());
      assertThat(p.message()).startsWith("unreadable: corrupt gzip data (");
    });
  }

  @Test
  void corruptGzipOnOpenIsAClearIOException() throws IOException {
    byte[] bad = {0x1f, (byte) 0x8b, 1, 2, 3};
    InputSource s = InputSource.ofStream(new NodeId("x"), "spool/x/prof.log.gz",
        new ByteArrayInputStream(bad));
    assertThatThrownBy(() -> read(s)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("spool/x/prof.log.gz: corrupt gzip data");
  }

  @Test
  void emptyMissingAndEmptyDirectoriesAreProblems() throws IOException {
    Path empty = write(tmp.resolve("w/prof.log"), "");
    Path dir = tmp.resolve("nothing");
    Files.createDirectories(dir);
    write(dir.resolve("readme.txt"), "x");
    DiscoveredInputs d = finder().find(List.of(empty.toString(), dir.toString(),
        tmp.resolve("missing").toString()));
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.problems()).extracting(SourceProblem::message).containsExactly(
        "empty file", "no prof.log found in this directory", "no such file or directory");
  }

  @Test
  void sameFileTwiceIsReadOnce() throws IOException {
    Path f = write(tmp.resolve("worker-1/prof.log"), profLog("1700000000.000000"));
    DiscoveredInputs d = finder().find(List.of(f.toString(), tmp.resolve("worker-1").toString()));
    assertThat(d.all()).hasSize(1);
  }

  @Test
  void defaultRootsFirstWithProfLogsWins() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path spoolA = tmp.resolve("zeek/spool");
    Path spoolB = tmp.resolve("bro/spool");
    write(spoolA.resolve("worker-1/prof.log"), profLog("1700000000.000000"));
    write(spoolB.resolve("worker-9/prof.log"), profLog("1700000000.000000"));
    InputFinder f = new InputFinder(List.of(cwd, tmp.resolve("absent"), spoolA, spoolB),
        () -> new ByteArrayInputStream(new byte[0]));
    DiscoveredInputs d = f.find(List.of());
    assertThat(d.nodes().keySet()).extracting(NodeId::name).containsExactly("worker-1");
  }

  @Test
  void noDefaultRootWithProfLogIsOneProblem() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    InputFinder f = new InputFinder(List.of(cwd), () -> new ByteArrayInputStream(new byte[0]));
    DiscoveredInputs d = f.find(List.of());
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("no prof.log found"));
  }

  @Test
  void hiddenDirectoriesAreSkipped() throws IOException {
    write(tmp.resolve("s/.state/prof.log"), profLog("1700000000.000000"));
    write(tmp.resolve("s/worker-1/prof.log"), profLog("1700000000.000000"));
    assertThat(finder().find(List.of(tmp.resolve("s").toString())).nodes().keySet())
        .extracting(NodeId::name).containsExactly("worker-1");
  }

  @Test
  void nodeFilterGlobs() throws IOException {
    Path spool = tmp.resolve("spool");
    for (String n : List.of("manager", "worker-1-1", "worker-2-1", "proxy-1")) {
      write(spool.resolve(n + "/prof.log"), profLog("1700000000.000000"));
    }
    DiscoveredInputs d = finder().find(List.of(spool.toString()));
    assertThat(d.filter(NodeFilter.of(List.of("worker-*"))).nodes().keySet())
        .extracting(NodeId::name).containsExactly("worker-1-1", "worker-2-1");
    assertThat(d.filter(NodeFilter.of(List.of("{manager,proxy-?}"))).nodes().keySet())
        .extracting(NodeId::name).containsExactly("manager", "proxy-1");
    assertThat(d.filter(NodeFilter.all()).nodes()).hasSize(4);
  }

  @Test
  void firstNonZeroTimestampSkipsStartupSnapshot() {
    assertThat(ProfLogSniffer.firstNonZeroTime(profLog("1700000000.250000")))
        .isEqualTo(1_700_000_000_250_000L);
    assertThat(ProfLogSniffer.firstNonZeroTime("0.000000 ---\n")).isZero();
  }

  @Test
  void otherCompressionsAreRejectedWithAdvice() throws IOException {
    Path f = tmp.resolve("w/prof.log.bz2");
    Files.createDirectories(f.getParent());
    Files.write(f, new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26});
    DiscoveredInputs d = finder().find(List.of(f.toString()));
    assertThat(d.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("bzip2-compressed"));
  }
}
