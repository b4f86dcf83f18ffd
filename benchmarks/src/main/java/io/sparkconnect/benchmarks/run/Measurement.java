package io.sparkconnect.benchmarks.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * One result of one client as JMH's JSON holds it (PySpark's script writes the same shape): the benchmark as every
 * client names it ({@code QueryBenchmark.selectOne}), its parameters and threads, the primary score and the
 * secondary metrics by name without JMH's prefix ({@code gc.alloc.rate.norm}, {@code cpu.per.op}).
 */
record Measurement(String benchmark, String mode, int threads, Map<String, String> params, double score,
    double error, String unit, Map<String, Double> percentiles, Map<String, Metric> secondary) {

  /** A secondary metric's score and unit. */
  record Metric(double score, String unit) {}

  Measurement {
    params = new TreeMap<>(params);
    percentiles = Map.copyOf(percentiles);
    secondary = Map.copyOf(secondary);
  }

  /** The identity a result of another client must share to be compared with this one. */
  String key() {
    return benchmark + params + "@" + threads;
  }

  /** The secondary metric {@code name}, or NaN. */
  double metric(String name) {
    Metric metric = secondary.get(name);
    return metric == null ? Double.NaN : metric.score();
  }

  /** The percentile {@code p} (such as "50.0") of a sample-mode result, or NaN. */
  double percentile(String p) {
    return percentiles.getOrDefault(p, Double.NaN);
  }

  /** The parameter {@code name} as a number, or NaN. */
  double numericParam(String name) {
    String value = params.get(name);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }
}
