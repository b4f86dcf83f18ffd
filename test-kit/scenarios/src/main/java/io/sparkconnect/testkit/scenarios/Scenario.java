package io.sparkconnect.testkit.scenarios;

/**
 * One named, documented check of a Spark Connect deployment. A scenario passes when {@link #run} returns and fails
 * when it throws; its checks use {@link Check}, which names what differed.
 */
public interface Scenario {
  /** A unique name such as {@code smoke.basic-sql}: the kind, a dot, and a short name. */
  String name();

  ScenarioKind kind();

  /** One or two sentences on what the scenario does and what it asserts. */
  String description();

  /** Runs the scenario; every session it opens through the context is closed afterwards. */
  void run(ScenarioContext context) throws Exception;

  /** A scenario from its parts. */
  static Scenario of(ScenarioKind kind, String shortName, String description, ScenarioBody body) {
    return new SimpleScenario(kind, shortName, description, body);
  }

  /** The body of a scenario built with {@link #of}. */
  @FunctionalInterface
  interface ScenarioBody {
    void run(ScenarioContext context) throws Exception;
  }
}
