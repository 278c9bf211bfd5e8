package org.proflog.analysis.stats;

/**
 * The Theil-Sen slope (Theil 1950, Sen 1968): the median of the slopes of all pairs of points,
 * robust to outliers and to the spikes of a noisy gauge, with Sen's rank-based confidence interval
 * from the Mann-Kendall variance (Gilbert 1987 §16.5): with N pairwise slopes and
 * C = z(1-α/2)·√Var(S), the bounds are the M1-th and (M2+1)-th smallest slopes, M1 = (N-C)/2,
 * M2 = (N+C)/2 (interpolated between order statistics).
 *
 * <p>Cost: exact over all pairs up to {@link #EXACT_LIMIT} points (the order statistics are found
 * by selection, O(N) on average, among the candidates of a sampled bracket; on an increasing axis
 * the bracket is sampled from pairs and each slope is computed and gathered in one pass, so the N
 * slopes are never stored); longer series are first thinned deterministically to that many
 * bucket medians ({@link Samples#bucketMedians}), which keeps a trend's slope and costs O(n).
 */
public final class TheilSen {
  /**
   * Longest input fitted over all pairs; longer inputs are thinned first. 300 buckets of a day at
   * 15 s are 5 minutes each, far finer than any trend worth reporting, and keep a fit near 1 ms so
   * that a hundred nodes with dozens of series analyse in seconds.
   */
  public static final int EXACT_LIMIT = 300;

  private TheilSen() {}

  /**
   * A fitted line.
   *
   * @param slope median pairwise slope (y units per x unit)
   * @param intercept median of y - slope·x (Conover's estimator)
   * @param lower lower bound of the slope's confidence interval; {@code upper} its upper bound
   * @param n points used (after thinning); {@code thinned} whether the input was thinned
   */
  public record Result(double slope, double intercept, double lower, double upper, int n, boolean thinned) {
    /** The fitted y at x. */
    public double at(double x) {
      return intercept + slope * x;
    }
  }

  /** Fit with a 95 % confidence interval. */
  public static Result fit(double[] x, double[] y) {
    return fit(x, y, 0.95);
  }

  /** Fit with a confidence interval of the given level (e.g. 0.95). */
  public static Result fit(double[] x, double[] y, double confidence) {
    return fit(x, y, confidence, true);
  }

  /**
   * Slope and intercept without the interval ({@code lower}/{@code upper} NaN): the same line as
   * {@link #fit(double[], double[])} for a third of the selection work.
   */
  public static Result line(double[] x, double[] y) {
    return fit(x, y, 0.95, false);
  }

  /** The slope alone (no interval): the same value as {@code fit(x, y).slope()}, cheaper. */
  public static double slope(double[] x, double[] y) {
    return fit(x, y, 0.95, false).slope();
  }

  private static Result fit(double[] x, double[] y, double confidence, boolean interval) {
    return fit(x, y, confidence, interval, true);
  }

  /**
   * {@link #fit(double[], double[], double)} with every order statistic selected from all the
   * pairwise slopes, never from a sampled bracket: the reference the bracketed fit must equal.
   */
  static Result fitUnbracketed(double[] x, double[] y, double confidence) {
    return fit(x, y, confidence, true, false);
  }

  private static Result fit(double[] x, double[] y, double confidence, boolean interval, boolean bracketed) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    boolean thinned = x.length > EXACT_LIMIT;
    double[][] xy = Samples.bucketMedians(x, y, EXACT_LIMIT);
    double[] xs = xy[0];
    double[] ys = xy[1];
    int n = xs.length;
    if (n < 2) {
      double b = n == 1 ? ys[0] : Double.NaN;
      return new Result(0, b, Double.NaN, Double.NaN, n, thinned);
    }
    if (constant(ys) && xs[n - 1] != xs[0]) {
      // A flat series (a queue that is always empty, a state nobody enters): every pairwise slope
      // is 0, so is every order statistic; skip building and selecting n²/2 zeros.
      double bound = interval ? 0.0 : Double.NaN;
      return new Result(0.0, ys[0], bound, bound, n, thinned);
    }
    int pairs = n * (n - 1) / 2;
    if (bracketed && pairs >= SAMPLED_SELECT && increasing(xs)) {
      Result r = fitFromPairs(xs, ys, pairs, confidence, interval, thinned);
      if (r != null) {
        return r;
      }
    }
    double[] slopes = reused(SCRATCH, pairs);
    int m = pairwiseSlopes(xs, ys, slopes);
    if (m == 0) {
      return new Result(0, Samples.median(ys), Double.NaN, Double.NaN, n, thinned);
    }
    double slope;
    OrderStats os = null;
    double lowerPos = Double.NaN;
    double upperPos = Double.NaN;
    if (interval) {
      Positions p = Positions.of(m, ys, confidence, true);
      upperPos = p.upper();
      lowerPos = p.lower();
      os = OrderStats.of(slopes, m, p, bracketed);
      slope = os.median();
    } else {
      slope = median(slopes, m);
    }
    double intercept = intercept(xs, ys, slope);
    if (!interval) {
      return new Result(slope, intercept, Double.NaN, Double.NaN, n, thinned);
    }
    // Each bound only reorders its own side of the median.
    double upper = os.above(upperPos);
    double lower = os.below(lowerPos);
    return new Result(slope, intercept, lower, upper, n, thinned);
  }

  /** Conover's intercept: the median of y - slope·x. */
  private static double intercept(double[] xs, double[] ys, double slope) {
    double[] resid = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      resid[i] = ys[i] - slope * xs[i];
    }
    return Samples.median(resid);
  }

  /**
   * The order statistics a fit needs: the median's position and those of the interval's bounds,
   * and the first and last positions a selection touches (for the median alone: its one or two
   * middle positions; {@code ys} is read only for the interval).
   */
  private record Positions(double median, double lower, double upper, int first, int last) {
    static Positions of(int m, double[] ys, double confidence, boolean interval) {
      double pos = (m - 1) / 2.0;
      int mid = (int) Math.floor(pos);
      if (!interval) {
        boolean even = pos != mid && mid + 1 < m;
        return new Positions(pos, Double.NaN, Double.NaN, mid, even ? mid + 1 : mid);
      }
      double c = MannKendall.normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(MannKendall.variance(ys));
      double m1 = (m - c) / 2.0;
      double m2 = (m + c) / 2.0;
      // M1-th smallest (1-based) is index M1-1; (M2+1)-th smallest is index M2.
      double upper = Math.max(0, Math.min(m - 1, m2));
      double lower = Math.max(0, Math.min(m - 1, m1 - 1));
      // every position a selection or a neighbour's minimum touches
      int first = Math.min(mid, (int) Math.floor(lower));
      int last = Math.min(m - 1, Math.max(mid + 1, (int) Math.floor(upper) + 1));
      return new Positions(pos, lower, upper, first, last);
    }
  }

  /**
   * The fit of points on a strictly increasing axis without writing out their {@code pairs} slopes:
   * a {@link Bracket} is sampled from pairs drawn directly and its candidates gathered while each
   * slope is computed, so the slopes outside it are never stored. Null when the bracket does not hold
   * (the caller then selects from all the slopes). The values equal those of the selection over all
   * slopes: the bracket only narrows where the order statistics are looked for.
   */
  private static Result fitFromPairs(double[] xs, double[] ys, int pairs, double confidence, boolean interval,
      boolean thinned) {
    int n = xs.length;
    Positions p = Positions.of(pairs, ys, confidence, interval);
    Bracket br = Bracket.ofPairs(xs, ys, p.first(), p.last());
    if (br == null) {
      return null;
    }
    if (!interval) {
      double slope = br.median(pairs);
      return new Result(slope, intercept(xs, ys, slope), Double.NaN, Double.NaN, n, thinned);
    }
    OrderStats os = new OrderStats(br.values, br.below, br.inside, pairs, p.median());
    double slope = os.median();
    return new Result(slope, intercept(xs, ys, slope), os.below(p.lower()), os.above(p.upper()), n, thinned);
  }

  /**
   * The sign of the Theil-Sen slope of points {@code ys} on a strictly increasing axis, from counts
   * alone: 1 when the slope is positive, -1 when it is not, 0 when the counts cannot tell (then fit
   * the line). {@code ys} are the values as the fit takes them (already thinned, see {@link
   * MannKendall#thinned}) and {@code kendallS} their Kendall's S.
   *
   * <p>On an increasing axis every pairwise slope has the sign of its rise, so of the m slopes N are
   * negative, Z zero (the tied pairs) and P positive, with P - N = S; sorted, the median's position
   * falls among the positives or among the others except when the two middle slopes straddle zero.
   * Values with magnitudes below 1e-100 (a rise could underflow to a zero slope), infinite or NaN
   * are left to the fit.
   */
  public static int slopeSign(double[] ys, double kendallS) {
    int n = ys.length;
    if (n < 2) {
      return -1; // the fit's slope of fewer than two points is 0
    }
    for (double v : ys) {
      if (!(v == 0 || (Math.abs(v) >= 1e-100 && Math.abs(v) <= 1e100))) {
        return 0;
      }
    }
    long m = (long) n * (n - 1) / 2;
    long tied = MannKendall.tiedPairs(ys);
    long s = (long) kendallS;
    if ((m - tied - s) % 2 != 0) {
      return 0; // not counts of these values: let the fit decide
    }
    long notPositive = (m + tied - s) / 2; // N + Z
    long mid = (m - 1) / 2;
    boolean even = m % 2 == 0;
    if (mid >= notPositive) {
      return 1;
    }
    return (even ? mid + 1 : mid) < notPositive ? -1 : 0;
  }

  /**
   * The slopes of all pairs i &lt; j with distinct x, in that order, into {@code slopes}; returns
   * their count. Times on an axis are usually strictly increasing, and then no pair is skipped: the
   * inner loop has no branch and is vectorised.
   */
  private static int pairwiseSlopes(double[] xs, double[] ys, double[] slopes) {
    int n = xs.length;
    int m = 0;
    if (increasing(xs)) {
      for (int i = 0; i < n - 1; i++) {
        double xi = xs[i];
        double yi = ys[i];
        int base = m - i - 1;
        for (int j = i + 1; j < n; j++) {
          slopes[base + j] = (ys[j] - yi) / (xs[j] - xi);
        }
        m += n - i - 1;
      }
      return m;
    }
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = xs[j] - xs[i];
        if (dx != 0) {
          slopes[m++] = (ys[j] - ys[i]) / dx;
        }
      }
    }
    return m;
  }

  /** Whether every x is larger than the one before (so no difference of a pair is 0 or NaN). */
  private static boolean increasing(double[] xs) {
    for (int i = 1; i < xs.length; i++) {
      if (!(xs[i] > xs[i - 1])) {
        return false;
      }
    }
    return true;
  }

  /** Arrays this long are bracketed from a sample before the selection (see {@link #median}). */
  static final int SAMPLED_SELECT = 4096;

  private static final int SAMPLE = 1024;
  /**
   * Sample positions on each side of the target's: four standard deviations of the median's rank
   * in the sample, so the bracket misses about once in 15,000 fits (the full selection then runs).
   */
  private static final int BRACKET = 64;

  /**
   * The median of {@code a[0..m)} (the mean of the two middle values for even {@code m}), the same
   * value as {@link OrderStats#median()}; {@code a} is reordered. A long array (the n²/2 slopes of a
   * few hundred points) is bracketed first: a fixed pseudo-random sample of it is sorted, and two of
   * its order statistics around the median's rank bound the values that can be the median; one
   * branch-free pass counts the values below the bracket and gathers those inside it, and only these
   * (about an eighth) are selected from. Where the bracket does not hold the middle values, or a
   * value is NaN, the whole array is selected from as before.
   */
  static double median(double[] a, int m) {
    Positions p = Positions.of(m, null, Double.NaN, false);
    Bracket br = m >= SAMPLED_SELECT ? Bracket.of(a, m, p.first(), p.last()) : null;
    if (br != null) {
      return br.median(m);
    }
    int mid = p.first();
    double v = select(a, 0, m, mid);
    return p.last() != mid ? v + 0.5 * (min(a, mid + 1, m) - v) : v;
  }

  /**
   * The values of {@code a[0..m)} that can hold the order statistics at positions {@code first} to
   * {@code last} (0-based, inclusive), gathered from a sampled bracket: a fixed pseudo-random sample
   * of the array is ordered, two of its order statistics beyond those positions' ranks bound the
   * candidates, and one branch-free pass counts the values below the bracket ({@link #below}) and
   * gathers those inside it ({@link #values}, the first {@link #inside}). The order statistic at
   * position p is then the one at p - below of the candidates. Null when the bracket does not hold
   * every position, or a value is NaN: then the whole array must be selected from.
   */
  private static final class Bracket {
    final double[] values;
    final int below;
    final int inside;

    private Bracket(double[] values, int below, int inside) {
      this.values = values;
      this.below = below;
      this.inside = inside;
    }

    static Bracket of(double[] a, int m, int first, int last) {
      double[] sample = reused(SAMPLED, SAMPLE);
      long seed = SEED;
      for (int i = 0; i < SAMPLE; i++) {
        seed = next(seed);
        sample[i] = a[draw(seed, m)];
      }
      double[] limits = limits(sample, m, first, last);
      if (limits == null) {
        return null;
      }
      Gathering g = new Gathering(limits, reused(CANDIDATES, m));
      for (int i = 0; i < m; i++) {
        g.take(a[i]);
      }
      return g.holding(first, last);
    }

    /**
     * The bracket of the slopes of all pairs i &lt; j of points on a strictly increasing axis,
     * sampled from pairs drawn directly; each slope is computed as {@link #pairwiseSlopes} computes
     * it and gathered at once, never stored when outside the bracket.
     */
    static Bracket ofPairs(double[] xs, double[] ys, int first, int last) {
      int n = xs.length;
      int m = n * (n - 1) / 2;
      double[] sample = reused(SAMPLED, SAMPLE);
      long seed = SEED;
      for (int k = 0; k < SAMPLE; k++) {
        seed = next(seed);
        int i = draw(seed, n);
        seed = next(seed);
        int j = draw(seed, n - 1);
        j += j >= i ? 1 : 0; // a pair of two distinct points, uniform over the pairs
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        sample[k] = (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]);
      }
      double[] limits = limits(sample, m, first, last);
      if (limits == null) {
        return null;
      }
      Gathering g = new Gathering(limits, reused(CANDIDATES, m));
      for (int i = 0; i < n - 1; i++) {
        double xi = xs[i];
        double yi = ys[i];
        for (int j = i + 1; j < n; j++) {
          g.take((ys[j] - yi) / (xs[j] - xi));
        }
      }
      return g.holding(first, last);
    }

    /**
     * The two order statistics of the sample that bound positions {@code first..last} of the m
     * values it was drawn from ({@code BRACKET} sample ranks beyond them, as a sort would place
     * them), or null when the sample holds a NaN (selection does not order it).
     */
    private static double[] limits(double[] sample, int m, int first, int last) {
      for (double v : sample) {
        if (v != v) {
          return null;
        }
      }
      int rlo = (int) ((long) first * SAMPLE / m) - BRACKET;
      int rhi = (int) ((long) last * SAMPLE / m) + BRACKET;
      double lo = rlo <= 0 ? Double.NEGATIVE_INFINITY : select(sample, 0, SAMPLE, rlo);
      int from = rlo <= 0 ? 0 : rlo + 1;
      double hi = rhi >= SAMPLE - 1 ? Double.POSITIVE_INFINITY : select(sample, from, SAMPLE, rhi);
      return new double[] {lo, hi};
    }

    /**
     * One branch-free pass over the values, shared by both ways of drawing them: counts those below
     * the limits, gathers those within them (written at every step, kept only when inside) and
     * counts NaNs. Lives only for one pass, so the compiler keeps its fields in registers.
     */
    private static final class Gathering {
      private final double lo;
      private final double hi;
      private final double[] b;
      private int below;
      private int inside;
      private int nan;

      Gathering(double[] limits, double[] buffer) {
        lo = limits[0];
        hi = limits[1];
        b = buffer;
      }

      void take(double v) {
        int under = v < lo ? 1 : 0;
        int over = v > hi ? 1 : 0;
        int isNan = v != v ? 1 : 0;
        below += under;
        b[inside] = v;
        inside += 1 - (under | over) - isNan;
        nan += isNan;
      }

      /** The bracket of the gathered candidates, or null when it misses a position or saw a NaN. */
      Bracket holding(int first, int last) {
        if (nan == 0 && below <= first && last < below + inside) {
          return new Bracket(b, below, inside);
        }
        return null;
      }
    }

    /** The median of the m values bracketed (which must hold its positions), as {@link TheilSen#median}. */
    double median(int m) {
      double pos = (m - 1) / 2.0;
      int mid = (int) Math.floor(pos);
      boolean even = pos != mid && mid + 1 < m;
      double v = select(values, 0, inside, mid - below);
      return even ? v + 0.5 * (min(values, mid - below + 1, inside) - v) : v;
    }

    private static final long SEED = 0x9E3779B97F4A7C15L;

    /** The next state of the sample's generator (a 64-bit LCG; its high half is used). */
    private static long next(long seed) {
      return seed * 6364136223846793005L + 1442695040888963407L;
    }

    /** A number in [0, bound) from the generator's high 32 bits. */
    private static int draw(long seed, int bound) {
      return (int) (((seed >>> 32) * bound) >>> 32);
    }
  }

  /** Whether a bracket sampled from the pairs of {@code (xs, ys)} holds positions {@code first..last} of their slopes (tests). */
  static boolean pairBracketHolds(double[] xs, double[] ys, int first, int last) {
    return Bracket.ofPairs(xs, ys, first, last) != null;
  }

  /** Whether a sampled bracket of {@code a[0..m)} holds the positions {@code first..last} (tests). */
  static boolean bracketHolds(double[] a, int m, int first, int last) {
    return Bracket.of(a, m, first, last) != null;
  }

  /** The sample that brackets the median, in a buffer reused per thread like {@link #SCRATCH}. */
  private static final ThreadLocal<double[]> SAMPLED = ThreadLocal.withInitial(() -> new double[0]);

  /** The slopes inside the bracket, in a buffer reused per thread like {@link #SCRATCH}. */
  private static final ThreadLocal<double[]> CANDIDATES = ThreadLocal.withInitial(() -> new double[0]);

  /**
   * Order statistics of {@code a[0..m)} at fractional 0-based positions (interpolated between
   * neighbours): the median first, which partitions the array, then positions below it are selected
   * within {@code [0, median)} and positions above it within {@code (median, m)}, so the bounds of
   * the interval cost half a selection each. Values equal a full sort's. When a {@link Bracket}
   * holds every position asked for, the selections run over its candidates only, position p at
   * index {@code p - base}.
   */
  private static final class OrderStats {
    private final double[] a;
    /** Global position of {@code a[0]}; {@code len} values of {@code a} are used. */
    private final int base;
    private final int len;
    private final int m;
    private final int mid;
    private final double midValue;
    /** The smallest value above {@code mid} (NaN when {@code mid} is the last). */
    private final double next;
    private final double median;

    /**
     * The order statistics of {@code a[0..m)} for the median and the interval's bounds at the
     * positions {@code p}; bracketed when {@code bracketed} and the array is long enough.
     */
    static OrderStats of(double[] a, int m, Positions p, boolean bracketed) {
      if (bracketed && m >= SAMPLED_SELECT) {
        Bracket br = Bracket.of(a, m, p.first(), p.last());
        if (br != null) {
          return new OrderStats(br.values, br.below, br.inside, m, p.median());
        }
      }
      return new OrderStats(a, 0, m, m, p.median());
    }

    private OrderStats(double[] a, int base, int len, int m, double pos) {
      this.a = a;
      this.base = base;
      this.len = len;
      this.m = m;
      mid = (int) Math.floor(pos);
      midValue = select(a, 0, len, mid - base);
      next = mid + 1 < m ? min(a, mid + 1 - base, len) : Double.NaN;
      median = pos == mid || mid + 1 >= m ? midValue : midValue + (pos - mid) * (next - midValue);
    }

    double median() {
      return median;
    }

    /** The order statistic at {@code pos} >= the median's position; reorders only (mid, m). */
    double above(double pos) {
      int lo = (int) Math.floor(pos);
      double vlo;
      double vhi;
      if (lo == mid) {
        vlo = midValue;
        if (pos == lo || lo + 1 >= m) {
          return vlo;
        }
        vhi = next;
      } else {
        vlo = select(a, mid + 1 - base, len, lo - base);
        if (pos == lo || lo + 1 >= m) {
          return vlo;
        }
        vhi = min(a, lo + 1 - base, len);
      }
      return vlo + (pos - lo) * (vhi - vlo);
    }

    /** The order statistic at {@code pos} <= the median's position; reorders only [0, mid). */
    double below(double pos) {
      int lo = (int) Math.floor(pos);
      if (lo >= mid) {
        // pos in [mid, mid + 1): the median's own neighbourhood
        if (pos == lo || lo + 1 >= m) {
          return midValue;
        }
        return midValue + (pos - lo) * (next - midValue);
      }
      double vlo = select(a, 0, mid - base, lo - base);
      if (pos == lo) {
        return vlo;
      }
      double vhi = lo + 1 < mid ? min(a, lo + 1 - base, mid - base) : midValue;
      return vlo + (pos - lo) * (vhi - vlo);
    }
  }

  /**
   * The pairwise slopes of one fit live in a buffer reused per thread: up to 44,850 doubles (350 KiB)
   * per fit would otherwise be garbage at every fit of every series.
   */
  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

  /** The thread's buffer of {@code holder}, grown to at least {@code size}. */
  private static double[] reused(ThreadLocal<double[]> holder, int size) {
    double[] a = holder.get();
    if (a.length < size) {
      a = new double[size];
      holder.set(a);
    }
    return a;
  }

  private static boolean constant(double[] v) {
    double first = v[0];
    for (double d : v) {
      if (d != first) {
        return false;
      }
    }
    return !Double.isNaN(first) && !Double.isInfinite(first);
  }

  private static double min(double[] a, int from, int to) {
    double v = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      v = Math.min(v, a[i]);
    }
    return v;
  }

  /**
   * Hoare-style quickselect with median-of-three pivots: the element that belongs at index {@code k}
   * of the sorted {@code a[from..to)}; afterwards smaller elements are left of {@code k} and larger
   * ones right of it within the range.
   */
  private static double select(double[] a, int from, int to, int k) {
    int left = from;
    int right = to - 1;
    while (right > left) {
      int mid = (left + right) >>> 1;
      double pivot = med3(a[left], a[mid], a[right]);
      int i = left;
      int j = right;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static double med3(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
