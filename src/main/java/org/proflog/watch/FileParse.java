package org.proflog.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.proflog.model.Era;
import org.proflog.model.SnapshotData;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;

/**
 * One file of a node, parsed on the watch thread by a fed {@link ProfLogReader}. A live file is fed
 * the complete lines its follower reads; an older file (rotated, compressed) is pumped from its
 * stream one bounded piece per poll, so that catching up on a long history never holds up the loop
 * for long. The reader releases a snapshot only when the next one starts (or the file ends), which
 * is exactly when a live snapshot is known to be complete (the 2.6+ Comm line has no newline).
 */
final class FileParse {
  final String name;
  private final ProfLogReader reader;
  /** The stream of an older file, null for a live one (and once the stream ended). */
  private InputStream history;
  private String error;
  boolean started;

  /** A live file, fed by its follower. */
  FileParse(String name, ParseOptions options) {
    this.name = name;
    this.reader = ProfLogReader.fed(name, options);
  }

  /** An older file, read from {@code history} (closed when read). */
  FileParse(String name, InputStream history, ParseOptions options) {
    this(name, options);
    this.history = history;
  }

  /** Hands over bytes of a live file. */
  void feed(byte[] b, int off, int len) {
    if (error == null) {
      reader.feed(b, off, len);
    }
  }

  /** The live file was finished (rotated away, removed, or watching stops). */
  void end() {
    if (error == null) {
      reader.endOfInput();
    }
  }

  /** Whether an older file still has bytes to pump. */
  boolean historyLeft() {
    return history != null;
  }

  /** Reads up to {@code scratch.length} bytes of an older file into the parser. */
  void pump(byte[] scratch) {
    if (history == null || error != null) {
      return;
    }
    try {
      int n = history.readNBytes(scratch, 0, scratch.length);
      if (n > 0) {
        reader.feed(scratch, 0, n);
      }
      if (n < scratch.length) {
        closeHistory();
        reader.endOfInput();
      }
    } catch (IOException | UncheckedIOException e) {
      fail(e.getMessage());
    }
  }

  /** Parses what was handed over, giving each complete snapshot to {@code sink} (as a view). */
  void parse(Consumer<SnapshotData> sink) {
    if (error != null) {
      return;
    }
    try {
      reader.drainTo(sink);
    } catch (UncheckedIOException e) {
      fail(e.getCause().getMessage());
    } catch (RuntimeException e) {
      fail(e.getMessage());
    } catch (OutOfMemoryError e) {
      fail("out of memory while parsing (raise -Xmx with PROFLOG_JAVA_OPTS or lower --max-points)");
    }
  }

  private void fail(String message) {
    error = name + ": " + message;
    closeHistory();
  }

  private void closeHistory() {
    if (history != null) {
      try {
        history.close();
      } catch (IOException e) {
        // read to its end already; nothing is lost
      }
      history = null;
    }
  }

  /** Bytes handed over and not yet parsed. */
  long queuedBytes() {
    return reader.queuedBytes();
  }

  /** Whether the file was read to its end (or failed). */
  boolean isDone() {
    return error != null || reader.finished();
  }

  Era era() {
    return reader.era();
  }

  long problems() {
    return reader.problemCount();
  }

  String error() {
    return error;
  }
}
