package org.proflog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proflog.source.InputFinderTest.gzip;
import static org.proflog.source.InputFinderTest.profLog;
import static org.proflog.source.InputFinderTest.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proflog.model.NodeId;

class SniffMemoTest {

  @TempDir Path tmp;

  /** A prof.log longer than the sniffer's peek, starting at {@code firstTime}. */
  private static String longProfLog(String firstTime) {
    StringBuilder b = new StringBuilder(profLog(firstTime));
    while (b.length() < ProfLogSniffer.PEEK + 1000) {
      b.append(firstTime).append(" Memory: total=1100K total_adj=100K malloced: 11K\n");
    }
    return b.toString();
  }

  private static ProfLogSniffer.Verdict sniff(SniffMemo memo, Path p, boolean named) {
    return memo.sniff(InputSource.ofFile(new NodeId("n"), p), p, named);
  }

  private static ProfLogSniffer.Verdict fresh(Path p, boolean named) {
    return ProfLogSniffer.sniff(InputSource.ofFile(new NodeId("n"), p), named);
  }

  @Test
  void growingFileKeepsItsVerdictWithoutBeingJudgedAgain() throws IOException {
    Path p = write(tmp.resolve("w/prof.log"), longProfLog("1700000000.000000"));
    SniffMemo memo = new SniffMemo();
    ProfLogSniffer.Verdict first = sniff(memo, p, true);
    Files.writeString(p, "1700000001.000000 ------------------------\n", StandardOpenOption.APPEND);
    ProfLogSniffer.Verdict again = sniff(memo, p, true);

    assertThat(first.accepted()).isTrue();
    assertThat(again).isEqualTo(first).isEqualTo(fresh(p, true));
    assertThat(memo.judged()).isEqualTo(1);
  }

  @Test
  void fileRewrittenInPlaceIsJudgedAgain() throws IOException {
    Path p = write(tmp.resolve("w/prof.log"), longProfLog("1700000000.000000"));
    SniffMemo memo = new SniffMemo();
    assertThat(sniff(memo, p, true).firstTimeMicros()).isEqualTo(1_700_000_000_000_000L);

    write(p, longProfLog("1700000009.000000")); // same length, other first snapshot
    assertThat(sniff(memo, p, true).firstTimeMicros()).isEqualTo(1_700_000_009_000_000L);

    write(p, "#separator \\x09\n" + "x".repeat(ProfLogSniffer.PEEK));
    assertThat(sniff(memo, p, true)).isEqualTo(fresh(p, true));
    assertThat(sniff(memo, p, true).accepted()).isFalse();
    assertThat(memo.judged()).isEqualTo(3);
  }

  @Test
  void smallFileThatGrowsIsJudgedOnItsNewBytes() throws IOException {
    Path p = write(tmp.resolve("w/prof.log"), "");
    SniffMemo memo = new SniffMemo();
    assertThat(sniff(memo, p, true).reason()).isEqualTo("empty file");
    assertThat(sniff(memo, p, true).reason()).isEqualTo("empty file");
    write(p, profLog("1700000000.000000"));
    assertThat(sniff(memo, p, true)).isEqualTo(fresh(p, true));
    assertThat(sniff(memo, p, true).accepted()).isTrue();
    assertThat(memo.judged()).isEqualTo(2);
  }

  @Test
  void theNamingRuleIsPartOfTheVerdict() throws IOException {
    // an excerpt without leading timestamps is a prof.log only where the name says so
    Path p = write(tmp.resolve("w/excerpt.txt"), "    Memory: total=1000K total_adj=0K malloced: 10K\n");
    SniffMemo memo = new SniffMemo();
    assertThat(sniff(memo, p, true).accepted()).isTrue();
    assertThat(sniff(memo, p, false)).isEqualTo(fresh(p, false));
    assertThat(sniff(memo, p, false).accepted()).isFalse();
  }

  @Test
  void gzipFilesAreJudgedEveryTimeOnWhatTheyDecompressTo() throws IOException {
    Path p = tmp.resolve("w/prof.log.1.gz");
    Files.createDirectories(p.getParent());
    Files.write(p, gzip(profLog("1700000000.000000")));
    SniffMemo memo = new SniffMemo();
    assertThat(sniff(memo, p, true)).isEqualTo(fresh(p, true));
    assertThat(sniff(memo, p, true).firstTimeMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(memo.judged()).isEqualTo(2);
  }

  @Test
  void unreadableFileIsWordedAsTheSnifferDoes() {
    Path p = tmp.resolve("gone/prof.log");
    SniffMemo memo = new SniffMemo();
    assertThat(sniff(memo, p, true)).isEqualTo(fresh(p, true));
    assertThat(sniff(memo, p, true).reason()).isEqualTo("no such file");
  }

  @Test
  void aFinderAskedAgainSeesAFileRewrittenInPlace() throws IOException {
    Path spool = tmp.resolve("spool");
    write(spool.resolve("w/prof.log.1"), longProfLog("1700000000.000000"));
    write(spool.resolve("w/prof.log.2"), longProfLog("1700000005.000000"));
    InputFinder finder = new InputFinder(List.of(), () -> new ByteArrayInputStream(new byte[0]));
    assertThat(names(finder.find(List.of(spool.toString())))).containsExactly("prof.log.1", "prof.log.2");
    assertThat(names(finder.find(List.of(spool.toString())))).containsExactly("prof.log.1", "prof.log.2");

    // prof.log.1 now starts later than prof.log.2: the history is ordered by what the files hold
    write(spool.resolve("w/prof.log.1"), longProfLog("1700000009.000000"));
    assertThat(names(finder.find(List.of(spool.toString())))).containsExactly("prof.log.2", "prof.log.1");
  }

  @Test
  void hashTellsApartHeadsThatDifferInOneByteOrInLength() {
    byte[] b = "1700000000.000000 Memory: total=1100K total_adj=100K malloced: 11K\n".getBytes(StandardCharsets.ISO_8859_1);
    long h = SniffMemo.hash(b, b.length);
    for (int i = 0; i < b.length; i++) {
      byte[] c = b.clone();
      c[i] ^= 1;
      assertThat(SniffMemo.hash(c, c.length)).as("byte %d", i).isNotEqualTo(h);
    }
    byte[] tops = b.clone(); // the top bit of the first two eight-byte words
    tops[7] ^= (byte) 0x80;
    tops[15] ^= (byte) 0x80;
    assertThat(SniffMemo.hash(tops, tops.length)).isNotEqualTo(h);
    assertThat(SniffMemo.hash(b, b.length - 1)).isNotEqualTo(h);
    assertThat(SniffMemo.hash(b, b.length)).isEqualTo(h);
  }

  private static List<String> names(DiscoveredInputs d) {
    return d.nodes().get(new NodeId("w")).stream().map(s -> s.path().getFileName().toString()).toList();
  }
}
