package org.proflog.series;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives the unnamed per-table rows of Zeek 5.1+ expensive snapshots stable identities.
 *
 * <p>From Zeek 5.1 the rows say only {@code a/b entries}; they come in the alphabetical order of
 * the hidden global names, and a table is listed only while it has 100 entries or more. So the
 * k-th row is the same table as long as the set of listed tables does not change, and when a table
 * crosses the threshold every row after it shifts by one.
 *
 * <p>Each snapshot's rows are first aligned with the previous snapshot's rows by an
 * order-preserving alignment (edit distance by dynamic programming over (i, j)): matching two rows
 * costs the relative change of their entries (log ratio), a row that appears or vanishes costs
 * {@link #GAP}. Rows left unmatched may be a table that was listed before, dropped below the
 * threshold and came back: such a row takes the identity of the closest dormant table when the
 * change is smaller than a gap (plus {@link #DORMANT}) and the order constraints learnt so far
 * allow it (every snapshot shows which tables come before which). Otherwise it is a new table.
 * Identities are {@code #1}, {@code #2}... in order of first appearance.
 *
 * <p>This is a heuristic: tables of similar size that swap their presence in the same snapshot can
 * be confused. The companion script (names in prof.log) removes the guesswork.
 */
public final class UnnamedTableTracker {

  /** Cost of a table appearing or vanishing: a factor of 4 in entries. */
  static final double GAP = Math.log(4);

  /** Extra cost of taking the identity of a table that was absent from the previous listing. */
  static final double DORMANT = 0.25;

  /** One row of a snapshot: top-level and recursive entries. */
  public record Row(long entries, long recursiveEntries) {}

  /** The identity assigned to one row of the snapshot passed to {@link #assign}. */
  public record Assigned(String id, Row row) {}

  private static final class Table {
    final int number;
    Row last;

    Table(int number, Row last) {
      this.number = number;
      this.last = last;
    }
  }

  private final List<Table> all = new ArrayList<>();
  private List<Table> previous = List.of();
  /** Pairs (a, b) of table numbers seen with a listed before b. */
  private final Set<Long> before = new HashSet<>();

  /**
   * Assigns identities to the rows of one expensive snapshot, in the rows' order, and remembers
   * them for the next call. An empty list means every table is below the threshold.
   */
  public List<Assigned> assign(List<Row> rows) {
    List<Assigned> same = samePositions(rows);
    if (same != null) {
      return same;
    }
    int m = previous.size();
    int n = rows.size();
    double[][] d = new double[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      d[i][0] = i * GAP;
    }
    for (int j = 1; j <= n; j++) {
      d[0][j] = j * GAP;
    }
    for (int i = 1; i <= m; i++) {
      Table t = previous.get(i - 1);
      for (int j = 1; j <= n; j++) {
        double match = d[i - 1][j - 1] + matchCost(t, rows.get(j - 1));
        d[i][j] = Math.min(match, Math.min(d[i - 1][j], d[i][j - 1]) + GAP);
      }
    }
    // Trace back; on ties prefer a match, then a vanished table, then an appeared one.
    Table[] resolved = new Table[n];
    int i = m;
    int j = n;
    while (i > 0 && j > 0) {
      Table t = previous.get(i - 1);
      if (same(d[i][j], d[i - 1][j - 1] + matchCost(t, rows.get(j - 1)))) {
        resolved[j - 1] = t;
        i--;
        j--;
      } else if (same(d[i][j], d[i - 1][j] + GAP)) {
        i--;
      } else {
        j--;
      }
    }
    Set<Table> used = new HashSet<>();
    for (Table t : resolved) {
      if (t != null) {
        used.add(t);
      }
    }
    for (int r = 0; r < n; r++) {
      if (resolved[r] == null) {
        resolved[r] = dormantFor(rows.get(r), r, resolved, used);
        if (resolved[r] == null) {
          resolved[r] = new Table(all.size() + 1, rows.get(r));
          all.add(resolved[r]);
        }
        used.add(resolved[r]);
      }
    }
    List<Assigned> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      resolved[r].last = rows.get(r);
      out.add(new Assigned("#" + resolved[r].number, rows.get(r)));
      for (int q = 0; q < r; q++) {
        before.add(pair(resolved[q], resolved[r]));
      }
    }
    previous = List.of(resolved);
    return out;
  }

  /**
   * The common case, in linear time: as many rows as before, each close to the row at the same
   * position (then the DP would match them all, and the order constraints are already known).
   */
  private List<Assigned> samePositions(List<Row> rows) {
    if (rows.size() != previous.size()) {
      return null;
    }
    for (int r = 0; r < rows.size(); r++) {
      if (matchCost(previous.get(r), rows.get(r)) >= GAP / 2) {
        return null;
      }
    }
    List<Assigned> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Table t = previous.get(r);
      t.last = rows.get(r);
      out.add(new Assigned("#" + t.number, rows.get(r)));
    }
    return out;
  }

  /** The closest table absent from this snapshot so far that may sit at row {@code r}, or null. */
  private Table dormantFor(Row row, int r, Table[] resolved, Set<Table> used) {
    Table best = null;
    double bestCost = GAP;
    for (Table t : all) {
      if (used.contains(t)) {
        continue;
      }
      double c = matchCost(t, row) + DORMANT;
      if (c < bestCost && orderAllows(t, r, resolved)) {
        best = t;
        bestCost = c;
      }
    }
    return best;
  }

  private boolean orderAllows(Table t, int r, Table[] resolved) {
    for (int q = 0; q < resolved.length; q++) {
      Table o = resolved[q];
      if (o == null || q == r) {
        continue;
      }
      if (q < r ? before.contains(pair(t, o)) : before.contains(pair(o, t))) {
        return false;
      }
    }
    return true;
  }

  private static long pair(Table a, Table b) {
    return ((long) a.number << 32) | b.number;
  }

  /** Tables seen so far. */
  public int tablesSeen() {
    return all.size();
  }

  private static double matchCost(Table t, Row r) {
    return logRatio(t.last.entries(), r.entries())
        + 0.25 * logRatio(t.last.recursiveEntries(), r.recursiveEntries());
  }

  private static double logRatio(long a, long b) {
    return Math.abs(Math.log((Math.max(a, 0) + 1.0) / (Math.max(b, 0) + 1.0)));
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }
}
