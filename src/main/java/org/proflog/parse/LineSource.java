package org.proflog.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits an InputStream into physical lines inside one reusable buffer. A line is handed out as a
 * range {@code [start, end)} of {@link #buf} (trailing {@code \r} removed) that stays valid until
 * the next call. A line longer than the limit is skipped while it streams past, so its length never
 * costs memory. The final line may lack its newline (the last {@code Comm:} line of every 2.6+
 * file does).
 */
final class LineSource {

  /** Told about a skipped over-long line. */
  interface LongLineListener {
    void longLine(long lineNo);
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final InputStream in;
  private final int maxLine;
  private final LongLineListener listener;
  byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;
  /** A fed input had no bytes at the last read (more may come). */
  private boolean starved;
  /** Inside an over-long line that is being dropped. */
  private boolean skipping;

  int start;
  int end;
  long lineNo;
  long bytesRead;

  LineSource(InputStream in, int maxLine, LongLineListener listener) {
    this.in = in;
    this.maxLine = maxLine;
    this.listener = listener;
    // 64 KiB to start (grown up to the line limit when a line needs it): a live watcher holds one
    // reader per followed file, and a hundred 1 MiB buffers would be a third of its heap.
    this.buf = new byte[Math.min(1 << 16, Math.max(4096, maxLine + 1))];
  }

  /**
   * Advances to the next line; false at the end of the input, or (a fed input, see {@link
   * #starved()}) when no complete line is there yet.
   */
  boolean next() {
    while (true) {
      if (skipping && !skipRest()) {
        return false;
      }
      int nl = indexOfNewline(buf, pos, lim);
      if (nl >= 0) {
        int s = pos;
        pos = nl + 1;
        lineNo++;
        if (nl - s > maxLine) {
          listener.longLine(lineNo);
          continue;
        }
        emit(s, nl);
        return true;
      }
      if (eof) {
        if (pos < lim) {
          int s = pos;
          pos = lim;
          lineNo++;
          if (lim - s > maxLine) {
            listener.longLine(lineNo);
            return false;
          }
          emit(s, lim);
          return true;
        }
        return false;
      }
      if (lim - pos > maxLine) {
        lineNo++;
        listener.longLine(lineNo);
        skipping = true;
        pos = 0;
        lim = 0;
        continue;
      }
      if (!fill() && starved) {
        return false;
      }
    }
  }

  /** Whether the last {@link #next()} stopped because a fed input had nothing more yet. */
  boolean starved() {
    return starved && !eof;
  }

  private void emit(int s, int e) {
    if (e > s && buf[e - 1] == '\r') {
      e--;
    }
    start = s;
    end = e;
  }

  /**
   * Drops the rest of an over-long line (already reported) up to and including its newline; false
   * when the input ended or starved first (the skip then goes on at the next call).
   */
  private boolean skipRest() {
    while (true) {
      int nl = indexOfNewline(buf, pos, lim);
      if (nl >= 0) {
        pos = nl + 1;
        skipping = false;
        return true;
      }
      pos = 0;
      lim = 0;
      if (eof || !read()) {
        if (eof) {
          skipping = false;
        }
        return false;
      }
    }
  }

  /**
   * Makes room (moving the unfinished line to the front, growing up to the line limit) and reads;
   * false when nothing was read (the end, or a fed input with nothing yet).
   */
  private boolean fill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      int cap = (int) Math.min((long) maxLine + 2, (long) buf.length * 2);
      byte[] nb = new byte[Math.max(cap, buf.length + 1)];
      System.arraycopy(buf, 0, nb, 0, lim);
      buf = nb;
    }
    return read();
  }

  private boolean read() {
    try {
      int n = in.read(buf, lim, buf.length - lim);
      if (n == 0 && !(in instanceof FeedStream)) {
        do {
          n = in.read(buf, lim, buf.length - lim); // a stream that may return 0 for a while
        } while (n == 0);
      }
      starved = n == 0;
      if (n <= 0) {
        eof = n < 0;
        return false;
      }
      lim += n;
      bytesRead += n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Word-at-a-time search for '\n': sixteen bytes per step (two words, one branch), then eight. The
   * lowest flagged byte of a word is always a real newline (a borrow only flags bytes above one).
   */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 16 <= to; i += 16) {
      long tx = newlines(b, i);
      long ty = newlines(b, i + 8);
      if ((tx | ty) != 0) {
        return tx != 0 ? i + firstFlagged(tx) : i + 8 + firstFlagged(ty);
      }
    }
    for (; i + 8 <= to; i += 8) {
      long t = newlines(b, i);
      if (t != 0) {
        return i + firstFlagged(t);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The high bit set in each byte of the word at {@code i} that may be '\n' (the lowest one is). */
  private static long newlines(byte[] b, int i) {
    long x = (long) LONGS.get(b, i) ^ NEWLINES;
    return (x - ONES) & ~x & HIGHS;
  }

  /** The index within its word of the lowest flagged byte. */
  private static int firstFlagged(long flags) {
    return Long.numberOfTrailingZeros(flags) >>> 3;
  }

  void close() throws IOException {
    in.close();
  }
}
