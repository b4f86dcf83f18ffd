package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {
  @Test
  void catalogHoldsThirteenSmokeEighteenE2eAndEightLoadScenarios() {
    assertEquals(13, Scenarios.ofKind(ScenarioKind.SMOKE).size());
    assertEquals(18, Scenarios.ofKind(ScenarioKind.E2E).size());
    assertEquals(8, Scenarios.ofKind(ScenarioKind.LOAD).size());
    assertEquals(39, new HashSet<>(Scenarios.all()).size());
  }

  @Test
  void everyScenarioIsNamedByItsKindAndDescribed() {
    for (Scenario scenario : Scenarios.all()) {
      assertTrue(scenario.name().startsWith(scenario.kind().label() + "."), scenario.name());
      assertTrue(scenario.description().length() > 40, scenario.name() + " needs a real description");
    }
  }

  @Test
  void selectsByShortOrFullNameInTheGivenOrder() {
    List<Scenario> selected = Scenarios.select(ScenarioKind.SMOKE, List.of("join", "smoke.basic-sql", "join"));
    assertEquals(List.of("smoke.join", "smoke.basic-sql"), selected.stream().map(Scenario::name).toList());
    assertEquals(Scenarios.ofKind(ScenarioKind.LOAD), Scenarios.select(ScenarioKind.LOAD, List.of()));
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Scenarios.select(ScenarioKind.LOAD, List.of("sustained")));
    assertTrue(error.getMessage().contains("'sustained'") && error.getMessage().contains("sustained-rate"),
        error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Scenarios.select(ScenarioKind.E2E, List.of("smoke.join")));
  }

  @Test
  void scenarioNamesMustBeLowerCaseWords() {
    assertThrows(IllegalArgumentException.class,
        () -> Scenario.of(ScenarioKind.SMOKE, "Bad Name", "description", context -> {}));
  }
}
