package org.proflog.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The sniffer's verdicts on plain files, each kept with a 64-bit hash of the bytes it was given.
 * A finder asked again (the watcher looks for new nodes every few seconds) reads each file's head
 * into one buffer and judges it again only when those bytes changed: a prof.log that grows keeps its
 * verdict, one rewritten in place is judged anew. Gzip files are judged every time: their verdict
 * depends on what the head decompresses to.
 */
final class SniffMemo {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private record Seen(int length, long hash, boolean named, ProfLogSniffer.Verdict verdict) {}

  private final Map<Path, Seen> seen = new HashMap<>();
  private final byte[] head = new byte[ProfLogSniffer.PEEK];
  private int judged;

  /** The verdict on {@code source}, a file at {@code key}. */
  ProfLogSniffer.Verdict sniff(InputSource source, Path key, boolean named) {
    int n;
    try (InputStream in = Files.newInputStream(source.path())) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      seen.remove(key);
      return ProfLogSniffer.sniff(source, named); // which words the failure
    }
    if (n >= 2 && InputSource.isGzipMagic(head[0] & 0xff, head[1] & 0xff)) {
      seen.remove(key);
      judged++;
      return ProfLogSniffer.sniff(source, named);
    }
    long h = hash(head, n);
    Seen old = seen.get(key);
    if (old != null && old.length() == n && old.hash() == h && old.named() == named) {
      return old.verdict();
    }
    judged++;
    ProfLogSniffer.Verdict v = ProfLogSniffer.judge(head, n, named);
    seen.put(key, new Seen(n, h, named, v));
    return v;
  }

  /** How many verdicts were reached by judging bytes rather than remembered. */
  int judged() {
    return judged;
  }

  /**
   * A 64-bit hash of {@code b[0, n)}, eight bytes at a time. Unlike {@code NameCache.hash} (a table
   * index for short names) each step rotates: a multiply alone only carries differences upwards, so
   * two flipped top bits in different words would cancel.
   */
  static long hash(byte[] b, int n) {
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 31);
    }
    for (; i < n; i++) {
      h = Long.rotateLeft((h ^ b[i]) * 0xC2B2AE3D27D4EB4FL, 31);
    }
    return h ^ (h >>> 29);
  }
}
