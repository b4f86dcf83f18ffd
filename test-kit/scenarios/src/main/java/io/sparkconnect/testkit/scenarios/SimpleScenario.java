package io.sparkconnect.testkit.scenarios;

import java.util.Objects;

/** A {@link Scenario} assembled from a kind, a name, a description and a body. */
final class SimpleScenario implements Scenario {
  private final ScenarioKind kind;
  private final String name;
  private final String description;
  private final ScenarioBody body;

  SimpleScenario(ScenarioKind kind, String shortName, String description, ScenarioBody body) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (shortName == null || !shortName.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("A scenario name must be lower-case words joined by '-': " + shortName);
    }
    this.name = kind.label() + "." + shortName;
    this.description = Objects.requireNonNull(description, "description");
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ScenarioKind kind() {
    return kind;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    body.run(context);
  }

  @Override
  public String toString() {
    return name;
  }
}
