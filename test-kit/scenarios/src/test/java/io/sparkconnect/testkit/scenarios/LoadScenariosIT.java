package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import io.sparkconnect.testkit.scenarios.junit.ScenarioTests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every load scenario in its short mode (2 seconds, 4 workers) against every server version in the matrix, then
 * pacing, thresholds and the operation budget on real servers: thresholds no server can meet fail naming their
 * option, generous ones pass.
 */
class LoadScenariosIT {
  @TestFactory
  Stream<DynamicNode> loadScenarios() {
    return ScenarioTests.acrossMatrix(Scenarios.ofKind(ScenarioKind.LOAD), ScenarioSettings.shortRun());
  }

  @SparkConnectTest
  void pacedClientsRunOnScheduleWithinGenerousThresholds(@ConnectionString String remote) {
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().concurrency(2).ratePerClient(2.5)
        .maxP95(Duration.ofMinutes(1)).minThroughput(0.5).build();
    ScenarioResult result = run(remote, settings, "sustained-rate").get(0);
    assertTrue(result.passed(), result::toString);
    Map<String, Object> m = result.metrics();
    assertEquals("open loop, 2.5/s per client, 5.0/s in total", m.get("pacing"));
    long operations = ((Number) m.get("operations")).longValue();
    assertTrue(operations >= 2 && operations <= 10, "2 clients at 2.5/s for 2 s are due 10 times, ran " + operations);
    for (String key : List.of("latencyAvgMillis", "latencyP50Millis", "latencyP95Millis", "latencyP99Millis",
        "latencyMaxMillis", "throughputPerSecond", "heapAfterGcPeakMiB")) {
      assertTrue(((Number) m.get(key)).doubleValue() > 0, key + " in " + m);
    }
    assertEquals(false, m.get("operationBudgetExhausted"));
  }

  @SparkConnectTest
  void thresholdsNoServerCanMeetFailNamingTheirOption(@ConnectionString String remote) {
    ScenarioSettings base = ScenarioSettings.shortRun().toBuilder().duration(Duration.ofSeconds(1)).build();
    for (ScenarioResult result : run(remote, base.toBuilder().maxP95(Duration.ofNanos(1000)).build(),
        "sustained-rate", "heavy-aggregation")) {
      assertFalse(result.passed(), result::toString);
      assertTrue(result.message().orElseThrow().startsWith("p95 latency ")
          && result.message().orElseThrow().contains("ms is over the 0.001 ms threshold; raise --max-p95"),
          result::toString);
    }
    ScenarioResult slow = run(remote, base.toBuilder().minThroughput(1_000_000).build(), "sustained-rate").get(0);
    assertFalse(slow.passed(), slow::toString);
    assertTrue(slow.message().orElseThrow().contains("under the minimum of 1000000.0/s (--min-throughput)"),
        slow::toString);
    ScenarioResult heavy = run(remote, base.toBuilder().maxHeapBytes(1).build(), "sustained-rate").get(0);
    assertFalse(heavy.passed(), heavy::toString);
    assertTrue(heavy.message().orElseThrow().contains("over the 1 bytes threshold; raise --max-heap"),
        heavy::toString);
  }

  @SparkConnectTest
  void aSpentOperationBudgetEndsTheRunAndSaysSo(@ConnectionString String remote) {
    ScenarioSettings settings = ScenarioSettings.shortRun().toBuilder().duration(Duration.ofMinutes(5))
        .maxOperations(3).build();
    ScenarioResult result = run(remote, settings, "concurrent-connections").get(0);
    assertTrue(result.passed(), result::toString);
    assertEquals(3, ((Number) result.metrics().get("operations")).intValue());
    assertEquals(true, result.metrics().get("operationBudgetExhausted"));
    assertTrue(result.duration().compareTo(Duration.ofMinutes(1)) < 0, result::toString);
    assertTrue(result.message().orElseThrow().startsWith("Note: the operation budget of 3 operations "
        + "(--max-operations) was spent after "), result::toString);
  }

  private static List<ScenarioResult> run(String remote, ScenarioSettings settings, String... scenarios) {
    return ScenarioRunner.builder().connectionString(remote).settings(settings).build()
        .run(Scenarios.select(ScenarioKind.LOAD, List.of(scenarios))).results();
  }
}
