package io.sparkconnect.benchmarks.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads and files JMH-shaped JSON results: one file per client and server, merged from one file per suite. */
final class Results {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "\u00b7";

  private Results() {}

  /**
   * Removes what an earlier run left in {@code results} (its servers' results, the client-only results and the
   * logs), and creates the directory.
   */
  static void clear(Path results) {
    try {
      directory(results);
      try (Stream<Path> entries = Files.list(results)) {
        for (Path entry : entries.toList()) {
          String name = entry.getFileName().toString();
          if (name.startsWith("spark-") || name.equals("logs") || name.equals("client-only.json")) {
            delete(entry);
          }
        }
      }
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot clear " + results + ": " + e.getMessage(), e);
    }
  }

  /** Creates {@code dir} if missing, and returns it. */
  static Path directory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  /** Merges {@code parts/<client>-<suite>.json} into {@code <dir>/<client>.json}, one array per client. */
  static void merge(Path parts, Path dir) {
    Map<String, ArrayNode> byClient = new TreeMap<>();
    try (Stream<Path> files = Files.list(parts)) {
      for (Path part : files.sorted().toList()) {
        String name = part.getFileName().toString();
        String client = name.substring(0, name.indexOf('-'));
        ArrayNode merged = byClient.computeIfAbsent(client, c -> JSON.createArrayNode());
        JSON.readTree(part.toFile()).forEach(merged::add);
      }
      for (Map.Entry<String, ArrayNode> client : byClient.entrySet()) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(client.getKey() + ".json").toFile(),
            client.getValue());
      }
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot merge the results in " + parts + ": " + e.getMessage(), e);
    }
  }

  /** The results in {@code file}, or none when it does not exist. */
  static List<Measurement> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<Measurement> measurements = new ArrayList<>();
      for (JsonNode result : JSON.readTree(file.toFile())) {
        measurements.add(measurement(result));
      }
      return measurements;
    } catch (IOException | RuntimeException e) {
      throw new BenchmarkRunException("Cannot read the results in " + file + ": " + e.getMessage(), e);
    }
  }

  private static Measurement measurement(JsonNode result) {
    String[] name = result.path("benchmark").asText().split("\\.");
    if (name.length < 2) {
      throw new IllegalArgumentException("a result's benchmark is not Class.method: " + result.path("benchmark"));
    }
    Map<String, String> params = new HashMap<>();
    result.path("params").fields().forEachRemaining(param -> params.put(param.getKey(), param.getValue().asText()));
    JsonNode primary = result.path("primaryMetric");
    Map<String, Double> percentiles = new HashMap<>();
    primary.path("scorePercentiles").fields()
        .forEachRemaining(p -> percentiles.put(p.getKey(), p.getValue().asDouble()));
    Map<String, Measurement.Metric> secondary = new HashMap<>();
    result.path("secondaryMetrics").fields().forEachRemaining(metric -> secondary.put(
        metric.getKey().startsWith(PREFIX) ? metric.getKey().substring(PREFIX.length()) : metric.getKey(),
        new Measurement.Metric(metric.getValue().path("score").asDouble(Double.NaN),
            metric.getValue().path("scoreUnit").asText())));
    return new Measurement(name[name.length - 2] + "." + name[name.length - 1], result.path("mode").asText(),
        result.path("threads").asInt(1), params, primary.path("score").asDouble(Double.NaN),
        primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(), percentiles,
        secondary);
  }
}
