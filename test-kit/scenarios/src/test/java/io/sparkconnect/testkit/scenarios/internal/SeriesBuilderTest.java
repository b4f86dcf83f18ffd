package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesBuilderTest {
  private static final long MS = 1_000_000;

  /** Operations i = 1..100 starting at i*20 ms and taking i ms; every tenth one fails. */
  private static OperationTimings.Snapshot hundredOperations() {
    OperationTimings timings = new OperationTimings(0);
    for (int i = 1; i <= 100; i++) {
      timings.record(i * 20 * MS, i * 20 * MS + i * MS, i % 10 != 0);
    }
    return timings.snapshot();
  }

  @Test
  void percentilesAndTheAverageComeFromAnHdrHistogramOfSuccessfulOperations() {
    OperationTimings.Snapshot ops = hundredOperations();
    assertEquals(10, ops.errors());
    assertEquals(49 * MS, ops.latencyQuantileNanos(0.5), 49 * MS / 1000.0, "the 45th of 90 successes, to 0.1%");
    assertEquals(99 * MS, ops.latencyQuantileNanos(0.99), 99 * MS / 1000.0);
    assertEquals(99 * MS, ops.latencyQuantileNanos(1.0), 99 * MS / 1000.0);
    assertEquals(1 * MS, ops.latencyQuantileNanos(0.0), 1 * MS / 1000.0);
    assertEquals(50 * MS, ops.latencyMeanNanos(), 50 * MS / 1000.0, "the mean of 1..99 ms without the tens");
  }

  @Test
  void histogramCountsEveryOperationOnce() {
    ScenarioSeries series = SeriesBuilder.of(hundredOperations());
    List<double[]> bins = series.latencyHistogram();
    assertEquals(40, bins.size());
    assertEquals(100, bins.stream().mapToDouble(b -> b[2]).sum());
    assertEquals(0, bins.get(0)[0]);
    assertEquals(100, bins.get(39)[1], "the last bin reaches the slowest operation");
  }

  @Test
  void throughputCountsCompletionsAndErrorsPerSecond() {
    List<long[]> seconds = SeriesBuilder.of(hundredOperations()).throughput();
    assertEquals(3, seconds.size(), "completions run to 2.1 s");
    assertEquals(100, seconds.stream().mapToLong(s -> s[1] + s[2]).sum());
    assertEquals(10, seconds.stream().mapToLong(s -> s[2]).sum());
    assertArrayEquals(new long[] {0, 43, 4}, seconds.get(0), "operations 1..47 finish within the first second");
  }

  @Test
  void latencyOverTimeIsSampledToAtMostTwoThousandPoints() {
    OperationTimings timings = new OperationTimings(0);
    for (int i = 0; i < 5001; i++) {
      timings.record(i * MS, i * MS + MS, true);
    }
    List<double[]> points = SeriesBuilder.of(timings.snapshot()).latencyOverTime();
    assertEquals(1667, points.size());
    assertArrayEquals(new double[] {3, 1, 1}, points.get(1));
  }
}
