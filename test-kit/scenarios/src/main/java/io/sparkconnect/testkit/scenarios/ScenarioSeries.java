package io.sparkconnect.testkit.scenarios;

import java.util.List;

/**
 * The plotted data of a load scenario: latency over time (a sample of at most {@value #MAX_POINTS} operations), a
 * latency histogram, and completed operations and errors per second.
 */
public final class ScenarioSeries {
  /** The most latency-over-time points kept for a report. */
  public static final int MAX_POINTS = 2000;

  private final List<double[]> latencyOverTime;
  private final List<double[]> latencyHistogram;
  private final List<long[]> throughput;

  /**
   * @param latencyOverTime points of {offset ms, latency ms, 1 if ok else 0}
   * @param latencyHistogram bins of {lower ms, upper ms, count}
   * @param throughput seconds of {second, completed, errors}
   */
  public ScenarioSeries(List<double[]> latencyOverTime, List<double[]> latencyHistogram, List<long[]> throughput) {
    this.latencyOverTime = List.copyOf(latencyOverTime);
    this.latencyHistogram = List.copyOf(latencyHistogram);
    this.throughput = List.copyOf(throughput);
  }

  public List<double[]> latencyOverTime() {
    return latencyOverTime;
  }

  public List<double[]> latencyHistogram() {
    return latencyHistogram;
  }

  public List<long[]> throughput() {
    return throughput;
  }
}
