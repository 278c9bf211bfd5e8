package org.proflog.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.proflog.analysis.Finding;

/**
 * What a watcher has consumed, saved so that a restarted watcher knows which snapshots it already
 * reported on.
 *
 * <p>Resuming re-reads every file from its start into the series (the detectors need the whole
 * history and no raw snapshot is kept), quietly up to the saved offsets, and prints events only for
 * what comes after. A file is recognised by the hash of its first bytes, so a file renamed while the
 * watcher was down (prof.log to prof.log.1) is still replayed only up to where it was left.
 *
 * <p>The findings that were open as printed are saved too: the detectors do not run on every
 * snapshot (see {@link AnalysisSchedule}), so data consumed before a stop may not have been analysed
 * yet; the resumed watcher analyses all of it and prints what differs from what was printed.
 *
 * @param files one mark per file seen
 * @param reported the findings open at the last printed events (empty in states of older versions)
 */
public record WatchState(List<FileMark> files, List<Finding> reported) {

  public WatchState {
    files = List.copyOf(files);
    reported = reported == null ? List.of() : List.copyOf(reported);
  }

  /** A state with no findings reported. */
  public WatchState(List<FileMark> files) {
    this(files, List.of());
  }
  /** Bytes hashed to recognise a file. */
  static final int FINGERPRINT_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One file.
   *
   * @param path where it was last seen
   * @param fileKey the file system's identity of it (device and inode on Linux), or empty
   * @param size its size when saved
   * @param fingerprintBytes how many leading bytes were hashed
   * @param fingerprint SHA-256 (hex) of those bytes
   * @param offset bytes of complete lines consumed
   * @param lastSnapshotMicros the newest snapshot time of its node when saved
   */
  public record FileMark(String path, String fileKey, long size, int fingerprintBytes,
      String fingerprint, long offset, long lastSnapshotMicros) {}

  /** Nothing consumed yet. */
  public static WatchState empty() {
    return new WatchState(List.of());
  }

  /** Reads a saved state; {@link #empty()} when the file does not exist. */
  public static WatchState load(Path file) throws IOException {
    try {
      byte[] b = Files.readAllBytes(file);
      return JSON.readValue(b, WatchState.class);
    } catch (NoSuchFileException e) {
      return empty();
    }
  }

  /** Writes atomically: a temporary file next to {@code file}, then a rename over it. */
  public void save(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(this)));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** SHA-256 (hex) of the first {@code n} bytes read from {@code ch}, or null when it holds fewer. */
  static String fingerprint(FileChannel ch, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    long pos = 0;
    while (b.hasRemaining()) {
      int r = ch.read(b, pos);
      if (r <= 0) {
        return null;
      }
      pos += r;
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(b.array(), 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fingerprint of a file's first {@code n} bytes, or null when unreadable or shorter. */
  static String fingerprint(Path p, int n) {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      return fingerprint(ch, n);
    } catch (IOException e) {
      return null;
    }
  }
}
