package org.proflog.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns names (timer types, threads, globals) straight from bytes, so a long file does not
 * allocate one String per row per snapshot: the same few dozen names repeat in every snapshot.
 * Open addressing keyed by the bytes; when full it starts over (names are then merely re-created).
 */
final class NameCache {

  private static final int SIZE = 1024; // power of two; a node rarely has more than a few hundred names
  private static final int LIMIT = SIZE * 3 / 4;

  private final byte[][] keys = new byte[SIZE][];
  private final String[] values = new String[SIZE];
  private int count;
  /** Set when the last {@link #intern} call created a new String (first sighting of a name). */
  boolean created;

  String intern(byte[] b, int s, int e) {
    int h = 1;
    for (int i = s; i < e; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    int len = e - s;
    int i = h & (SIZE - 1);
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (k.length == len && Arrays.equals(k, 0, len, b, s, e)) {
        created = false;
        return values[i];
      }
      i = (i + 1) & (SIZE - 1);
    }
    created = true;
    String v = new String(b, s, len, StandardCharsets.ISO_8859_1);
    if (count >= LIMIT) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      count = 0;
      i = h & (SIZE - 1);
    }
    keys[i] = Arrays.copyOfRange(b, s, e);
    values[i] = v;
    count++;
    return v;
  }
}
