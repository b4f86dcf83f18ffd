package io.sparkconnect.testkit.scenarios;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The timed operations of a load scenario: when each started, how long it took and whether it succeeded, with the
 * successful latencies in an HDR histogram (three significant digits) for the average and percentiles. Safe for
 * concurrent workers; holds at most {@value #MAX_RECORDED} operations, the bound of a load scenario's count.
 */
public final class OperationTimings {
  /** The most operations one scenario records. */
  public static final int MAX_RECORDED = 20_000_000;
  /** Significant decimal digits the latency histogram keeps: values are exact to 0.1%. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private long originNanos;
  private long[] starts = new long[1024];
  private long[] latencies = new long[1024];
  private boolean[] succeeded = new boolean[1024];
  private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
  private int size;

  public OperationTimings(long originNanos) {
    this.originNanos = originNanos;
  }

  /**
   * Measures offsets from this {@link System#nanoTime()} reading instead, as when a warm-up ends.
   *
   * @throws IllegalStateException once operations were recorded
   */
  public synchronized void restartAt(long originNanos) {
    if (size > 0) {
      throw new IllegalStateException("Operations were already recorded from the earlier origin");
    }
    this.originNanos = originNanos;
  }

  /** Records one operation from {@link System#nanoTime()} readings. */
  public synchronized void record(long startNanos, long endNanos, boolean ok) {
    if (size == MAX_RECORDED) {
      throw new IllegalStateException("A scenario may record at most " + MAX_RECORDED + " operations");
    }
    if (size == starts.length) {
      int grown = Math.min(MAX_RECORDED, size * 2);
      starts = Arrays.copyOf(starts, grown);
      latencies = Arrays.copyOf(latencies, grown);
      succeeded = Arrays.copyOf(succeeded, grown);
    }
    starts[size] = startNanos - originNanos;
    latencies[size] = endNanos - startNanos;
    succeeded[size] = ok;
    size++;
    if (ok) {
      histogram.recordValue(Math.max(0, endNanos - startNanos));
    }
  }

  /** A consistent copy of what has been recorded so far. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(Arrays.copyOf(starts, size), Arrays.copyOf(latencies, size), Arrays.copyOf(succeeded, size),
        histogram.copy());
  }

  /** Recorded operations at one moment: offsets from the scenario start and latencies, in nanoseconds. */
  public static final class Snapshot {
    private final long[] starts;
    private final long[] latencies;
    private final boolean[] succeeded;
    private final Histogram histogram;

    Snapshot(long[] starts, long[] latencies, boolean[] succeeded, Histogram histogram) {
      this.starts = starts;
      this.latencies = latencies;
      this.succeeded = succeeded;
      this.histogram = histogram;
    }

    public int size() {
      return starts.length;
    }

    public long startNanos(int index) {
      return starts[index];
    }

    public long latencyNanos(int index) {
      return latencies[index];
    }

    public boolean succeeded(int index) {
      return succeeded[index];
    }

    public long errors() {
      return size() - histogram.getTotalCount();
    }

    /**
     * The latency at quantile {@code q} (0 to 1) of the successful operations from the HDR histogram, exact to
     * 0.1%; 0 when there are none.
     */
    public long latencyQuantileNanos(double q) {
      if (histogram.getTotalCount() == 0) {
        return 0;
      }
      return q >= 1 ? histogram.getMaxValue() : histogram.getValueAtPercentile(q * 100);
    }

    /** The average latency of the successful operations; 0 when there are none. */
    public double latencyMeanNanos() {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getMean();
    }
  }
}
