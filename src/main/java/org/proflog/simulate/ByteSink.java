package org.proflog.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A growable byte buffer with the few number formats prof.log uses, written without
 * {@code String.format} so that a day of a 100-node cluster is generated in seconds. Text is
 * ISO-8859-1, like Zeek's output.
 */
final class ByteSink {
  private byte[] buf = new byte[1 << 16];
  private int len;
  private final byte[] digits = new byte[24];

  int length() {
    return len;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      byte[] b = new byte[Math.max(buf.length * 2, len + extra)];
      System.arraycopy(buf, 0, b, 0, len);
      buf = b;
    }
  }

  ByteSink ch(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  ByteSink str(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  ByteSink bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  ByteSink spaces(int n) {
    ensure(Math.max(n, 0));
    for (int i = 0; i < n; i++) {
      buf[len++] = ' ';
    }
    return this;
  }

  /** Decimal integer, with a minus sign when negative. */
  ByteSink num(long v) {
    ensure(21);
    if (v == Long.MIN_VALUE) {
      return str("-9223372036854775808");
    }
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      buf[len++] = digits[--n];
    }
    return this;
  }

  /** Number of characters {@link #num} prints. */
  static int width(long v) {
    int w = v < 0 ? 2 : 1;
    long a = Math.abs(v);
    while (a >= 10) {
      a /= 10;
      w++;
    }
    return w;
  }

  /** A value held in units of 10^-places, printed with exactly {@code places} decimals. */
  ByteSink fixed(long scaled, int places) {
    if (scaled < 0) {
      ch('-');
      scaled = -scaled;
    }
    long div = 1;
    for (int i = 0; i < places; i++) {
      div *= 10;
    }
    num(scaled / div);
    ch('.');
    long frac = scaled % div;
    for (long d = div / 10; d >= 1; d /= 10) {
      ch((char) ('0' + (frac / d) % 10));
    }
    return this;
  }

  /** Network time in µs as {@code %.6f} prints it. */
  ByteSink ts(long micros) {
    return fixed(micros, 6);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  byte[] toBytes() {
    return java.util.Arrays.copyOf(buf, len);
  }

  void clear() {
    len = 0;
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
  }
}
