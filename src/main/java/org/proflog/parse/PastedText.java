package org.proflog.parse;

/**
 * Undoes what copying a prof.log into a web page or a mail does to it (PROFLOG-FORMAT.md Q14):
 * indentation of the whole block, non-breaking spaces, Markdown escapes and links. Used only for
 * lines the normal decoder rejected, so real files never pay for it.
 */
final class PastedText {

  private PastedText() {}

  /**
   * Copies {@code b[s, e)} into {@code out} cleaned: leading and trailing blanks dropped, U+00A0
   * (UTF-8 or Latin-1) turned into a space, {@code \#}/{@code \_}-style escapes undone and
   * {@code [text](target)} reduced to {@code text}. Returns the cleaned length.
   */
  static int normalize(byte[] b, int s, int e, byte[] out) {
    int n = 0;
    int i = s;
    while (i < e) {
      int x = b[i] & 0xff;
      if (x == 0xC2 && i + 1 < e && (b[i + 1] & 0xff) == 0xA0) {
        out[n++] = ' ';
        i += 2;
      } else if (x == 0xA0 || x == '\t') {
        out[n++] = ' ';
        i++;
      } else if (x == '\\' && i + 1 < e && isEscapable(b[i + 1])) {
        out[n++] = b[i + 1];
        i += 2;
      } else if (x == '[') {
        int close = find(b, i + 1, e, (byte) ']');
        if (close > 0 && close + 1 < e && b[close + 1] == '(') {
          int paren = find(b, close + 2, e, (byte) ')');
          if (paren > 0) {
            for (int k = i + 1; k < close; k++) {
              out[n++] = b[k];
            }
            i = paren + 1;
            continue;
          }
        }
        out[n++] = b[i++];
      } else {
        out[n++] = b[i++];
      }
    }
    int from = 0;
    while (from < n && out[from] == ' ') {
      from++;
    }
    while (n > from && out[n - 1] == ' ') {
      n--;
    }
    if (from > 0) {
      System.arraycopy(out, from, out, 0, n - from);
      n -= from;
    }
    return n;
  }

  /** An elision line: {@code ...} (or the ellipsis character) and nothing else. */
  static boolean isElision(byte[] b, int n) {
    if (n == 3 && (b[0] & 0xff) == 0xE2 && (b[1] & 0xff) == 0x80 && (b[2] & 0xff) == 0xA6) {
      return true;
    }
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[i] != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isEscapable(byte c) {
    return c == '#' || c == '_' || c == '*' || c == '[' || c == ']' || c == '(' || c == ')'
        || c == '`' || c == '\\' || c == '-' || c == '.' || c == '!';
  }

  private static int find(byte[] b, int s, int e, byte x) {
    for (int i = s; i < e; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
