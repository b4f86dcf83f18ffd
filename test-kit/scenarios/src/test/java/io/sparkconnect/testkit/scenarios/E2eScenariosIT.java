package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.testkit.scenarios.junit.ScenarioTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every E2E scenario against every server version in the matrix, on a 10,000-trip generated dataset. */
class E2eScenariosIT {
  @TestFactory
  Stream<DynamicNode> e2eScenarios() {
    return ScenarioTests.acrossMatrix(Scenarios.ofKind(ScenarioKind.E2E), ScenarioSettings.shortRun());
  }
}
