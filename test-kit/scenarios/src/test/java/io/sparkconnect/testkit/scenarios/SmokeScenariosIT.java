package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.testkit.scenarios.junit.ScenarioTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every smoke scenario against every server version in the matrix. */
class SmokeScenariosIT {
  @TestFactory
  Stream<DynamicNode> smokeScenarios() {
    return ScenarioTests.acrossMatrix(Scenarios.ofKind(ScenarioKind.SMOKE), ScenarioSettings.shortRun());
  }
}
