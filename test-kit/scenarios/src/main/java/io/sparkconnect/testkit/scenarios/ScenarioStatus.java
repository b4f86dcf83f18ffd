package io.sparkconnect.testkit.scenarios;

/** How a scenario ended. */
public enum ScenarioStatus {
  /** Every check held. */
  PASSED,
  /** A check did not hold, or the scenario could not run; the result's message says which. */
  FAILED
}
