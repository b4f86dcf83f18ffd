package io.sparkconnect.benchmarks.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The committed ceilings of bytes allocated per row when decoding each type (DecodeBenchmark with {@code -prof
 * gc}): allocation is stable on shared machines where timings are not, so CI fails when a change raises it.
 */
final class AllocationCeilings {
  static final String BENCHMARK = "DecodeBenchmark.decode";
  static final String METRIC = "gc.alloc.rate.norm";

  private final Map<String, Double> bytesPerRow;

  AllocationCeilings(Map<String, Double> bytesPerRow) {
    this.bytesPerRow = new TreeMap<>(bytesPerRow);
  }

  /** The ceilings in {@code file}: one {@code <type>=<bytes per row>} line per decoded type. */
  static AllocationCeilings load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot read the allocation ceilings " + file + ": " + e.getMessage(), e);
    }
    Map<String, Double> ceilings = new TreeMap<>();
    for (String type : properties.stringPropertyNames()) {
      try {
        ceilings.put(type, Double.parseDouble(properties.getProperty(type).trim()));
      } catch (NumberFormatException e) {
        throw new BenchmarkRunException("The allocation ceiling of " + type + " in " + file + " is not a number: "
            + properties.getProperty(type), e);
      }
    }
    return new AllocationCeilings(ceilings);
  }

  /** Bytes per row of {@code result}, a DecodeBenchmark result, or NaN when it has no allocation figure. */
  static double bytesPerRow(Measurement result) {
    return result.metric(METRIC) / result.numericParam("rows");
  }

  /** One line per type over its ceiling or without a result; empty when every type holds. */
  List<String> check(List<Measurement> results) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Double> ceiling : bytesPerRow.entrySet()) {
      Measurement result = results.stream()
          .filter(r -> r.benchmark().equals(BENCHMARK) && ceiling.getKey().equals(r.params().get("type")))
          .findFirst()
          .orElse(null);
      if (result == null || Double.isNaN(bytesPerRow(result))) {
        problems.add(ceiling.getKey() + ": no allocation figure measured (run " + BENCHMARK + " with -prof gc)");
      } else if (bytesPerRow(result) > ceiling.getValue()) {
        problems.add(String.format("%s: %.1f bytes per row decoded, over the ceiling of %.1f; find the new "
            + "allocation (-prof gc, JFR) or, if it is intended, raise the ceiling in "
            + "benchmarks/allocation-ceilings.properties", ceiling.getKey(), bytesPerRow(result), ceiling.getValue()));
      }
    }
    return problems;
  }

  /** The ceiling of {@code type}, or NaN. */
  double ceiling(String type) {
    return bytesPerRow.getOrDefault(type, Double.NaN);
  }
}
