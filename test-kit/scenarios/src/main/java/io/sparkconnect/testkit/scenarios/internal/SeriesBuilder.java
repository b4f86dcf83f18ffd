package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioSeries;
import java.util.ArrayList;
import java.util.List;

/** Turns recorded operations into the plotted series of a report: sampled points, a histogram and per-second rates. */
public final class SeriesBuilder {
  private static final int HISTOGRAM_BINS = 40;
  private static final double NANOS_PER_MILLI = 1e6;

  private SeriesBuilder() {}

  public static ScenarioSeries of(OperationTimings.Snapshot ops) {
    return new ScenarioSeries(points(ops), histogram(ops), throughput(ops));
  }

  private static List<double[]> points(OperationTimings.Snapshot ops) {
    int n = ops.size();
    int stride = Math.max(1, (n + ScenarioSeries.MAX_POINTS - 1) / ScenarioSeries.MAX_POINTS);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < n; i += stride) {
      points.add(new double[] {millis(ops.startNanos(i)), millis(ops.latencyNanos(i)), ops.succeeded(i) ? 1 : 0});
    }
    return points;
  }

  /** Equal-width bins up to the 99.9th percentile; slower operations fall into the last bin. */
  private static List<double[]> histogram(OperationTimings.Snapshot ops) {
    List<double[]> bins = new ArrayList<>();
    if (ops.size() == 0) {
      return bins;
    }
    double top = Math.max(millis(ops.latencyQuantileNanos(0.999)), 0.001);
    double width = top / HISTOGRAM_BINS;
    long[] counts = new long[HISTOGRAM_BINS];
    double max = 0;
    for (int i = 0; i < ops.size(); i++) {
      double latency = millis(ops.latencyNanos(i));
      max = Math.max(max, latency);
      counts[Math.min(HISTOGRAM_BINS - 1, (int) (latency / width))]++;
    }
    for (int b = 0; b < HISTOGRAM_BINS; b++) {
      double upper = b == HISTOGRAM_BINS - 1 ? Math.max(top, max) : (b + 1) * width;
      bins.add(new double[] {round(b * width), round(upper), counts[b]});
    }
    return bins;
  }

  private static List<long[]> throughput(OperationTimings.Snapshot ops) {
    int seconds = 0;
    for (int i = 0; i < ops.size(); i++) {
      seconds = Math.max(seconds, second(ops, i) + 1);
    }
    long[] completed = new long[seconds];
    long[] errors = new long[seconds];
    for (int i = 0; i < ops.size(); i++) {
      int s = second(ops, i);
      if (ops.succeeded(i)) {
        completed[s]++;
      } else {
        errors[s]++;
      }
    }
    List<long[]> out = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      out.add(new long[] {s, completed[s], errors[s]});
    }
    return out;
  }

  private static int second(OperationTimings.Snapshot ops, int i) {
    return (int) ((ops.startNanos(i) + ops.latencyNanos(i)) / 1_000_000_000L);
  }

  private static double millis(long nanos) {
    return round(nanos / NANOS_PER_MILLI);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
