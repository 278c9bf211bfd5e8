package org.proflog.simulate;

/**
 * A script global as the expensive snapshot reports it: top-level and recursive entries and an
 * estimated size. {@code table} is false for records such as {@code Intel::data_store}, which are
 * listed by size only and vanish from the 5.1+ listing.
 */
final class GlobalTable {
  final String name;
  final boolean table;
  final double bytesPerEntry;
  final double nesting;
  long entries;
  long recursive;
  long sizeBytes;

  GlobalTable(String name, boolean table, double bytesPerEntry, double nesting) {
    this.name = name;
    this.table = table;
    this.bytesPerEntry = bytesPerEntry;
    this.nesting = nesting;
  }

  void set(long top) {
    entries = Math.max(0, top);
    recursive = Math.round(entries * nesting);
    sizeBytes = table ? Math.round(entries * bytesPerEntry) + 512 : sizeBytes;
  }

  /** Listed in Global_sizes (≤ 5.0): over 100 KiB, or a table with 100 (recursive) entries. */
  boolean listedNamed() {
    return sizeBytes > 102_400 || (table && (entries >= 100 || recursive >= 100));
  }

  /** Listed as an unnamed row (5.1+): tables with 100 (recursive) entries only. */
  boolean listedUnnamed() {
    return table && (entries >= 100 || recursive >= 100);
  }

  /** The companion script's size proxy: object count of the container. */
  long footprint() {
    return table ? entries + recursive : sizeBytes / 64;
  }
}
