package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import io.sparkconnect.testkit.scenarios.ScenarioRunner;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.Scenarios;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One tamper with an E2E scenario: which answer is altered and how, and what the scenario's failure message must
 * say; {@link #check} runs the scenario with the answer altered and asserts it fails so.
 */
record TamperCase(String name, String scenario, String answer, Supplier<Answers.Tamper> tamper,
    List<String> message) {
  /** A case that alters the answer named {@code answer} with {@code change}. */
  static TamperCase of(String name, String scenario, String answer, UnaryOperator<Object> change,
      String... message) {
    return new TamperCase(name, scenario, answer, () -> (named, value) -> named.equals(answer)
        ? change.apply(value) : value, List.of(message));
  }

  void check(String remote, ScenarioSettings settings) {
    Scenario selected = Scenarios.select(ScenarioKind.E2E, List.of(scenario)).get(0);
    ScenarioRunner runner = ScenarioRunner.builder().connectionString(remote).settings(settings).build();
    AtomicInteger applied = new AtomicInteger();
    Answers.Tamper inner = tamper.get();
    ScenarioResult result = Answers.tampered((named, value) -> {
      if (named.equals(answer)) {
        applied.incrementAndGet();
      }
      return inner.apply(named, value);
    }, () -> runner.run(selected));
    assertTrue(applied.get() > 0, "the scenario never read the answer " + answer + ": " + result);
    assertFalse(result.passed(), "the scenario passed despite the tamper: " + result);
    String failure = result.message().orElseThrow();
    System.out.println("[tamper] " + result.serverVersion() + " " + scenario + " / " + name + " -> " + failure);
    for (String fragment : message) {
      assertTrue(failure.contains(fragment), "the failure should say '" + fragment + "': " + failure);
    }
  }

  @Override
  public String toString() {
    return scenario + ": " + name;
  }
}
