package org.proflog.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives the unnamed per-table rows of Zeek 5.1+ expensive snapshots stable identities.
 *
 * <p>From Zeek 5.1 the rows say only {@code a/b entries}; they come in the alphabetical order of
 * the hidden global names, and a table is listed only while it has 100 entries or more. So the
 * k-th row is the same table as long as the set of listed tables does not change, and when a table
 * crosses the threshold every row after it shifts by one. The tracker keeps every table it has
 * ever seen in one list ordered like the hidden names, and aligns each new snapshot's rows with that
 * list by an order-preserving alignment (edit distance by dynamic programming): matching a row with
 * a known table costs the relative change of its entries, a new table costs {@link #GAP}, an active
 * table that drops out costs {@link #GAP} too, and a table that is already out of the listing may be
 * skipped for free or matched again (with a small extra cost) when it comes back. Identities are
 * {@code #1}, {@code #2}... in order of first appearance.
 *
 * <p>This is a heuristic: two tables of similar size that swap their presence in the same snapshot
 * can be confused. The companion script (names in prof.log) removes the guesswork.
 */
public final class UnnamedTableTracker {

  /** Cost of a table appearing or an active table vanishing: a factor of 4 in entries. */
  static final double GAP = Math.log(4);

  /** Extra cost of matching a table that was absent from the previous listing. */
  static final double DORMANT = 0.25;

  /** One row of a snapshot: top-level and recursive entries. */
  public record Row(long entries, long recursiveEntries) {}

  /** The identity assigned to one row of the snapshot passed to {@link #assign}. */
  public record Assigned(String id, Row row) {}

  private static final class Table {
    final String id;
    Row last;
    boolean active;

    Table(String id, Row last) {
      this.id = id;
      this.last = last;
      this.active = true;
    }
  }

  /** Every table ever seen, in the (inferred) order of the hidden names. */
  private final List<Table> known = new ArrayList<>();
  private int nextId = 1;

  /**
   * Assigns identities to the rows of one expensive snapshot, in the rows' order, and remembers
   * them for the next call. An empty list marks every known table as below the threshold.
   */
  public List<Assigned> assign(List<Row> rows) {
    int m = known.size();
    int n = rows.size();
    double[][] d = new double[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      d[i][0] = d[i - 1][0] + dropCost(known.get(i - 1));
    }
    for (int j = 1; j <= n; j++) {
      d[0][j] = d[0][j - 1] + GAP;
    }
    for (int i = 1; i <= m; i++) {
      Table t = known.get(i - 1);
      double drop = dropCost(t);
      for (int j = 1; j <= n; j++) {
        double match = d[i - 1][j - 1] + matchCost(t, rows.get(j - 1));
        double del = d[i - 1][j] + drop;
        double ins = d[i][j - 1] + GAP;
        d[i][j] = Math.min(match, Math.min(del, ins));
      }
    }
    // Trace back; on ties prefer a match, then skipping a known table, then a new table.
    Table[] matchOf = new Table[n];
    int[] insertBefore = new int[n];
    int i = m;
    int j = n;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        Table t = known.get(i - 1);
        if (same(d[i][j], d[i - 1][j - 1] + matchCost(t, rows.get(j - 1)))) {
          matchOf[j - 1] = t;
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && same(d[i][j], d[i - 1][j] + dropCost(known.get(i - 1)))) {
        i--;
        continue;
      }
      // A new table, placed after known[0..i) in name order.
      insertBefore[j - 1] = i;
      matchOf[j - 1] = null;
      j--;
    }
    for (Table t : known) {
      t.active = false;
    }
    // Insert new tables from the back so earlier insertion indexes stay valid; equal indexes keep
    // the rows' order because later rows are inserted first at the same index.
    Table[] resolved = new Table[n];
    for (int r = n - 1; r >= 0; r--) {
      if (matchOf[r] != null) {
        resolved[r] = matchOf[r];
      }
    }
    List<Integer> fresh = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (matchOf[r] == null) {
        fresh.add(r);
      }
    }
    // Ids in order of first appearance: within one snapshot, in row order.
    for (int r : fresh) {
      resolved[r] = new Table("#" + nextId++, rows.get(r));
    }
    for (int k = fresh.size() - 1; k >= 0; k--) {
      int r = fresh.get(k);
      known.add(insertBefore[r], resolved[r]);
    }
    List<Assigned> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Table t = resolved[r];
      t.last = rows.get(r);
      t.active = true;
      out.add(new Assigned(t.id, rows.get(r)));
    }
    return out;
  }

  /** Tables seen so far. */
  public int tablesSeen() {
    return nextId - 1;
  }

  private static double dropCost(Table t) {
    return t.active ? GAP : 0;
  }

  private static double matchCost(Table t, Row r) {
    double c = logRatio(t.last.entries(), r.entries())
        + 0.25 * logRatio(t.last.recursiveEntries(), r.recursiveEntries());
    return t.active ? c : c + DORMANT;
  }

  private static double logRatio(long a, long b) {
    return Math.abs(Math.log((Math.max(a, 0) + 1.0) / (Math.max(b, 0) + 1.0)));
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }
}
