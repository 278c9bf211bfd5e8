package org.proflog.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerTest {
  @TempDir Path dir;

  /** Records what the follower hands over: one string per file incarnation. */
  static class Recorder implements FileFollower.Sink {
    final List<String> files = new ArrayList<>();
    final ByteArrayOutputStream current = new ByteArrayOutputStream();
    int started;
    int finished;

    @Override
    public void fileStarted(Path path) {
      started++;
      current.reset();
    }

    @Override
    public void lines(byte[] b, int off, int len) {
      current.write(b, off, len);
    }

    @Override
    public void fileFinished(Path path) {
      finished++;
      files.add(current.toString(StandardCharsets.UTF_8));
      current.reset();
    }

    String open() {
      return current.toString(StandardCharsets.UTF_8);
    }
  }

  private void append(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void handsOverOnlyCompleteLines() throws IOException {
    Path p = dir.resolve("prof.log");
    FileFollower f = new FileFollower(p);
    Recorder r = new Recorder();
    f.poll(r);
    assertThat(r.started).isZero();
    append(p, "one\ntw");
    f.poll(r);
    assertThat(r.started).isEqualTo(1);
    assertThat(r.open()).isEqualTo("one\n");
    append(p, "o\nthr");
    f.poll(r);
    assertThat(r.open()).isEqualTo("one\ntwo\n");
    f.poll(r);
    assertThat(r.open()).isEqualTo("one\ntwo\n");
    append(p, "ee\n");
    f.poll(r);
    assertThat(r.open()).isEqualTo("one\ntwo\nthree\n");
  }

  /**
   * Reads that cut lines at chunk boundaries (64 KiB) hand over every complete line exactly once, in
   * order, each piece ending at a newline, and keep only a line's worth as the partial line.
   */
  @Test
  void linesCutAtChunkBoundariesArriveWholeAndInOrder() throws IOException {
    Path p = dir.resolve("prof.log");
    StringBuilder all = new StringBuilder();
    java.util.Random rnd = new java.util.Random(3);
    while (all.length() < 300_000) {
      all.append("x".repeat(rnd.nextInt(300))).append(all.length()).append('\n');
    }
    all.append("tail without newline");
    append(p, all.toString());
    FileFollower f = new FileFollower(p);
    List<String> pieces = new ArrayList<>();
    Recorder r = new Recorder() {
      @Override
      public void lines(byte[] b, int off, int len) {
        super.lines(b, off, len);
        pieces.add(new String(b, off, len, StandardCharsets.UTF_8));
      }
    };
    f.poll(r);
    String text = all.toString();
    assertThat(r.open()).isEqualTo(text.substring(0, text.lastIndexOf('\n') + 1));
    assertThat(pieces).hasSizeGreaterThan(4).allSatisfy(piece -> assertThat(piece).endsWith("\n"));
    assertThat(f.consumed()).isEqualTo(text.lastIndexOf('\n') + 1);
  }

  @Test
  void finishesARotatedFileThenStartsTheNewOneFromZero() throws IOException {
    Path p = dir.resolve("prof.log");
    FileFollower f = new FileFollower(p);
    Recorder r = new Recorder();
    append(p, "a1\n");
    f.poll(r);
    append(p, "a2\n");
    Files.move(p, dir.resolve("prof.log.1"));
    append(dir.resolve("prof.log.1"), "a3\n");
    append(p, "b1\n");
    f.poll(r);
    assertThat(r.files).containsExactly("a1\na2\na3\n");
    assertThat(r.open()).isEqualTo("b1\n");
    assertThat(r.started).isEqualTo(2);
  }

  @Test
  void restartsFromZeroAfterTruncation() throws IOException {
    Path p = dir.resolve("prof.log");
    FileFollower f = new FileFollower(p);
    Recorder r = new Recorder();
    append(p, "old line 1\nold line 2\n");
    f.poll(r);
    Files.writeString(p, "new\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    f.poll(r);
    assertThat(r.files).containsExactly("old line 1\nold line 2\n");
    assertThat(r.open()).isEqualTo("new\n");
  }

  @Test
  void finishesAVanishedFileAndPicksUpItsReturn() throws IOException {
    Path p = dir.resolve("prof.log");
    FileFollower f = new FileFollower(p);
    Recorder r = new Recorder();
    append(p, "x\ny");
    f.poll(r);
    Files.delete(p);
    f.poll(r);
    // the file is gone: its unterminated last line is all there will ever be
    assertThat(r.files).containsExactly("x\ny");
    assertThat(f.isOpen()).isFalse();
    append(p, "z\n");
    f.poll(r);
    assertThat(r.open()).isEqualTo("z\n");
  }

  @Test
  void handsOverLinesLongerThanOneReadChunk() throws IOException {
    Path p = dir.resolve("prof.log");
    FileFollower f = new FileFollower(p);
    Recorder r = new Recorder();
    String longLine = "x".repeat(200_000);
    append(p, longLine);
    f.poll(r);
    assertThat(r.open()).isEmpty();
    append(p, "\nend\n");
    f.poll(r);
    assertThat(r.open()).isEqualTo(longLine + "\nend\n");
  }
}
