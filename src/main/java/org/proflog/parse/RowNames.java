package org.proflog.parse;

import java.util.Arrays;

/**
 * The names of one kind of indented row (threads, timer types) in the order the previous snapshot
 * listed them. Zeek prints the same rows in the same order snapshot after snapshot, so the name of
 * row {@code i} is usually the name of row {@code i} last time: comparing its bytes with that one
 * name is cheaper than hashing it, and a miss costs one comparison before the general path. A
 * prediction is only ever accepted on equal bytes, so it cannot change what is read.
 */
final class RowNames {

  private static final int MAX_ROWS = 4096;

  private byte[][] prevKeys = new byte[64][];
  private String[] prevNames = new String[64];
  private int prevCount;
  private byte[][] keys = new byte[64][];
  private String[] names = new String[64];
  private int count;

  /** A new snapshot begins: this one's rows become the prediction (an empty one keeps the old). */
  void nextSnapshot() {
    if (count == 0) {
      return;
    }
    byte[][] k = prevKeys;
    String[] n = prevNames;
    prevKeys = keys;
    prevNames = names;
    prevCount = count;
    keys = k;
    names = n;
    count = 0;
  }

  /**
   * The name of the next row if its bytes at {@code s} equal the predicted name and a blank follows
   * it before {@code e}; null otherwise. Does not advance: call {@link #taken} once the row is read.
   */
  String predict(byte[] b, int s, int e) {
    int i = count;
    if (i >= prevCount) {
      return null;
    }
    byte[] k = prevKeys[i];
    int n = k.length;
    if (e - s <= n || (b[s + n] != ' ' && b[s + n] != '\t') || !LineDecoder.same(b, s, k, n)) {
      return null;
    }
    return prevNames[i];
  }

  /** The length of the name {@link #predict} just returned. */
  int predictedLength() {
    return prevKeys[count].length;
  }

  /** Records that the next row was read under the predicted name. */
  void takenPredicted() {
    taken(prevNames[count], prevKeys[count]);
  }

  /** Records the row just read (its name and the bytes it was interned from). */
  void taken(String name, byte[] key) {
    int i = count;
    if (i == MAX_ROWS) {
      return;
    }
    if (i == keys.length) {
      keys = Arrays.copyOf(keys, i * 2);
      names = Arrays.copyOf(names, i * 2);
    }
    keys[i] = key;
    names[i] = name;
    count = i + 1;
  }
}
