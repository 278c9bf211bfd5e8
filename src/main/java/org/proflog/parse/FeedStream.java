package org.proflog.parse;

import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * The input of a fed {@link ProfLogReader}: bytes handed over with {@link #add} are read back in
 * order; {@code read} returns 0 (not an end) when nothing is there yet, and -1 only after {@link
 * #end}. Used on one thread: the caller feeds, then lets the reader parse what it was given.
 */
final class FeedStream extends InputStream {

  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private byte[] current;
  private int pos;
  private boolean ended;
  private long queued;

  /** Queues a copy of {@code len} bytes. */
  void add(byte[] b, int off, int len) {
    if (ended) {
      throw new IllegalStateException("input already ended");
    }
    if (len > 0) {
      byte[] copy = new byte[len];
      System.arraycopy(b, off, copy, 0, len);
      chunks.add(copy);
      queued += len;
    }
  }

  /** No more bytes will come. */
  void end() {
    ended = true;
  }

  boolean ended() {
    return ended;
  }

  /** Bytes added and not yet read. */
  long queued() {
    return queued;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? (n < 0 ? -1 : 0) : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (current == null || pos == current.length) {
      current = chunks.poll();
      pos = 0;
      if (current == null) {
        return ended ? -1 : 0;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    queued -= n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, queued);
  }
}
