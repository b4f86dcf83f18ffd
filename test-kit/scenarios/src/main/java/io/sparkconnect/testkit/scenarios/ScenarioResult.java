package io.sparkconnect.testkit.scenarios;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one scenario on one server: status, duration, failure message, metrics and plotted series. */
public final class ScenarioResult {
  private final String name;
  private final ScenarioKind kind;
  private final String description;
  private final String serverVersion;
  private final ScenarioStatus status;
  private final Duration duration;
  private final String message;
  private final Map<String, Object> metrics;
  private final ScenarioSeries series;

  public ScenarioResult(Scenario scenario, String serverVersion, ScenarioStatus status, Duration duration,
      String message, Map<String, Object> metrics, ScenarioSeries series) {
    this.name = scenario.name();
    this.kind = scenario.kind();
    this.description = scenario.description();
    this.serverVersion = serverVersion;
    this.status = Objects.requireNonNull(status, "status");
    this.duration = Objects.requireNonNull(duration, "duration");
    this.message = message;
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.series = series;
  }

  public String name() {
    return name;
  }

  public ScenarioKind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  /** The server's version, or {@code unknown} if it could not be asked. */
  public String serverVersion() {
    return serverVersion;
  }

  public ScenarioStatus status() {
    return status;
  }

  public boolean passed() {
    return status == ScenarioStatus.PASSED;
  }

  public Duration duration() {
    return duration;
  }

  /** Why the scenario failed, or a note on a passed one (such as an operation budget that ended it early). */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** Numbers, strings and booleans the scenario recorded, in the order it recorded them. */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /** Latency and throughput series, for load scenarios. */
  public Optional<ScenarioSeries> series() {
    return Optional.ofNullable(series);
  }

  @Override
  public String toString() {
    return name + " on " + serverVersion + ": " + status + (message == null ? "" : " (" + message + ")");
  }
}
