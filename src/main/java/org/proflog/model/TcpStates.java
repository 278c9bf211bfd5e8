package org.proflog.model;

import java.util.Arrays;
import java.util.List;

/**
 * The seven-by-seven {@code TCP-States:} matrix: {@code count(orig, resp)} is the number of TCP
 * connections whose originator is in state {@code orig} and responder in {@code resp}. A row the
 * snapshot did not print is all zero. {@code glued} is true when a cell was wider than its column
 * (a count of eight digits or more), which makes the following cells undecidable (Q13).
 */
public record TcpStates(long[] cells, boolean glued) {

  /** Column and row labels in Zeek's order. */
  public static final List<String> STATES =
      List.of("Inact.", "Syn.", "SA", "Part.", "Est.", "Fin.", "Rst.");

  /** Number of states per side. */
  public static final int SIZE = 7;

  public TcpStates {
    if (cells.length != SIZE * SIZE) {
      throw new IllegalArgumentException("TCP state matrix needs 49 cells, got " + cells.length);
    }
  }

  /** Connections with originator state {@code orig} and responder state {@code resp} (0-based). */
  public long count(int orig, int resp) {
    return cells[orig * SIZE + resp];
  }

  /** Sum of all cells: the TCP connections the matrix accounts for. */
  public long total() {
    long sum = 0;
    for (long c : cells) {
      sum += c;
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TcpStates t && t.glued == glued && Arrays.equals(t.cells, cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells) * 31 + Boolean.hashCode(glued);
  }

  @Override
  public String toString() {
    return "TcpStates" + Arrays.toString(cells) + (glued ? " glued" : "");
  }
}
