package io.sparkconnect.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * CI's short run of the benchmarks, so they cannot rot: every suite of our client against real 4.1 and 3.5
 * servers and the client-only suites, one short iteration each, the report written (MB/s from the counted bytes of
 * each large result) and the decode allocation held under the committed ceilings (the run's exit code), and the
 * first collect timed in three fresh JVMs.
 */
class BenchmarkRunIT {
  @Test
  void shortRunMeasuresEverySuiteAndHoldsTheAllocationCeilings() throws Exception {
    Path out = Path.of("target", "benchmarks-short");
    Path report = out.resolve("BENCHMARKS.md");

    int exit = new CommandLine(new BenchmarkRun()).execute("--short", "--no-peers", "--spark", "4.1,3.5",
        "--cold-start-runs", "0", "--first-collect-runs", "3", "--project-dir", "..", "--out", out.toString(),
        "--report", report.toString());

    assertEquals(0, exit, "the run failed or an allocation ceiling was exceeded; see the output above and "
        + out.resolve("logs"));
    String text = Files.readString(report);
    for (String server : List.of("## Spark 4.1.2 server", "## Spark 3.5.7 server")) {
      assertTrue(text.contains(server), text);
      String section = text.substring(text.indexOf(server)).split("\n## ")[0];
      for (String suite : BenchmarkRun.OURS) {
        assertTrue(section.contains("| " + suite + " "), suite + " missing from " + server + ":\n" + text);
      }
    }
    JsonNode firstCollect = new ObjectMapper().readTree(out.resolve("spark-4.1.2/first-collect.json").toFile());
    assertEquals(100000, firstCollect.path("rows").asLong());
    assertEquals(3, firstCollect.path("runs").size(), firstCollect.toString());
    firstCollect.path("runs").forEach(run -> assertTrue(run.path("millis").asDouble() > 0, firstCollect.toString()));
    for (String version : List.of("4.1.2", "3.5.7")) {
      ResultBytes bytes = ResultBytes.read(out.resolve("spark-" + version + "/result-bytes.json"));
      for (String shape : ResultBytes.SHAPES) {
        // at least the 8-byte id column of every row
        assertTrue(bytes.of(shape, 100000) > 8 * 100000, shape + " on " + version + ": " + bytes.of(shape, 100000));
      }
    }
    assertTrue(text.contains("|  | MB/s (the result's Arrow bytes) | "), text);
    List<Measurement> decoded = Results.read(out.resolve("client-only.json")).stream()
        .filter(r -> r.benchmark().equals(AllocationCeilings.BENCHMARK)).toList();
    assertEquals(10, decoded.size());
    decoded.forEach(r -> assertFalse(Double.isNaN(AllocationCeilings.bytesPerRow(r)), r.toString()));
  }
}
