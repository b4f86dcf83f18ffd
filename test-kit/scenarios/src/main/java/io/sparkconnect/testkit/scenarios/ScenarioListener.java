package io.sparkconnect.testkit.scenarios;

/** Follows a run: each scenario as it starts, its progress messages, and its result. */
public interface ScenarioListener {
  /** Progress of the run outside any scenario, such as preparing the dataset. */
  default void note(String message) {}

  default void started(Scenario scenario, int index, int total) {}

  default void progress(Scenario scenario, String message) {}

  default void finished(ScenarioResult result, int index, int total) {}

  /** A listener that ignores everything. */
  static ScenarioListener none() {
    return new ScenarioListener() {};
  }
}
