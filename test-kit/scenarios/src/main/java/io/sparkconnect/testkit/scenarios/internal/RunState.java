package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.ScenarioListener;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What the scenarios of one run share: the server, its first session, the settings, and values computed once. */
public final class RunState {
  private final String connectionString;
  private final SparkSession baseSession;
  private final String serverVersion;
  private final ScenarioSettings settings;
  private final ScenarioListener listener;
  private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final Map<String, Object> shared = new ConcurrentHashMap<>();

  public RunState(String connectionString, SparkSession baseSession, String serverVersion, ScenarioSettings settings,
      ScenarioListener listener) {
    this.connectionString = connectionString;
    this.baseSession = baseSession;
    this.serverVersion = serverVersion;
    this.settings = settings;
    this.listener = listener;
  }

  String connectionString() {
    return connectionString;
  }

  SparkSession baseSession() {
    return baseSession;
  }

  String serverVersion() {
    return serverVersion;
  }

  ScenarioSettings settings() {
    return settings;
  }

  ScenarioListener listener() {
    return listener;
  }

  String runId() {
    return runId;
  }

  @SuppressWarnings("unchecked")
  <T> T shared(String key, Supplier<T> factory) {
    Object value = shared.get(key);
    if (value == null) {
      synchronized (shared) {
        value = shared.get(key);
        if (value == null) {
          value = factory.get();
          shared.put(key, value);
        }
      }
    }
    return (T) value;
  }
}
