package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns scenarios into JUnit dynamic tests: one container per server version in the matrix, one test per scenario,
 * each run through {@link ScenarioRunner} against the shared real server and failing with the scenario's message.
 */
final class ScenarioMatrix {
  private ScenarioMatrix() {}

  static Stream<DynamicNode> tests(List<Scenario> scenarios, ScenarioSettings settings) {
    List<DynamicNode> containers = new ArrayList<>();
    for (String version : SparkVersions.matrix()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        tests.add(DynamicTest.dynamicTest(scenario.name(), () -> {
          SparkConnectServer server = SparkConnectServer.shared(version);
          ScenarioResult result = ScenarioRunner.builder().connectionString(server.connectionString())
              .settings(settings).build().run(scenario);
          assertTrue(result.passed(), () -> scenario.name() + " failed on " + version + ": "
              + result.message().orElse("") + "\nmetrics: " + result.metrics());
          assertEquals(version, result.serverVersion());
        }));
      }
      containers.add(DynamicContainer.dynamicContainer("spark " + version, tests));
    }
    return containers.stream();
  }
}
