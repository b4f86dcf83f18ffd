package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.ExecutePlanResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * The latest metrics of the observation, waiting up to {@code timeout} for an action to report them.
   *
   * @return the metrics, or null if none arrived in time
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Map<String, Object> await(String observation, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      Map<String, Object> found = metrics.get(observation);
      for (long left = timeout.toNanos(); found == null && left > 0; left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
        found = metrics.get(observation);
      }
      return found;
    }
  }

  /** The latest metrics of the observation, or null if no action has reported them yet. */
  public Map<String, Object> get(String observation) {
    return metrics.get(observation);
  }
}
