package io.sparkconnect.sql;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A named set of metrics observed while an action runs: {@code df.observe(obs, count(lit(1)).as("rows"))}, then
 * {@code obs.get()} after the action. Thread-safe.
 */
public final class Observation {
  private final String name;
  private volatile SparkSession session;

  public Observation() {
    this("observation_" + UUID.randomUUID().toString().replace("-", ""));
  }

  public Observation(String name) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("An observation needs a non-empty name");
    }
  }

  public String name() {
    return name;
  }

  void bind(SparkSession observed) {
    if (session != null && session != observed) {
      throw new IllegalArgumentException("Observation '" + name + "' is already used in another session");
    }
    session = observed;
  }

  /**
   * The metrics by name, from the latest action on the observed DataFrame.
   *
   * @throws SparkConnectException if the observation was never attached to a DataFrame
   * @throws java.util.NoSuchElementException if no action has run yet
   */
  public Map<String, Object> get() {
    if (session == null) {
      throw new SparkConnectException("Observation '" + name + "' is not attached; use df.observe(observation, ...)");
    }
    return session.observedMetrics(name);
  }
}
