package io.sparkconnect.testkit.scenarios.junit;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import io.sparkconnect.testkit.scenarios.ScenarioRunner;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenarios as JUnit 5 dynamic tests, one test per scenario, failing with the scenario's message. Return them from a
 * {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> smoke() {
 *   return ScenarioTests.acrossMatrix(Scenarios.ofKind(ScenarioKind.SMOKE), ScenarioSettings.shortRun());
 * }
 * }</pre>
 */
public final class ScenarioTests {
  private ScenarioTests() {}

  /** One test per scenario against the server at {@code connectionString}. */
  public static Stream<DynamicNode> against(String connectionString, List<Scenario> scenarios,
      ScenarioSettings settings) {
    return tests(() -> connectionString, scenarios, settings).stream();
  }

  /**
   * One container per server version in the test-kit matrix ({@code -Dspark.versions}), each with one test per
   * scenario against that version's shared embedded server; a server that cannot start fails its tests.
   */
  public static Stream<DynamicNode> acrossMatrix(List<Scenario> scenarios, ScenarioSettings settings) {
    List<DynamicNode> containers = new ArrayList<>();
    for (String version : SparkVersions.matrix()) {
      containers.add(DynamicContainer.dynamicContainer("spark " + version,
          tests(() -> SparkConnectServer.shared(version).connectionString(), scenarios, settings)));
    }
    return containers.stream();
  }

  private static List<DynamicNode> tests(Supplier<String> server, List<Scenario> scenarios,
      ScenarioSettings settings) {
    List<DynamicNode> tests = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      tests.add(DynamicTest.dynamicTest(scenario.name(), () -> {
        ScenarioResult result = ScenarioRunner.builder().connectionString(server.get()).settings(settings).build()
            .run(scenario);
        if (!result.passed()) {
          Assertions.fail(scenario.name() + " failed on " + result.serverVersion() + ": "
              + result.message().orElse("(no message)") + "\nmetrics: " + result.metrics());
        }
      }));
    }
    return tests;
  }
}
