package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The eighteen E2E scenarios over the NYC-taxi-shaped dataset, in the order they run. */
public final class E2eScenarios {
  private E2eScenarios() {}

  public static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(E2eQueryScenarios.all());
    all.addAll(E2eWindowScenarios.all());
    all.addAll(E2eStorageScenarios.all());
    all.addAll(E2eClientScenarios.all());
    all.addAll(E2eLocalDataScenarios.all());

    return List.copyOf(all);
  }
}
