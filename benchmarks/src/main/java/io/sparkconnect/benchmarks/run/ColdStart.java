package io.sparkconnect.benchmarks.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start as a user meets it: a whole process that connects, runs {@code SELECT 1} and exits, measured by
 * {@code /usr/bin/time} (wall, user+system CPU, peak RSS) over repeated runs after one unmeasured first run, the
 * clients taking turns each round.
 */
final class ColdStart {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String TIME = "/usr/bin/time";

  private final Map<String, List<String>> commands = new LinkedHashMap<>();
  private final Path directory;

  ColdStart(Path directory) {
    this.directory = directory;
  }

  /** Adds a client's command; {@code {remote}} in it is replaced by the server's address. */
  ColdStart add(String name, List<String> command) {
    commands.put(name, List.copyOf(command));
    return this;
  }

  /** Whether {@code /usr/bin/time} is here to measure with. */
  static boolean available() {
    return Files.isExecutable(Path.of(TIME));
  }

  /** Runs every command {@code runs} times against {@code remote} and writes each run's figures to {@code result}. */
  void run(String remote, int runs, Path result, Path logs) {
    ObjectMapper json = new ObjectMapper();
    Map<String, ArrayNode> measured = new LinkedHashMap<>();
    commands.keySet().forEach(name -> measured.put(name, json.createArrayNode()));
    // One unmeasured run each first: the files are then in the page cache for every client alike, Python has
    // compiled its modules and the tool has written its class-data archive, as after any first use.
    for (Map.Entry<String, List<String>> client : commands.entrySet()) {
      Processes.run(against(client.getValue(), remote), directory, logs.resolve("cold-start-" + client.getKey() + "-first.log"), TIMEOUT);
    }
    for (int round = 0; round < runs; round++) {
      for (Map.Entry<String, List<String>> client : commands.entrySet()) {
        Path times = logs.resolve("cold-start-" + client.getKey() + "-" + round + ".time");
        List<String> command = new ArrayList<>(List.of(TIME, "-f", "%e %U %S %M", "-o", times.toString()));
        command.addAll(against(client.getValue(), remote));
        Processes.run(command, directory, logs.resolve("cold-start-" + client.getKey() + "-" + round + ".log"),
            TIMEOUT);
        measured.get(client.getKey()).add(parse(json, times));
      }
    }
    ObjectNode root = json.createObjectNode();
    measured.forEach(root::set);
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(result.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client's command with the server's address in place of {@code {remote}}. */
  private static List<String> against(List<String> command, String remote) {
    return command.stream().map(part -> part.replace("{remote}", remote)).toList();
  }

  private static ObjectNode parse(ObjectMapper json, Path times) {
    try {
      List<String> lines = Files.readAllLines(times);
      String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
      ObjectNode run = json.createObjectNode();
      run.put("wallSeconds", Double.parseDouble(fields[0]));
      run.put("cpuSeconds", Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]));
      run.put("peakRssMiB", Long.parseLong(fields[3]) / 1024.0);
      return run;
    } catch (IOException | RuntimeException e) {
      throw new BenchmarkRunException("Cannot read the times in " + times + ": " + e.getMessage(), e);
    }
  }
}
