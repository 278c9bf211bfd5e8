package org.proflog.watch;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An input stream fed by pushes from another thread: {@code read} blocks until bytes or the end
 * arrive. It lets one long-lived {@link org.proflog.parse.ProfLogReader} per file parse a live file
 * exactly as it parses a whole one (same era evidence, same line numbers), while the follower only
 * ever pushes complete lines.
 */
final class PushStream extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private byte[] current;
  private int pos;
  private boolean ended;
  private volatile boolean waiting;
  /** Bytes pushed and not yet read: what the follower may still add is bounded by it. */
  private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();

  /** Queues a copy of the bytes. */
  void push(byte[] b, int off, int len) {
    if (len > 0) {
      byte[] copy = new byte[len];
      System.arraycopy(b, off, copy, 0, len);
      queued.addAndGet(len);
      queue.add(copy);
    }
  }

  /** Whether the reading side has consumed everything pushed so far and waits for more. */
  boolean idle() {
    return waiting && queue.isEmpty();
  }

  /** Bytes pushed and not yet read by the parser. */
  long queuedBytes() {
    return queued.get();
  }

  /** No more bytes will come. */
  void end() {
    queue.add(END);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (current == null || pos == current.length) {
      if (ended) {
        return -1;
      }
      try {
        waiting = true;
        current = queue.take();
        waiting = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ended = true;
        return -1;
      }
      pos = 0;
      if (current == END) {
        ended = true;
        current = null;
        return -1;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    queued.addAndGet(-n);
    return n;
  }
}
