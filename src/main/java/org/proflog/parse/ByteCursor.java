package org.proflog.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads one line's fields straight from the byte buffer: literals, integers, fixed-point decimals.
 * Calls chain without checks in between; the first mismatch sets {@link #fail} and every later call
 * does nothing, so a line parser tests {@link #ok()} once at the end. No Strings, no exceptions.
 */
final class ByteCursor {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGHS = 0x8080808080808080L;

  byte[] b;
  int pos;
  int end;
  boolean fail;
  /** A number had more digits than a long holds (the line is reported, never thrown). */
  boolean overflow;

  void reset(byte[] buf, int start, int limit) {
    b = buf;
    pos = start;
    end = limit;
    fail = false;
    overflow = false;
  }

  boolean ok() {
    return !fail;
  }

  /** Matches a literal at the cursor and moves past it. */
  void lit(byte[] l) {
    if (fail) {
      return;
    }
    int n = l.length;
    if (end - pos < n) {
      fail = true;
      return;
    }
    if (!LineDecoder.same(b, pos, l, n)) {
      fail = true;
      return;
    }
    pos += n;
  }

  void ch(char c) {
    if (fail) {
      return;
    }
    if (pos < end && b[pos] == c) {
      pos++;
    } else {
      fail = true;
    }
  }

  /** Whether the literal follows (without consuming or failing). */
  boolean peek(byte[] l) {
    return !fail && end - pos >= l.length && LineDecoder.same(b, pos, l, l.length);
  }

  /**
   * A decimal integer with an optional leading minus. The common case (one to seven digits, no
   * sign) is kept small enough for the compiler to inline into every line parser: under 100
   * bytecodes with its two helpers, the launcher's {@code -XX:FreqInlineSize}.
   */
  long num() {
    int p = pos;
    byte[] a = b;
    if (!fail && p + 8 <= a.length) {
      // Eight bytes at once. Bytes past the line end are read from the buffer but never used: the
      // digit count is clamped to the line.
      long x = (long) LONGS.get(a, p) - ZEROS;
      int len = Math.min(leadingDigits(x), end - p);
      if (len - 1 < 7 && len > 0) {
        pos = p + len;
        return digitsValue(x, len);
      }
    }
    return numSlow();
  }

  /** How many of the eight bytes, less {@code '0'} each, are digits before the first non-digit. */
  private static int leadingDigits(long x) {
    return Long.numberOfTrailingZeros((x | (x + 0x7676767676767676L)) & HIGHS) >>> 3;
  }

  /** The value of the first {@code len} (1 to 7) digits of the eight bytes less {@code '0'} each. */
  private static long digitsValue(long x, int len) {
    x <<= (8 - len) << 3;
    x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;
    x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;
    return (x * 10000 + (x >>> 32)) & 0xFFFFFFFFL;
  }

  /** {@link #num()} for a sign, eight or more digits, no digit, or the end of the buffer. */
  private long numSlow() {
    if (fail) {
      return 0;
    }
    int p = pos;
    boolean neg = false;
    if (p < end && b[p] == '-') {
      neg = true;
      p++;
    }
    int start = p;
    byte[] a = b;
    long v = 0;
    // Up to 18 digits cannot overflow a long: no check per digit.
    int safe = Math.min(end, start + 18);
    while (p < safe) {
      int d = a[p] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      p++;
    }
    if (p == safe) {
      while (p < end) {
        int d = a[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (v > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
          fail = true;
          return 0;
        }
        v = v * 10 + d;
        p++;
      }
    }
    if (p == start) {
      fail = true;
      return 0;
    }
    pos = p;
    return neg ? -v : v;
  }

  /**
   * A printf {@code %f}-style number ({@code 12.3}, {@code -0.5}, {@code 7}) or one of {@code nan},
   * {@code -nan}, {@code inf}, {@code -inf} in any case (glibc prints {@code -nan} for 0/0).
   */
  double dec() {
    if (fail) {
      return 0;
    }
    int p = pos;
    boolean neg = false;
    if (p < end && (b[p] == '-' || b[p] == '+')) {
      neg = b[p] == '-';
      p++;
    }
    if (p < end && (b[p] | 0x20) == 'n') {
      if (word(p, 'n', 'a', 'n')) {
        pos = p + 3;
        return Double.NaN;
      }
      fail = true;
      return 0;
    }
    if (p < end && (b[p] | 0x20) == 'i') {
      if (word(p, 'i', 'n', 'f')) {
        p += 3;
        if (end - p >= 5 && word(p, 'i', 'n', 'i') && (b[p + 3] | 0x20) == 't' && (b[p + 4] | 0x20) == 'y') {
          p += 5; // "infinity" spelled out
        }
        pos = p;
        return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      fail = true;
      return 0;
    }
    long m = 0;
    int digits = 0;
    int frac = 0;
    boolean dot = false;
    byte[] a = b;
    while (p < end) {
      int c = a[p];
      if (c >= '0' && c <= '9') {
        if (digits < 18) {
          m = m * 10 + (c - '0');
          digits++;
          if (dot) {
            frac++;
          }
        } else if (!dot) {
          overflow = true;
          fail = true;
          return 0;
        }
        p++;
      } else if (c == '.' && !dot) {
        dot = true;
        p++;
      } else {
        break;
      }
    }
    if (digits == 0) {
      fail = true;
      return 0;
    }
    pos = p;
    double v = frac == 0 ? (double) m : m / POW10[frac];
    return neg ? -v : v;
  }

  private static final double[] POW10 = new double[19];

  static {
    double d = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = d;
      d *= 10;
    }
  }

  private boolean word(int p, char c0, char c1, char c2) {
    return end - p >= 3
        && (b[p] | 0x20) == c0
        && (b[p + 1] | 0x20) == c1
        && (b[p + 2] | 0x20) == c2;
  }

  /** Skips blanks; true when the line ends there (trailing whitespace is tolerated everywhere). */
  boolean atEnd() {
    if (fail) {
      return false;
    }
    int p = pos;
    while (p < end && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    if (p == end) {
      pos = p;
      return true;
    }
    fail = true;
    return false;
  }

  /**
   * Parses a {@code \d+\.\d{6}} timestamp at {@code s} into microseconds; returns -1 if there is
   * none. {@code tsEnd[0]} receives the index after it.
   */
  static long timestamp(byte[] b, int s, int e, int[] tsEnd) {
    int p = s;
    long sec = 0;
    while (p < e && p - s < 13) {
      int d = b[p] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      sec = sec * 10 + d;
      p++;
    }
    if (p == s || p + 7 > e || b[p] != '.') {
      return -1;
    }
    p++;
    long us = 0;
    for (int i = 0; i < 6; i++) {
      int d = b[p + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      us = us * 10 + d;
    }
    p += 6;
    if (p < e && b[p] != ' ' && b[p] != '\t') {
      return -1;
    }
    tsEnd[0] = p;
    return sec * 1_000_000L + us;
  }
}
