package io.sparkconnect.testkit.scenarios.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's live heap over a long run: every interval it collects garbage and samples the heap still in use, then
 * reports the trend (least-squares slope in MiB per minute, and the mean of the first and last quarters of the run).
 * The trend rises too much when the last quarter's mean exceeds the first's by more than {@value #MIN_GROWTH_MIB} MiB
 * or half the first quarter's mean, whichever is larger: what a client keeping something per operation shows.
 */
final class HeapTrend {
  /** Growth, in MiB, from the first to the last quarter that is never called a rising trend. */
  static final double MIN_GROWTH_MIB = 64;
  /** Share of the first quarter's mean the live heap may grow by before the trend counts as rising. */
  static final double MAX_GROWTH_SHARE = 0.5;
  /** Fewest samples a trend is judged on. */
  static final int MIN_SAMPLES = 4;
  private static final double MIB = 1 << 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<double[]> samples = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private final long intervalMillis;
  private final Thread thread;

  private HeapTrend(Duration interval) {
    this.intervalMillis = Math.max(1, interval.toMillis());
    thread = new Thread(this::loop, "heap-trend-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling about {@code samples} times over {@code duration}, every 250 ms to 30 s. */
  static HeapTrend start(Duration duration, int samples) {
    long millis = Math.min(30_000, Math.max(250, duration.toMillis() / Math.max(1, samples)));
    HeapTrend trend = new HeapTrend(Duration.ofMillis(millis));
    trend.sample();
    trend.thread.start();
    return trend;
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private void sample() {
    System.gc();
    double minutes = (System.nanoTime() - startNanos) / 60e9;
    double mib = memory.getHeapMemoryUsage().getUsed() / MIB;
    synchronized (samples) {
      samples.add(new double[] {minutes, mib});
    }
  }

  /** Stops sampling, takes a last sample, and returns the trend. */
  Summary stop() throws InterruptedException {
    thread.interrupt();
    thread.join();
    sample();
    synchronized (samples) {
      return Summary.of(new ArrayList<>(samples));
    }
  }

  /** A heap trend: samples of {minutes since the start, live heap MiB}, and what they show. */
  record Summary(List<double[]> samples, double slopeMiBPerMinute, double firstQuarterMiB, double lastQuarterMiB,
      double peakMiB) {
    static Summary of(List<double[]> samples) {
      double end = samples.get(samples.size() - 1)[0];
      double first = mean(samples, 0, end / 4);
      double last = mean(samples, end * 3 / 4, end);
      double peak = samples.stream().mapToDouble(s -> s[1]).max().orElse(0);
      return new Summary(List.copyOf(samples), slope(samples), first, last, peak);
    }

    double growthMiB() {
      return lastQuarterMiB - firstQuarterMiB;
    }

    double allowedGrowthMiB() {
      return Math.max(MIN_GROWTH_MIB, MAX_GROWTH_SHARE * firstQuarterMiB);
    }

    /** Whether there are enough samples and the last quarter exceeds the first by more than is allowed. */
    boolean rising() {
      return samples.size() >= MIN_SAMPLES && growthMiB() > allowedGrowthMiB();
    }

    private static double mean(List<double[]> samples, double from, double to) {
      double sum = 0;
      int n = 0;
      for (double[] sample : samples) {
        if (sample[0] >= from && sample[0] <= to) {
          sum += sample[1];
          n++;
        }
      }
      return n == 0 ? samples.get(from == 0 ? 0 : samples.size() - 1)[1] : sum / n;
    }

    private static double slope(List<double[]> samples) {
      int n = samples.size();
      if (n < 2) {
        return 0;
      }
      double mx = samples.stream().mapToDouble(s -> s[0]).average().orElse(0);
      double my = samples.stream().mapToDouble(s -> s[1]).average().orElse(0);
      double num = 0;
      double den = 0;
      for (double[] s : samples) {
        num += (s[0] - mx) * (s[1] - my);
        den += (s[0] - mx) * (s[0] - mx);
      }
      return den == 0 ? 0 : num / den;
    }
  }
}
