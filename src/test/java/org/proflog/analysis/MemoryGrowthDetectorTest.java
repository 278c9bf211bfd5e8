package org.proflog.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.proflog.model.Era;
import org.proflog.series.Metric;
import org.proflog.series.NodeSeries;
import org.junit.jupiter.api.Test;

class MemoryGrowthDetectorTest {
  private final MemoryGrowthDetector det = new MemoryGrowthDetector();

  private static List<Finding> run(NodeSeries n, AnalysisOptions o) {
    return new MemoryGrowthDetector().detect(n, AnalysisContext.of(o, List.of(n)));
  }

  private static List<Finding> run(NodeSeries n) {
    return run(n, AnalysisOptions.defaults());
  }

  /** The seed's eight Memory lines (bro-messaging.md), 20 s apart: growing heap must be reported. */
  @Test
  void seedMemoryLinesAreGrowth() {
    double[] total = {32608, 123236, 143088, 164320, 177040, 177040, 177040, 177040};
    double[] malloced = {32478, 78143, 87989, 108040, 132104, 133631, 137221, 139141};
    NodeSeries n = new NodeBuilder("standalone", 20, 8, 1).era(Era.G3)
        .put(Metric.MEMORY_TOTAL, i -> total[i])
        .put(Metric.MEMORY_MALLOCED, i -> malloced[i])
        .build();
    List<Finding> f = run(n);
    assertThat(f).anySatisfy(x -> {
      assertThat(x.kind()).isEqualTo(FindingKind.MEMORY_GROWTH);
      // two minutes of data cannot separate start-up from a leak: reported, but not as critical
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.subject()).isEqualTo("memory.malloced");
      assertThat(x.evidence().pValue()).isLessThan(0.01);
      assertThat(x.evidence().extra().get("warm-up")).contains("too short");
    });
  }

  /**
   * The real 3.2.4 fixture's heap in its fourth minute: +0.2 % over two minutes, a steep rate per
   * hour. A process that young is filling up: an info that says so. The same rate an hour in is a
   * warning.
   */
  @Test
  void aFewPercentInTheFirstMinutesIsFillingUp() {
    NodeSeries young = new NodeBuilder("standalone", 1, 240, 3).era(Era.G6)
        .put(Metric.MEMORY_MALLOCED, i -> 62_000 + 1.0 * i)
        .put(Metric.MEMORY_TOTAL, i -> 300_000)
        .build();
    assertThat(run(young)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.subject()).isEqualTo("memory.malloced");
      assertThat(f.explanation()).contains("had run for only 4 min").contains("less than half");
      assertThat(f.projection()).isNull();
      assertThat(f.nextStep()).contains("10 min");
    });
    NodeSeries older = new NodeBuilder("standalone", 15, 240, 3).era(Era.G6)
        .put(Metric.MEMORY_MALLOCED, i -> 62_000 + 15.0 * i)
        .put(Metric.MEMORY_TOTAL, i -> 300_000)
        .build();
    assertThat(run(older)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  /** Peak RSS of a process whose current RSS is {@code current(i)}: its running maximum, in whole KiB. */
  static double[] peakOf(int n, IntToDoubleFunction current) {
    double[] rss = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, current.applyAsDouble(i));
      rss[i] = Math.rint(max);
    }
    return rss;
  }

  /** Peak RSS on a leaking node: new peaks at ~1 %/h until the end. */
  static NodeBuilder leakingPeakRss(int n, long interval, double pctPerHour, int warm, long seed) {
    NodeBuilder b = new NodeBuilder("worker-1", interval, n, seed).era(Era.G8);
    double base = 1_000_000;
    double perSnap = base * pctPerHour / 100 * interval / 3600.0;
    double[] rss = peakOf(n, i -> (i < warm ? base * (0.3 + 0.7 * i / warm) : base + perSnap * (i - warm))
        + b.noise(perSnap * 2));
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]);
    b.put(Metric.MEMORY_MALLOCED, i -> 0);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + b.noise(200));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    return b;
  }

  @Test
  void leakingPeakRssIsWarning() {
    NodeSeries n = leakingPeakRss(600, 15, 2, 60, 7).build();
    List<Finding> f = run(n);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("memory.total");
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.evidence().slope()).isBetween(10_000.0, 40_000.0);
    });
  }

  /**
   * Peak RSS after a 10-snapshot warm-up (given), one snapshot a minute: flat at 600,000 KiB but for
   * new peaks of {@code step} KiB each at the snapshots {@code peaks} (after warm-up).
   */
  static List<Finding> steppedPeaks(int n, double step, int... peaks) {
    double[] steps = new double[n];
    for (int p : peaks) {
      steps[p] = step;
    }
    return steppedPeaks(steps);
  }

  /** As {@link #steppedPeaks(int, double, int...)}, with the step at each snapshot after warm-up. */
  static List<Finding> steppedPeaks(double[] steps) {
    int n = steps.length;
    NodeBuilder b = new NodeBuilder("worker-1", 60, 10 + n, 3).era(Era.G9);
    double[] rss = new double[10 + n];
    double level = 600_000;
    for (int i = 0; i < rss.length; i++) {
      if (i < 10) {
        rss[i] = 300_000 + 30_000 * i;
      } else {
        level += steps[i - 10];
        rss[i] = level;
      }
    }
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]).put(Metric.MEMORY_MALLOCED, i -> 0);
    b.put(Metric.CONNS_CURRENT, i -> 5000);
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    return run(b.build(), AnalysisOptions.defaults().withWarmupMicros(10 * 60_000_000L));
  }

  @Test
  void fewSmallNewPeaksAreNoiseNotALeak() {
    // an hour after warm-up, three new peaks in all (as many as noise sets in 58 snapshots) that
    // rise 0.6 %: fast enough per hour, too little to tell from noise
    List<Finding> f = steppedPeaks(58, 1200, 15, 35, 55);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("no more than its noise sets");
      assertThat(x.evidence().extra().get("window growth")).startsWith("3,600 KiB (0.60% of its level");
    });
  }

  @Test
  void manyNewPeaksOrMuchGrowthAreALeakOverAnHour() {
    // 0.6 % in 20 steps over 64 minutes (more new peaks than noise sets): a leak outrunning its noise
    int[] often = new int[20];
    for (int k = 0; k < often.length; k++) {
      often[k] = 4 + 3 * k;
    }
    assertThat(steppedPeaks(64, 180, often)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    // three peaks that rise 1.5 %: more than noise climbs
    assertThat(steppedPeaks(64, 3000, 15, 35, 55)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void slowNewPeaksNeedAnHourFastOnesDoNot() {
    // 1 %/h for 40 minutes, a new peak every 2 minutes: under the 2 %/h that start-up and daily load
    // reach, judged on less than an hour
    double[] slow = new double[40];
    double[] fast = new double[40];
    for (int k = 1; k < slow.length; k += 2) {
      slow[k] = 600_000 * 0.01 / 30;
      fast[k] = 600_000 * 0.04 / 30;
    }
    assertThat(steppedPeaks(slow)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("too slow to tell from start-up and daily load in under an hour");
      assertThat(x.evidence().slope()).isBetween(5_000.0, 7_000.0);
    });
    // 4 %/h over the same 40 minutes is a leak at once
    assertThat(steppedPeaks(fast)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    // and the slow one is, once the window spans an hour
    double[] longer = new double[70];
    for (int k = 1; k < longer.length; k += 2) {
      longer[k] = 600_000 * 0.01 / 30;
    }
    assertThat(steppedPeaks(longer)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void settlingPeaksSayHowMuchTheSecondHalfGrew() {
    // a new peak every other minute for half an hour, then three small ones: start-up levelling off
    double[] steps = new double[58];
    for (int k = 2; k < 30; k += 2) {
      steps[k] = 800;
    }
    steps[35] = 300;
    steps[45] = 300;
    steps[55] = 300;
    assertThat(steppedPeaks(steps)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("still settling");
      assertThat(x.evidence().extra().get("second half")).isEqualTo("8.04% of the first half's growth");
    });
  }

  @Test
  void aHeapJudgedOnItsLastMinutesDoesNotExcusePeakRss() {
    // peak RSS leaks 4 %/h for two hours after warm-up; the heap rises with it, then holds for its
    // last ten minutes: its warm-up cut takes the bend for a knee and leaves those ten flat minutes,
    // which cannot vouch for the two hours of peaks
    int n = 140;
    NodeBuilder b = new NodeBuilder("worker-1", 60, n, 11).era(Era.G6);
    double[] rss = peakOf(n, i -> (i < 15 ? 300_000 + 20_000 * i : 600_000 * (1 + 0.04 * (i - 15) / 60.0)) + b.noise(500));
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]);
    b.put(Metric.MEMORY_MALLOCED, i -> i < 15 ? 100_000 + 20_000 * i : i < 130 ? 400_000 + 600.0 * (i - 15) : 480_000);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + b.noise(200));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    assertThat(run(b.build())).anySatisfy(x -> {
      assertThat(x.subject()).isEqualTo("memory.total");
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
    });
  }

  /**
   * A heap after a 10-minute warm-up (given) over three hours at one snapshot a minute: {@code
   * after(i)} KiB above 400,000 at minute i after it, with scatter of 3 % of its level (the heap
   * rises and falls with each collection); peak RSS flat.
   */
  static List<Finding> heapAfterWarmUp(IntToDoubleFunction after) {
    int n = 190;
    NodeBuilder b = new NodeBuilder("worker-1", 60, n, 5).era(Era.G6);
    b.put(Metric.MEMORY_TOTAL, i -> 900_000);
    b.put(Metric.MEMORY_MALLOCED, i -> i < 10 ? 40_000 * i : 400_000 + after.applyAsDouble(i - 10) + b.noise(12_000));
    b.put(Metric.CONNS_CURRENT, i -> 5000 + b.noise(200));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    return run(b.build(), AnalysisOptions.defaults().withWarmupMicros(10 * 60_000_000L));
  }

  @Test
  void aHeapThatLevelsOffIsStillSettling() {
    // the tail of a start-up curve the warm-up cut left: 40,000 KiB more, approached with a
    // 40-minute time constant; the envelope rises significantly, but its second half hardly at all
    assertThat(heapAfterWarmUp(i -> 40_000 * (1 - Math.exp(-i / 40.0)))).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("memory.malloced");
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("ever more slowly");
      assertThat(x.evidence().extra().get("halves")).matches("[0-9,]+ KiB/h, then -?[0-9,.]+ KiB/h \\(p=.*\\)");
    });
    // the same 40,000 KiB at a steady pace is a leak
    assertThat(heapAfterWarmUp(i -> 40_000 * i / 180.0)).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("memory.malloced");
      assertThat(x.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
    });
  }

  @Test
  void settlingComparesTheSlopesOfTheHalves() {
    long[] t = new long[60];
    double[] levelling = new double[60];
    double[] steady = new double[60];
    for (int i = 0; i < t.length; i++) {
      t[i] = NodeBuilder.T0 + i * 60_000_000L;
      levelling[i] = i < 30 ? 1000 + 10.0 * i : 1300 + 5.0 * (i % 2);
      steady[i] = 1000 + 10.0 * i;
    }
    MemoryGrowthDetector.Settling s = MemoryGrowthDetector.settling(new Window(t, levelling), AnalysisOptions.defaults(), false);
    assertThat(s).isNotNull();
    assertThat(s.firstPerHour()).isCloseTo(600, within(1e-6));
    assertThat(s.ratio()).isLessThan(0.5);
    assertThat(MemoryGrowthDetector.settling(new Window(t, steady), AnalysisOptions.defaults(), false)).isNull();
    assertThat(MemoryGrowthDetector.settling(new Window(t, steady), AnalysisOptions.defaults(), true)).isNull();
  }

  /**
   * The tail of a start-up curve (time constant 7 min, 25 to 33 min after start, a snapshot every
   * 30 s): its later half still rises significantly, at 56 % of the earlier half's pace. Only in a
   * process's first hour, with the warm-up found rather than given, is that enough to call it
   * settling.
   */
  @Test
  void inTheFirstHourASignificantButSlowerLaterHalfIsSettling() {
    long[] t = new long[17];
    double[] tail = new double[17];
    for (int i = 0; i < t.length; i++) {
      double minutes = 25 + i / 2.0;
      t[i] = NodeBuilder.T0 + (long) (minutes * 60_000_000L);
      tail[i] = Math.rint(600_000 - 400_000 * Math.exp(-minutes / 7.0));
    }
    Window w = new Window(t, tail);
    assertThat(MemoryGrowthDetector.settling(w, AnalysisOptions.defaults(), false)).isNull();
    MemoryGrowthDetector.Settling s = MemoryGrowthDetector.settling(w, AnalysisOptions.defaults(), true);
    assertThat(s).isNotNull();
    assertThat(s.significant()).isTrue();
    assertThat(s.ratio()).isBetween(0.5, MemoryGrowthDetector.START_UP_SETTLING);
  }

  /**
   * Peak RSS and current connections rising together for two hours at one snapshot a minute, peak
   * RSS by 2.5 %/h, with the timer lag of {@code lag(i)} seconds.
   */
  static List<Finding> risingWithLag(IntToDoubleFunction lag) {
    int n = 120;
    NodeBuilder b = new NodeBuilder("worker-1", 60, n, 9).era(Era.G9);
    double[] rss = peakOf(n, i -> 600_000 * (1 + 0.025 * i / 60.0) + b.noise(1500));
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]).put(Metric.MEMORY_MALLOCED, i -> 0);
    b.put(Metric.CONNS_CURRENT, i -> 5000 + 40.0 * i + b.noise(300));
    b.put(Metric.CONNS_TOTAL, i -> 100.0 * i);
    b.put(Metric.TIMERS_LAG, lag);
    return run(b.build(), AnalysisOptions.defaults().withWarmupMicros(10 * 60_000_000L));
  }

  @Test
  void memoryThatPilesUpWithLaggingTimersIsExplainedByTheLag() {
    // timers fire later and later (to 48 s): connections expire late, and their memory piles up
    assertThat(risingWithLag(i -> 0.4 * i)).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("memory.total");
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.explanation()).contains("timer lag explains it");
      assertThat(x.nextStep()).contains("timer lag");
    });
    // timers on time: the same growth is a warning
    assertThat(risingWithLag(i -> 0.01)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void recordsOfNoiseFollowTheHarmonicNumbers() {
    // H(1) = 1 with no spread; H(10) = 2.929, variance 2.929 - 1.550 = 1.379; H(100) = 5.187,
    // variance 5.187 - 1.635 = 3.552
    assertThat(MemoryGrowthDetector.noiseRecords(1)).isCloseTo(1.0, within(1e-12));
    assertThat(MemoryGrowthDetector.noiseRecords(10)).isCloseTo(2.929 + Math.sqrt(1.379), within(0.002));
    assertThat(MemoryGrowthDetector.noiseRecords(100)).isCloseTo(5.187 + Math.sqrt(3.552), within(0.002));
  }

  @Test
  void projectionToLimitMakesCritical() {
    NodeSeries n = leakingPeakRss(600, 15, 2, 60, 7).build();
    List<Finding> f = run(n, AnalysisOptions.defaults().withMemoryLimitKiB(1_200_000));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.projection()).isNotNull();
      assertThat(x.projection().hoursLeft()).isLessThan(24);
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void peakRssPlateauAfterWarmUpIsHealthy() {
    int n = 600;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 3).era(Era.G8);
    double[] rss = peakOf(n, i -> i < 100 ? 300_000 + 7000.0 * i : 1_000_000 + b.noise(3000));
    b.put(Metric.MEMORY_TOTAL, i -> rss[i]).put(Metric.MEMORY_MALLOCED, i -> 0);
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void sawtoothHeapIsHealthy() {
    int n = 800;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 4).era(Era.G6);
    b.put(Metric.MEMORY_MALLOCED, i -> 500_000 + 2000.0 * (i % 40) + b.noise(1000));
    b.put(Metric.MEMORY_TOTAL, i -> 700_000);
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void leakingHeapUnderSawtoothIsFound() {
    int n = 800;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 4).era(Era.G6);
    // 2 %/h of 500 MB on top of the sawtooth
    b.put(Metric.MEMORY_MALLOCED, i -> 500_000 + 2000.0 * (i % 40) + 10_000.0 * i * 15 / 3600 + b.noise(1000));
    b.put(Metric.MEMORY_TOTAL, i -> 700_000);
    assertThat(run(b.build())).singleElement()
        .satisfies(x -> assertThat(x.subject()).isEqualTo("memory.malloced"));
  }

  @Test
  void loadFollowingHeapIsInfo() {
    int n = 800;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 5).era(Era.G6);
    double[] conns = new double[n];
    for (int i = 0; i < n; i++) {
      conns[i] = 10_000 + 20.0 * i + b.noise(300);
    }
    b.put(Metric.CONNS_CURRENT, i -> conns[i]);
    b.put(Metric.MEMORY_MALLOCED, i -> 300_000 + 10.0 * conns[i] + b.noise(2000));
    b.put(Metric.MEMORY_TOTAL, i -> 900_000);
    assertThat(run(b.build())).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void restartInTheMiddleJudgesOnlyTheLatestSegment() {
    int n = 800;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 6).era(Era.G6).restartAt(400);
    // first process leaked, the restarted one is flat
    b.put(Metric.MEMORY_MALLOCED, i -> i < 400 ? 500_000 + 100.0 * i : 400_000 + b.noise(500));
    b.put(Metric.MEMORY_TOTAL, i -> 700_000);
    assertThat(run(b.build())).isEmpty();
  }

  @Test
  void wrappedMallocedIsUnwrapped() {
    int n = 400;
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 8).era(Era.G6);
    // flat heap near 2 GiB that wraps back and forth would look like a collapse without unwrapping;
    // a true leak crossing 2 GiB must still be seen
    b.put(Metric.MEMORY_MALLOCED, i -> (2_000_000 + 500.0 * i) % MemoryGrowthDetector.MALLOC_WRAP_KIB);
    b.put(Metric.MEMORY_TOTAL, i -> 3_000_000);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.subject()).isEqualTo("memory.malloced");
      assertThat(x.evidence().endValue()).isGreaterThan(MemoryGrowthDetector.MALLOC_WRAP_KIB);
    });
  }

  /**
   * Idle time is not health: traffic only every other hour, heap growing 0.4 % of its level per
   * wall-clock hour (below the 0.5 %/h threshold) but 0.8 % per hour of work, flat while idle.
   */
  @Test
  void growthJudgedAgainstWorkDoneNotWallClock() {
    int n = 960; // 4 h at 15 s
    NodeBuilder b = new NodeBuilder("worker-1", 15, n, 9).era(Era.G6);
    double[] work = new double[n];
    double w = 0;
    for (int i = 0; i < n; i++) {
      if ((i / 240) % 2 == 0) {
        w += 100;
      }
      work[i] = w;
    }
    // 0.8 %/h of 1 GB while busy = 8000 KiB per busy hour = 8000 / 24000 KiB per connection
    b.put(Metric.CONNS_TOTAL, i -> work[i]);
    b.put(Metric.CONNS_CURRENT, i -> (i / 240) % 2 == 0 ? 5000 + b.noise(100) : 10);
    b.put(Metric.MEMORY_MALLOCED, i -> 1_000_000 + work[i] * 8000 / 24000 + b.noise(200));
    b.put(Metric.MEMORY_TOTAL, i -> 2_000_000);
    assertThat(run(b.build())).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.evidence().extra().get("per work")).contains("per 1000 connections");
    });
  }

  @Test
  void decelerationTellsSettlingFromSteadyGrowth() {
    long[] t = new long[61];
    double[] steady = new double[61];
    double[] settling = new double[61];
    for (int i = 0; i <= 60; i++) {
      t[i] = NodeBuilder.T0 + i * 60_000_000L;
      steady[i] = 1000 + 10.0 * i;
      settling[i] = 1000 + 600 * (1 - Math.exp(-i / 10.0));
    }
    assertThat(MemoryGrowthDetector.deceleration(new Window(t, steady))).isCloseTo(1.0, within(0.05));
    assertThat(MemoryGrowthDetector.deceleration(new Window(t, settling))).isLessThan(0.1);
  }
}
