package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.testkit.scenarios.junit.ScenarioTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every load scenario in its short mode (2 seconds, 4 workers) against every server version in the matrix. */
class LoadScenariosIT {
  @TestFactory
  Stream<DynamicNode> loadScenarios() {
    return ScenarioTests.acrossMatrix(Scenarios.ofKind(ScenarioKind.LOAD), ScenarioSettings.shortRun());
  }
}
