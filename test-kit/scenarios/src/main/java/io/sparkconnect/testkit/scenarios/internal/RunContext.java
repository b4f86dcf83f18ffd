package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The context of one scenario in a run; closing it closes every session the scenario opened. */
public final class RunContext implements ScenarioContext, AutoCloseable {
  private final RunState run;
  private final Scenario scenario;
  private final Map<String, Object> metrics = Collections.synchronizedMap(new LinkedHashMap<>());
  private final OperationTimings timings;
  private final List<SparkSession> opened = Collections.synchronizedList(new ArrayList<>());
  private SparkSession session;

  public RunContext(RunState run, Scenario scenario, long startNanos) {
    this.run = run;
    this.scenario = scenario;
    this.timings = new OperationTimings(startNanos);
  }

  @Override
  public synchronized SparkSession session() {
    if (session == null) {
      session = track(Sessions.utcSession(run.baseSession()));
    }
    return session;
  }

  @Override
  public SparkSession newSession() {
    return track(run.baseSession().newSession());
  }

  @Override
  public SparkSession openConnection() {
    return track(Sessions.connect(run.connectionString()));
  }

  private SparkSession track(SparkSession opened) {
    this.opened.add(opened);
    return opened;
  }

  @Override
  public String connectionString() {
    return run.connectionString();
  }

  @Override
  public String serverVersion() {
    return run.serverVersion();
  }

  @Override
  public ScenarioSettings settings() {
    return run.settings();
  }

  @Override
  public TaxiDataset taxi() {
    return shared("taxi-dataset", () -> TaxiDatasets.prepare(run.baseSession(), run.settings(),
        message -> run.listener().note(message)));
  }

  @Override
  public <T> T shared(String key, Supplier<T> factory) {
    return run.shared(key, factory);
  }

  @Override
  public void metric(String name, Object value) {
    if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new IllegalArgumentException("A metric is a number, a string or a boolean; " + name + " was " + value);
    }
    metrics.put(name, value);
  }

  /** The metrics recorded so far, in order. */
  public Map<String, Object> metrics() {
    synchronized (metrics) {
      return new LinkedHashMap<>(metrics);
    }
  }

  @Override
  public OperationTimings timings() {
    return timings;
  }

  @Override
  public void progress(String message) {
    run.listener().progress(scenario, message);
  }

  @Override
  public String uniqueName(String prefix) {
    return prefix + "_" + run.runId();
  }

  @Override
  public void close() {
    List<SparkSession> toClose;
    synchronized (opened) {
      toClose = new ArrayList<>(opened);
      opened.clear();
    }
    toClose.forEach(Sessions::closeQuietly);
  }
}
