package io.sparkconnect.sql;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A named set of metrics observed while an action runs: {@code df.observe(obs, count(lit(1)).as("rows"))}, then
 * {@code obs.get()} after the action. Thread-safe.
 */
public final class Observation {
  private static final Duration FOREVER = Duration.ofDays(36_500);

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
   * The metrics by name, from the latest action on the observed DataFrame, waiting for an action (on any thread)
   * to report them, as Spark's {@code Observation.get} does.
   *
   * @throws SparkConnectException if the observation was never attached to a DataFrame, or the thread was
   *     interrupted while waiting
   */
  public Map<String, Object> get() {
    return get(FOREVER);
  }

  /**
   * The metrics by name, waiting at most {@code timeout} for an action on the observed DataFrame to report them.
   *
   * @throws SparkConnectException if the observation was never attached to a DataFrame, no action reported its
   *     metrics in time, or the thread was interrupted while waiting
   */
  public Map<String, Object> get(Duration timeout) {
    if (session == null) {
      throw new SparkConnectException("Observation '" + name + "' is not attached; use df.observe(observation, ...)");
    }
    try {
      Map<String, Object> metrics = session.operations().observations().await(name, timeout);
      if (metrics == null) {
        throw new SparkConnectException("No action on the DataFrame observed as '" + name + "' reported metrics "
            + "within " + timeout + "; run an action such as collect() or count() on it");
      }
      return metrics;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkConnectException("Interrupted while waiting for the metrics of observation '" + name + "'", e);
    }
  }
}
