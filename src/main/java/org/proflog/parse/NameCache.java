package org.proflog.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
  /** The bytes of the name the last {@link #intern} call returned (shared: never modify). */
  byte[] lastKey;

  String intern(byte[] b, int s, int e) {
    int h = hash(b, s, e);
    int len = e - s;
    int i = h & (SIZE - 1);
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (k.length == len && Arrays.equals(k, 0, len, b, s, e)) {
        created = false;
        lastKey = k;
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
    lastKey = keys[i];
    count++;
    return v;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Eight bytes per step (names are 10 to 60 bytes; this runs for every named row). */
  static int hash(byte[] b, int s, int e) {
    long h = e - s;
    int i = s;
    for (; i + 8 <= e; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
    }
    for (; i < e; i++) {
      h = (h ^ b[i]) * 0x100000001B3L;
    }
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }
}
