package org.proflog.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Follows one path with {@code tail -F} semantics and hands over only complete lines.
 *
 * <p>A partial last line is kept until its newline arrives, because a live writer (Zeek's stdio
 * buffer) may be in the middle of it. The follower keeps the open channel of the file it is
 * reading, so when the path is renamed away (rotation) or replaced, the rest of the old file is
 * still read from that channel before the new file is started from offset 0. A file that shrank
 * below the offset was truncated (a new process): it is finished and started again from 0. A file
 * that disappears is finished; when the path appears again it is started from 0.
 */
public final class FileFollower {

  /** Receives what the follower read. */
  public interface Sink {
    /** A new file (or a new incarnation of the path) starts. */
    void fileStarted(Path path);

    /**
     * Complete lines, newline included. The array is the follower's read buffer, shared with other
     * followers: its bytes are valid during the call only, so copy what is kept.
     */
    void lines(byte[] b, int off, int len);

    /** The current file is over: nothing more will come from it. */
    void fileFinished(Path path);
  }

  private static final int CHUNK = 1 << 16;
  /** The fingerprint of the current file once it has all its bytes (saved states reuse it). */
  private String fingerprint;

  private final Path path;
  private FileChannel channel;
  private Object key;
  private long offset;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  /**
   * The read buffer, one per polling thread rather than per file: a chunk is handed to the sink
   * (which copies what it keeps) before the next read, and a hundred followed files would otherwise
   * hold 6 MiB of idle buffers.
   */
  private static final ThreadLocal<ByteBuffer> BUF = ThreadLocal.withInitial(() -> ByteBuffer.allocate(CHUNK));

  /** A follower of {@code path}; nothing is read before the first {@link #poll}. */
  public FileFollower(Path path) {
    this.path = path;
  }

  /** The followed path. */
  public Path path() {
    return path;
  }

  /** Bytes of the current file read so far (complete lines and the kept partial line). */
  public long offset() {
    return offset;
  }

  /** Whether a file is currently open. */
  public boolean isOpen() {
    return channel != null;
  }

  /** Reads whatever is new, reporting rotation, truncation and disappearance to {@code sink}. */
  public void poll(Sink sink) throws IOException {
    poll(sink, Long.MAX_VALUE);
  }

  /** Bytes of complete lines handed over from the current file. */
  public long consumed() {
    return offset - partial.size();
  }

  /**
   * Like {@link #poll(Sink)} but reads the current file only up to byte {@code limit} (used to
   * replay a file up to where a previous run stopped).
   */
  public boolean poll(Sink sink, long limit) throws IOException {
    BasicFileAttributes attrs = attributes();
    if (channel != null) {
      if (attrs == null || !Objects.equals(attrs.fileKey(), key)) {
        drain(sink, Long.MAX_VALUE);
        finish(sink, true);
      } else if (attrs.size() < offset) {
        // Truncated in place: the old content is gone; what was partial is not trustworthy.
        finish(sink, false);
      }
    }
    if (channel == null) {
      if (attrs == null || !attrs.isRegularFile()) {
        return false;
      }
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return false;
      }
      key = attrs.fileKey();
      offset = 0;
      fingerprint = null;
      partial.reset();
      sink.fileStarted(path);
    }
    return drain(sink, limit);
  }

  /** Bytes read from the current file so far (complete lines and the partial last one). */
  public long position() {
    return offset;
  }

  /** Ends following: finishes the current file, its partial last line included (as a reader of the whole file would). */
  public void close(Sink sink) throws IOException {
    if (channel != null) {
      drain(sink, Long.MAX_VALUE);
      finish(sink, true);
    }
  }

  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads up to {@code limit}; true if it stopped there with the file possibly holding more. */
  private boolean drain(FileFollower.Sink sink, long limit) throws IOException {
    ByteBuffer buf = BUF.get();
    while (true) {
      if (offset >= limit) {
        return true;
      }
      buf.clear();
      if (limit - offset < buf.capacity()) {
        buf.limit((int) (limit - offset));
      }
      int n = channel.read(buf, offset);
      if (n <= 0) {
        return false;
      }
      offset += n;
      byte[] a = buf.array();
      int lastNl = -1;
      for (int i = n - 1; i >= 0; i--) {
        if (a[i] == '\n') {
          lastNl = i;
          break;
        }
      }
      if (lastNl < 0) {
        partial.write(a, 0, n);
        continue;
      }
      if (partial.size() > 0) {
        // the kept partial line ends at the chunk's first newline; the rest goes as it is, so the
        // partial buffer only ever holds a line (not a chunk, copied again at each read)
        int firstNl = 0;
        while (a[firstNl] != '\n') {
          firstNl++;
        }
        partial.write(a, 0, firstNl + 1);
        byte[] head = partial.toByteArray();
        partial.reset();
        sink.lines(head, 0, head.length);
        if (lastNl > firstNl) {
          sink.lines(a, firstNl + 1, lastNl - firstNl);
        }
      } else {
        sink.lines(a, 0, lastNl + 1);
      }
      partial.write(a, lastNl + 1, n - lastNl - 1);
    }
  }

  private void finish(Sink sink, boolean keepPartial) throws IOException {
    if (keepPartial && partial.size() > 0) {
      byte[] rest = partial.toByteArray();
      sink.lines(rest, 0, rest.length);
    }
    partial.reset();
    channel.close();
    channel = null;
    key = null;
    sink.fileFinished(path);
  }

  /** The mark of the current file (null when none is open). */
  WatchState.FileMark mark(long lastSnapshotMicros) throws IOException {
    if (channel == null) {
      return null;
    }
    long consumed = consumed();
    int n = (int) Math.min(WatchState.FINGERPRINT_BYTES, consumed);
    String fp;
    if (n == WatchState.FINGERPRINT_BYTES && fingerprint != null) {
      fp = fingerprint; // the first bytes of an open file do not change (truncation closes it)
    } else {
      fp = WatchState.fingerprint(channel, n);
      fingerprint = n == WatchState.FINGERPRINT_BYTES ? fp : null;
    }
    return new WatchState.FileMark(path.toString(), String.valueOf(key), channel.size(), n,
        fp == null ? "" : fp, consumed, lastSnapshotMicros);
  }
}
