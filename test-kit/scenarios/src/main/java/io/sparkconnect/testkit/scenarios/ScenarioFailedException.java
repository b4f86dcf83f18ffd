package io.sparkconnect.testkit.scenarios;

/** Thrown by a {@link Check} that does not hold; its message says what was expected and what was found. */
public final class ScenarioFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioFailedException(String message) {
    super(message);
  }
}
