package io.sparkconnect.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static String result(String benchmark, String mode, String params, double score, String secondary) {
    return """
        {"benchmark": "%s", "mode": "%s", "threads": 1, "params": {%s},
         "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ms/op",
           "scorePercentiles": {"50.0": %s, "99.0": %s}},
         "secondaryMetrics": {%s}}
        """.formatted(benchmark, mode, params, score, score, score * 2, secondary);
  }

  @Test
  void comparesEachFigureWithEachPeerAsARatio(@TempDir Path results) throws IOException {
    Path server = Files.createDirectories(results.resolve("spark-4.1.2"));
    Files.writeString(server.resolve("ours.json"), "[" + result("io.sparkconnect.benchmarks.QueryBenchmark"
        + ".selectOne", "sample", "", 8, "\"\u00b7cpu.per.op\": {\"score\": 1.5, \"scoreUnit\": \"ms/op\"}, "
        + "\"\u00b7cpu.jit.per.op\": {\"score\": 0.25, \"scoreUnit\": \"ms/op\"}") + ","
        + result("io.sparkconnect.benchmarks.LargeResultBenchmark.collect", "ss",
            "\"shape\": \"wide\", \"rows\": \"1000000\"", 500,
            "\"\u00b7gc.alloc.rate.norm\": {\"score\": 2.0E8, \"scoreUnit\": \"B/op\"}, "
            + "\"\u00b7heap.live\": {\"score\": 40.0, \"scoreUnit\": \"MiB\"}") + "]");
    Files.writeString(server.resolve("official.json"), "[" + result("io.sparkconnect.benchmarks.official"
        + ".QueryBenchmark.selectOne", "sample", "", 10, "\"\u00b7cpu.per.op\": {\"score\": 3.0, \"scoreUnit\": "
        + "\"ms/op\"}") + "]");
    Files.writeString(server.resolve("pyspark.json"), "[" + result("pyspark.LargeResultBenchmark.collect", "ss",
        "\"shape\": \"wide\", \"rows\": \"1000000\"", 2000,
        "\"\u00b7rss.peak\": {\"score\": 300, \"scoreUnit\": \"MiB\"}") + "]");
    Files.writeString(server.resolve("result-bytes.json"), "{\"wide\": {\"1000000\": 250000000}}");
    Path report = results.resolve("BENCHMARKS.md");

    ReportWriter.write(results, report, false, new AllocationCeilings(Map.of()));

    String text = Files.readString(report);
    assertTrue(text.contains("## Spark 4.1.2 server"), text);
    assertTrue(text.contains("Raw JMH JSON: `./`"), text);
    assertTrue(text.contains("| QueryBenchmark.selectOne | p50, ms | 8.00 | 10.0 | 0.80x | — | — |"), text);
    assertTrue(text.contains("|  | client CPU, ms/op | 1.50 | 3.00 | 0.50x | — | — |"), text);
    assertTrue(text.contains("|  | of it, the JIT's compiler threads, ms/op | 0.25 | — | — | — | — |"), text);
    assertTrue(text.contains("| LargeResultBenchmark.collect (rows=1000000, shape=wide) | time, ms | 500 | — | — "
        + "| 2,000 | 0.25x |"), text);
    assertTrue(text.contains("|  | rows/s | 2,000,000 | — | — | 500,000 | 4.00x |"), text);
    assertTrue(text.contains("|  | MB/s (the result's Arrow bytes) | 500 | — | — | 125 | 4.00x |"), text);
    assertTrue(text.contains("|  | allocated, B/row | 200 | — | — | — | — |"), text);
    assertTrue(text.contains("|  | heap peak (JVM) or RSS peak (Python), MiB | — | — | — | 300 | — |"), text);
    assertTrue(text.contains("|  | live heap (JVM: in use after a collection, highest), MiB | 40.0 | — | — | — | — |"),
        text);
  }

  @Test
  void checksTheTargetsAgainstTheNewestServerByVersionNotByName(@TempDir Path results) throws IOException {
    for (String version : new String[] {"4.9.0", "4.10.0"}) {
      Path server = Files.createDirectories(results.resolve("spark-" + version));
      double p50 = version.equals("4.10.0") ? 7 : 12;
      Files.writeString(server.resolve("ours.json"), "[" + result("io.sparkconnect.benchmarks.QueryBenchmark"
          + ".selectOne", "sample", "", p50, "\"\u00b7cpu.per.op\": {\"score\": 1.5, \"scoreUnit\": \"ms/op\"}")
          + "]");
      Files.writeString(server.resolve("official.json"), "[" + result("io.sparkconnect.benchmarks.official"
          + ".QueryBenchmark.selectOne", "sample", "", 10, "\"\u00b7cpu.per.op\": {\"score\": 2.5, "
          + "\"scoreUnit\": \"ms/op\"}") + "]");
    }
    Path report = results.resolve("BENCHMARKS.md");

    ReportWriter.write(results, report, false, new AllocationCeilings(Map.of()));

    assertTrue(Files.readString(report).contains("| `SELECT 1` p50 ÷ the official client's | 0.70x | 1.00x | met |"),
        Files.readString(report));
  }

  @Test
  void writesTheFootprintOfEachClientAndTheRatio(@TempDir Path results) throws IOException {
    Files.writeString(results.resolve("footprint.json"),
        "{\"ours\": {\"jars\": 53, \"bytes\": 21000000}, \"official\": {\"jars\": 52, \"bytes\": 84000000}}");
    Path report = results.resolve("BENCHMARKS.md");

    ReportWriter.write(results, report, false, new AllocationCeilings(Map.of()));

    String text = Files.readString(report);
    assertTrue(text.contains("| ours (`spark-connect-java-core`) | 53 | 21.0 | 0.25x |"), text);
    assertTrue(text.contains("with shims 4.1.1) | 52 | 84.0 |  |"), text);
  }

  @Test
  void checksEachTargetAndSaysByHowMuchOneIsMissed(@TempDir Path results) throws IOException {
    Path server = Files.createDirectories(results.resolve("spark-4.1.2"));
    Files.writeString(server.resolve("ours.json"), "[" + result("io.sparkconnect.benchmarks.QueryBenchmark"
        + ".selectOne", "sample", "", 8, "\"\u00b7cpu.per.op\": {\"score\": 1.5, \"scoreUnit\": \"ms/op\"}, "
        + "\"\u00b7cpu.jit.per.op\": {\"score\": 0.3, \"scoreUnit\": \"ms/op\"}") + "]");
    Files.writeString(server.resolve("official.json"), "[" + result("io.sparkconnect.benchmarks.official"
        + ".QueryBenchmark.selectOne", "sample", "", 10, "\"\u00b7cpu.per.op\": {\"score\": 2.5, \"scoreUnit\": "
        + "\"ms/op\"}, \"\u00b7cpu.jit.per.op\": {\"score\": 0.5, \"scoreUnit\": \"ms/op\"}") + "]");
    Files.writeString(results.resolve("footprint.json"),
        "{\"ours\": {\"jars\": 53, \"bytes\": 30000000}, \"official\": {\"jars\": 52, \"bytes\": 100000000}}");
    Path report = results.resolve("BENCHMARKS.md");

    ReportWriter.write(results, report, false, new AllocationCeilings(Map.of()));

    String text = Files.readString(report);
    assertTrue(text.contains("| `SELECT 1` p50 ÷ the official client's | 0.80x | 1.00x | met |"), text);
    assertTrue(text.contains("| `SELECT 1` client CPU per query, the JIT's compiler threads left out, ÷ the "
        + "official client's | 0.60x | 0.50x | missed by 20% |"), text);
    assertTrue(text.contains("| Runtime footprint (bytes) ÷ the official client's | 0.30x | 0.25x | missed by 20% |"),
        text);
    assertTrue(text.contains("| Wide iterator: live heap at its highest | — | 64.0 MiB | not measured in this run |"), text);
  }

  @Test
  void comparesTheFirstCollectInAFreshJvmWithTheWarmOneOfAsManyRows(@TempDir Path results) throws IOException {
    Path server = Files.createDirectories(results.resolve("spark-4.1.2"));
    Files.writeString(server.resolve("ours.json"), "["
        + result("io.sparkconnect.benchmarks.LargeResultBenchmark.collect", "ss",
            "\"shape\": \"wide\", \"rows\": \"1000000\"", 400, "") + ","
        + result("io.sparkconnect.benchmarks.LargeResultBenchmark.collect", "ss",
            "\"shape\": \"wide\", \"rows\": \"10000000\"", 5000, "") + "]");
    Files.writeString(server.resolve("first-collect.json"),
        "{\"rows\": 1000000, \"runs\": [{\"millis\": 1300}, {\"millis\": 900}, {\"millis\": 1000}]}");
    Path report = results.resolve("BENCHMARKS.md");

    ReportWriter.write(results, report, false, new AllocationCeilings(Map.of()));

    assertTrue(Files.readString(report).contains("| Wide `collect`: first in a fresh JVM ÷ warm | 2.50x | 2.00x | "
        + "missed by 25% |"), Files.readString(report));
  }
}
