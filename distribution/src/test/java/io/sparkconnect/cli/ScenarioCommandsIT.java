package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code spark-connect smoke|e2e|load} as a user would and checks exit codes, output and the reports. */
class ScenarioCommandsIT {
  @TempDir
  Path reports;

  @SparkConnectTest
  void smokePassesPrintsASummaryAndWritesAReport(@ConnectionString String remote) throws Exception {
    Path dir = reports.resolve("smoke");
    CliProcess cli = CliProcess.run("smoke", "--remote", remote, "--report", dir.toString());
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.startsWith("SCENARIO"), cli::toString);
    assertTrue(cli.out.contains("13 of 13 scenarios passed"), cli::toString);
    assertTrue(cli.err.contains("[13/13] smoke.streaming"), cli::toString);
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    assertEquals(13, count(json, "\"status\":\"passed\""), json);
    assertTrue(json.contains("\"command\":\"smoke\""), json);
    assertTrue(json.contains("\"embedded\":false"), json);
    Optional<String> dom = render(dir.resolve("report.html"));
    dom.ifPresent(html -> {
      assertTrue(html.contains("data-rendered=\"true\""), html);
      assertEquals(13, count(html, "<tr data-scenario="), html);
      assertTrue(html.contains("13 of 13 scenarios passed"), html);
    });
  }

  @Test
  void loadReportsPercentilesAndPlotsThem() throws Exception {
    String remote = SparkConnectServer.shared(SparkVersions.matrix().get(SparkVersions.matrix().size() - 1))
        .connectionString();
    Path dir = reports.resolve("load");
    Path jfr = dir.resolve("load.jfr");
    CliProcess cli = CliProcess.run("load", "--remote", remote, "--scenario", "sustained-rate,concurrent-sessions",
        "--duration", "2s", "--warmup", "1s", "--concurrency", "3", "--report", dir.toString(), "--jfr",
        jfr.toString());
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("2 of 2 scenarios passed"), cli::toString);
    assertTrue(cli.out.matches("(?s).*load\\.sustained-rate .* passed .* ops/s, avg .* ms, p50 .* ms, p95 .* ms, "
        + "p99 .* ms, max .* ms, .*"), cli::toString);
    assertTrue(Files.size(jfr) > 0, "the flight recording is empty");
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    for (String key : new String[] {"latencyAvgMillis", "latencyP50Millis", "latencyP95Millis", "latencyP99Millis",
        "latencyMaxMillis", "maxP95Millis", "operationBudgetExhausted", "throughputPerSecond",
        "heapPeakMiB", "cpuAvgPercent", "latencyOverTime", "latencyHistogram", "throughput"}) {
      assertEquals(2, count(json, "\"" + key + "\":"), key + " in " + json);
    }
    assertEquals(2, count(json, "\"warmupOperations\":"), json);
    Matcher operations = Pattern.compile("\"operations\":(\\d+)").matcher(json);
    long totalOperations = 0;
    while (operations.find()) {
      assertTrue(Long.parseLong(operations.group(1)) >= 2, json);
      totalOperations += Long.parseLong(operations.group(1));
    }
    long plottedPoints = totalOperations;
    Optional<String> dom = render(dir.resolve("report.html"));
    dom.ifPresent(html -> {
      assertTrue(html.contains("data-rendered=\"true\""), html);
      for (String chart : new String[] {"latency-over-time", "latency-histogram", "throughput"}) {
        assertEquals(2, count(html, "data-chart=\"" + chart + "\""), chart);
      }
      assertEquals(plottedPoints, count(html, "<circle"), "one point per operation");
      assertTrue(count(html, "<rect") >= 4, "histogram and throughput bars are drawn");
    });
  }

  @Test
  void aMissedThresholdFailsTheScenarioAndASpentBudgetIsReported() throws Exception {
    String remote = SparkConnectServer.shared(SparkVersions.matrix().get(0)).connectionString();
    CliProcess missed = CliProcess.run("load", "--remote", remote, "--scenario", "sustained-rate", "--duration", "1s",
        "--rate", "20", "--max-p95", "1ms");
    assertEquals(1, missed.exitCode, missed::toString);
    assertTrue(missed.out.contains("0 of 1 scenarios passed"), missed::toString);
    assertTrue(missed.out.matches("(?s).*load\\.sustained-rate .*FAILED.*p95 latency [0-9.]+ ms is over the 1\\.0 ms "
        + "threshold; raise --max-p95.*"), missed::toString);

    Path dir = reports.resolve("budget");
    CliProcess budget = CliProcess.run("load", "--remote", remote, "--scenario", "concurrent-sessions", "--duration",
        "10m", "--concurrency", "2", "--max-operations", "4", "--rate-per-client", "50", "--min-throughput", "0.001",
        "--max-heap", "4g",
        "--report", dir.toString());
    assertEquals(0, budget.exitCode, budget::toString);
    assertTrue(budget.out.contains("load.concurrent-sessions (") && budget.out.contains("Note: the operation "
        + "budget of 4 operations (--max-operations) was spent after"), budget::toString);
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"operationBudgetExhausted\":true"), json);
    assertTrue(json.contains("\"pacing\":\"open loop, 50.0/s per client, 100.0/s in total\""), json);
    render(dir.resolve("report.html")).ifPresent(html -> {
      assertTrue(html.contains("data-budget-exhausted=\"true\""), html);
      assertTrue(html.contains("class=\"note\""), html);
    });

    CliProcess both = CliProcess.run("load", "--rate", "5", "--rate-per-client", "5", "--remote", "sc://localhost:1");
    assertEquals(2, both.exitCode, both::toString);
    assertTrue(both.err.contains("set only one"), both::toString);
  }

  @Test
  void e2eOnMissingDataFailsEveryScenarioWithExitCodeOne() throws Exception {
    String remote = SparkConnectServer.shared(SparkVersions.matrix().get(0)).connectionString();
    Path dir = reports.resolve("e2e-missing");
    String missing = reports.resolve("no-taxi-here").toString();
    CliProcess cli = CliProcess.run("e2e", "--remote", remote, "--data", missing, "--scenario",
        "full-table-aggregates,zone-join", "--report", dir.toString());
    assertEquals(1, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("0 of 2 scenarios passed"), cli::toString);
    assertTrue(cli.err.contains("FAILED") && cli.err.contains("no-taxi-here"), cli::toString);
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    assertEquals(2, count(json, "\"status\":\"failed\""), json);
    render(dir.resolve("report.html")).ifPresent(html -> {
      assertTrue(html.contains("data-rendered=\"true\""), html);
      assertEquals(2, count(html, "class=\"failure-message\""), html);
    });
  }

  @Test
  void e2eSubsetPassesOnAGeneratedDataset() throws Exception {
    String remote = SparkConnectServer.shared(SparkVersions.matrix().get(0)).connectionString();
    CliProcess cli = CliProcess.run("e2e", "--remote", remote, "--scale", "0.01", "--scenario",
        "dataset-integrity,grouping-sets");
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("2 of 2 scenarios passed"), cli::toString);
    assertTrue(cli.out.contains("trips=10000"), cli::toString);
  }

  @Test
  void smokeRunsOnEachEmbeddedServerVersionInTurn() throws Exception {
    Path dir = reports.resolve("matrix");
    CliProcess cli = CliProcess.run("smoke", "--spark", "3.5,4.1", "--scenario", "connect,basic-sql", "--report",
        dir.toString());
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("4 of 4 scenarios passed"), cli::toString);
    assertTrue(cli.out.matches("(?s).*smoke\\.connect +smoke +3\\.5\\.7 +passed"
        + ".*smoke\\.connect +smoke +4\\.1\\.2 +passed.*"), cli::toString);
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"serverVersion\":\"3.5.7, 4.1.2\""), json);
    assertTrue(json.contains("\"embedded\":true"), json);
    CliProcess sql = CliProcess.run("sql", "--spark", "3.5,4.1", "SELECT 1");
    assertEquals(2, sql.exitCode, sql::toString);
  }

  @Test
  void listsScenariosWithoutAServer() throws Exception {
    CliProcess cli = CliProcess.run("load", "--list");
    assertEquals(0, cli.exitCode, cli::toString);
    assertEquals(8, count(cli.out, "load."), cli::toString);
    assertTrue(cli.out.contains("load.memory-stress"), cli::toString);
  }

  @Test
  void rejectsUnknownScenariosAndBadDurationsAsUsageErrors() throws Exception {
    CliProcess unknown = CliProcess.run("smoke", "--scenario", "nope");
    assertEquals(2, unknown.exitCode, unknown::toString);
    assertTrue(unknown.err.contains("'nope'") && unknown.err.contains("basic-sql"), unknown::toString);
    CliProcess duration = CliProcess.run("load", "--duration", "5x", "--remote", "sc://localhost:1");
    assertEquals(2, duration.exitCode, duration::toString);
    assertTrue(duration.err.contains("30s, 5m"), duration::toString);
    CliProcess concurrency = CliProcess.run("load", "--concurrency", "0", "--remote", "sc://localhost:1");
    assertEquals(2, concurrency.exitCode, concurrency::toString);
    assertTrue(concurrency.err.contains("concurrency must be between 1 and 256"), concurrency::toString);
  }

  @Test
  void unreachableServerFailsEveryScenarioQuickly() throws Exception {
    CliProcess cli = CliProcess.run("smoke", "--remote", "sc://127.0.0.1:1", "--scenario", "connect,join");
    assertEquals(1, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("0 of 2 scenarios passed"), cli::toString);
    assertTrue(cli.err.contains("Could not reach the server"), cli::toString);
    assertFalse(cli.err.contains("Exception in thread"), cli::toString);
  }

  private static Optional<String> render(Path html) throws Exception {
    Optional<Path> chromium = HeadlessChromium.executable();
    return chromium.isPresent() ? Optional.of(HeadlessChromium.dumpDom(chromium.get(), html)) : Optional.empty();
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }
}
