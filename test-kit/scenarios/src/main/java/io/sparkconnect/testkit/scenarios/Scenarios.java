package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.testkit.scenarios.internal.E2eScenarios;
import io.sparkconnect.testkit.scenarios.internal.LoadScenarios;
import io.sparkconnect.testkit.scenarios.internal.SmokeScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog of built-in scenarios: 13 smoke, 18 E2E and 8 load, each with a unique name. */
public final class Scenarios {
  private static final List<Scenario> ALL = catalog();

  private Scenarios() {}

  private static List<Scenario> catalog() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(SmokeScenarios.all());
    all.addAll(E2eScenarios.all());
    all.addAll(LoadScenarios.all());
    Map<String, Long> names = all.stream().collect(Collectors.groupingBy(Scenario::name, Collectors.counting()));
    names.forEach((name, count) -> {
      if (count > 1) {
        throw new IllegalStateException("Two scenarios are named " + name);
      }
    });
    return List.copyOf(all);
  }

  /** Every scenario, smoke first, then E2E, then load. */
  public static List<Scenario> all() {
    return ALL;
  }

  /** The scenarios of one kind, in their running order. */
  public static List<Scenario> ofKind(ScenarioKind kind) {
    return ALL.stream().filter(s -> s.kind() == kind).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The scenarios of a kind with the given names, each a full name ({@code smoke.basic-sql}) or a short one
   * ({@code basic-sql}); all of the kind when {@code names} is empty.
   *
   * @throws IllegalArgumentException naming the unknown scenario and the valid names
   */
  public static List<Scenario> select(ScenarioKind kind, List<String> names) {
    List<Scenario> ofKind = ofKind(kind);
    if (names.isEmpty()) {
      return ofKind;
    }
    Map<String, Scenario> byName = ofKind.stream().collect(Collectors.toMap(Scenario::name, Function.identity()));
    List<Scenario> selected = new ArrayList<>();
    for (String name : names) {
      String full = name.contains(".") ? name : kind.label() + "." + name;
      Scenario scenario = byName.get(full);
      if (scenario == null) {
        throw new IllegalArgumentException("No " + kind.label() + " scenario is named '" + name + "'; choose from "
            + ofKind.stream().map(s -> s.name().substring(kind.label().length() + 1))
                .collect(Collectors.joining(", ")));
      }
      if (!selected.contains(scenario)) {
        selected.add(scenario);
      }
    }
    return List.copyOf(selected);
  }
}
