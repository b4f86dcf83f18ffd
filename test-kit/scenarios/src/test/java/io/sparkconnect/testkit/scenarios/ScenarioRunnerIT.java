package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real servers: passing, failing and throwing scenarios, listeners, and the written report. */
class ScenarioRunnerIT {
  private static final Scenario PASSES = Scenario.of(ScenarioKind.SMOKE, "passes", "Counts ten rows and records it.",
      context -> {
        context.metric("rows", context.session().range(10).count());
        Check.equal("rows", 10L, context.session().range(10).count());
      });
  private static final Scenario CHECK_FAILS = Scenario.of(ScenarioKind.SMOKE, "check-fails",
      "Expects eleven rows from a ten-row range.", context ->
          Check.equal("rows of range(10)", 11L, context.session().range(10).count()));
  private static final Scenario SERVER_REJECTS = Scenario.of(ScenarioKind.E2E, "server-rejects",
      "Queries a table that does not exist.", context -> context.session().table("no_such_table_here").collect());

  @TempDir
  Path reports;

  @SparkConnectTest
  void reportsEachScenarioWithItsOwnOutcome(@ConnectionString String remote) throws Exception {
    List<String> events = new ArrayList<>();
    RunReport report = ScenarioRunner.builder().connectionString(remote).command("custom")
        .listener(new ScenarioListener() {
          @Override
          public void started(Scenario scenario, int index, int total) {
            events.add("start " + scenario.name() + " " + index + "/" + total);
          }

          @Override
          public void finished(ScenarioResult result, int index, int total) {
            events.add("end " + result.name() + " " + result.status());
          }
        })
        .build().run(List.of(PASSES, CHECK_FAILS, SERVER_REJECTS));
    assertEquals(List.of("start smoke.passes 1/3", "end smoke.passes PASSED", "start smoke.check-fails 2/3",
        "end smoke.check-fails FAILED", "start e2e.server-rejects 3/3", "end e2e.server-rejects FAILED"), events);
    assertFalse(report.passed());
    assertEquals(1, report.passedCount());
    ScenarioResult passed = report.results().get(0);
    assertEquals(java.util.Map.of("rows", 10L), passed.metrics(), "smoke scenarios record only their own metrics");
    assertTrue(report.results().get(2).metrics().containsKey("heapPeakMiB"), "E2E scenarios sample the client");
    assertEquals("rows of range(10): expected 11 but was 10", report.results().get(1).message().orElseThrow());
    String rejected = report.results().get(2).message().orElseThrow();
    assertTrue(rejected.startsWith(AnalysisException.class.getSimpleName() + ": ")
        && rejected.contains("no_such_table_here"), rejected);

    Path html = ReportWriter.write(report, reports);
    String json = Files.readString(reports.resolve(ReportWriter.JSON_FILE), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"summary\":{\"total\":3,\"passed\":1,\"failed\":2}"), json);
    assertTrue(json.contains("\"name\":\"smoke.check-fails\",\"kind\":\"smoke\""), json);
    assertTrue(json.contains("\"serverVersion\":\"" + report.serverVersion() + "\""), json);
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains(json), "the HTML report embeds report.json");
    assertFalse(page.contains("/*REPORT_JSON*/"), "the placeholder is filled");
  }

  @Test
  void anUnreachableServerFailsEveryScenarioWithTheReason() {
    long start = System.nanoTime();
    RunReport report = ScenarioRunner.builder().connectionString("sc://127.0.0.1:1").build()
        .run(List.of(PASSES, CHECK_FAILS));
    assertTrue((System.nanoTime() - start) / 1e9 < 30, "gives up within the short retry budget");
    assertEquals("unknown", report.serverVersion());
    for (ScenarioResult result : report.results()) {
      assertEquals(ScenarioStatus.FAILED, result.status());
      assertTrue(result.message().orElseThrow().startsWith("Could not reach the server at sc://127.0.0.1:1"),
          result.message().orElseThrow());
    }
  }
}
