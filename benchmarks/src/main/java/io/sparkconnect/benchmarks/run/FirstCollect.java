package io.sparkconnect.benchmarks.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkconnect.benchmarks.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The first {@code collect()} of the wide result in fresh JVMs of our client, over repeated runs: each process
 * connects, then times its first collect, which the targets compare with the warm collect of the same rows.
 */
final class FirstCollect {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final String PREFIX = "first collect ms ";

  private FirstCollect() {}

  /** Runs the first collect of {@code rows} wide rows {@code runs} times and writes the times to {@code result}. */
  static void run(Path root, String remote, long rows, int runs, Path result, Path logs) {
    List<String> command = List.of(BenchmarkRun.java(), "-cp", Peers.libraryClasspath(root),
        "io.sparkconnect.benchmarks.coldstart.FirstCollect", remote, Long.toString(rows),
        Workloads.query("wide", rows));
    ObjectMapper json = new ObjectMapper();
    ArrayNode runTimes = json.createArrayNode();
    for (int run = 0; run < runs; run++) {
      Path log = logs.resolve("first-collect-" + run + ".log");
      Processes.run(command, root, log, TIMEOUT);
      runTimes.addObject().put("millis", parse(log));
    }
    ObjectNode measured = json.createObjectNode().put("rows", rows);
    measured.set("runs", runTimes);
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(result.toFile(), measured);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double parse(Path log) {
    try {
      return Files.readAllLines(log).stream().filter(line -> line.startsWith(PREFIX))
          .mapToDouble(line -> Double.parseDouble(line.substring(PREFIX.length()).trim())).findFirst()
          .orElseThrow(() -> new BenchmarkRunException("No time of the first collect in " + log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
