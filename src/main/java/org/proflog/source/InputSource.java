package org.proflog.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.proflog.model.NodeId;

/**
 * One readable input of a node: a file (plain or gzip) or a stream such as standard input.
 *
 * <p>{@link #open()} decides on gzip by the magic bytes {@code 1f 8b}, not by the file name
 * (archives are often renamed, and a {@code .gz} may hold plain text). A corrupt or truncated gzip
 * stream surfaces as an {@link IOException} whose message starts with {@link #name()} and says
 * "corrupt gzip data". A stream source can be opened only once.
 *
 * @param node the node the input belongs to
 * @param name the name shown to users (the path as given, or {@code -} for stdin)
 * @param path the file, or null for a stream
 * @param opener opens the raw (possibly compressed) bytes
 */
public record InputSource(NodeId node, String name, Path path, Opener opener) {

  /** Buffer for reading and decompression: large, since files are read sequentially. */
  static final int BUFFER = 1 << 16;

  /** Opens the raw bytes of an input. */
  @FunctionalInterface
  public interface Opener {
    /** A fresh stream over the raw bytes. */
    InputStream open() throws IOException;
  }

  /** A file input. */
  public static InputSource ofFile(NodeId node, Path path) {
    return new InputSource(node, path.toString(), path, () -> Files.newInputStream(path));
  }

  /** A stream input (e.g. stdin) that can be opened once. */
  public static InputSource ofStream(NodeId node, String name, InputStream in) {
    AtomicBoolean used = new AtomicBoolean();
    return new InputSource(node, name, null, () -> {
      if (used.getAndSet(true)) {
        throw new IOException(name + ": can be read only once");
      }
      return in;
    });
  }

  /** The same input assigned to another node. */
  public InputSource withNode(NodeId other) {
    return new InputSource(other, name, path, opener);
  }

  /** Whether this input is a stream rather than a file. */
  public boolean isStream() {
    return path == null;
  }

  /** The decompressed bytes. The caller closes the stream. */
  public InputStream open() throws IOException {
    InputStream raw = opener.open();
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    if (!isGzip(in)) {
      return in;
    }
    try {
      return new GuardedStream(new GZIPInputStream(in, BUFFER), name);
    } catch (IOException e) {
      in.close();
      throw corrupt(name, e);
    }
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return isGzipMagic(a, b);
  }

  /** Whether a stream whose first two bytes are {@code a} and {@code b} (unsigned) is gzip. */
  static boolean isGzipMagic(int a, int b) {
    return a == 0x1f && b == 0x8b;
  }

  static IOException corrupt(String name, IOException cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new IOException(name + ": corrupt gzip data (" + detail + ")", cause);
  }

  /** Renames decompression failures so that they say which file and what went wrong. */
  private static final class GuardedStream extends FilterInputStream {
    private final String name;

    GuardedStream(InputStream in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw corrupt(name, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw corrupt(name, e);
      }
    }
  }
}
