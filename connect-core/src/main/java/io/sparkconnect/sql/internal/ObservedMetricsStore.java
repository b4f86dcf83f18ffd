package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The metrics each named observation reported in the session's latest action that carried it. Thread-safe. */
public final class ObservedMetricsStore {
  private final Map<String, List<String>> declaredNames = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> metrics = new ConcurrentHashMap<>();

  /** Remembers the metric names of an observation, for servers (3.5) that do not send them. */
  public void declare(String observation, List<String> names) {
    declaredNames.put(observation, List.copyOf(names));
  }

  void record(ExecutePlanResponse.ObservedMetrics observed) {
    metrics.put(observed.getName(),
        LiteralValues.metrics(observed, declaredNames.getOrDefault(observed.getName(), List.of())));
  }

  /** The latest metrics of the observation, or null if no action has reported them yet. */
  public Map<String, Object> get(String observation) {
    return metrics.get(observation);
  }
}
