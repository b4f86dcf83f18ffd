package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.sql.SparkSession;
import java.util.function.Supplier;

/** What a running scenario gets from the runner: sessions, the dataset, settings, and places to record results. */
public interface ScenarioContext {
  /** A session of its own for this scenario (UTC session time zone), closed when the scenario ends. */
  SparkSession session();

  /** Another session on the run's connection, with its own configuration and views; closed when the scenario ends. */
  SparkSession newSession();

  /** Another session on a new connection of its own, closed when the scenario ends unless closed earlier. */
  SparkSession openConnection();

  /** The connection string of the server under test. */
  String connectionString();

  /** The server's Spark version, such as {@code 4.1.2}. */
  String serverVersion();

  /** Whether the server's Spark major version is at least {@code major}. */
  default boolean serverAtLeast(int major) {
    return Integer.parseInt(serverVersion().split("\\.")[0]) >= major;
  }

  ScenarioSettings settings();

  /** The taxi dataset, generated or loaded on first use and shared by every scenario of the run. */
  TaxiDataset taxi();

  /** A value computed once per run and shared by the scenarios that ask for the same key. */
  <T> T shared(String key, Supplier<T> factory);

  /** Records a named result of the scenario for the report: a number, a string or a boolean. */
  void metric(String name, Object value);

  /** Where timed operations of a load scenario are recorded. */
  OperationTimings timings();

  /** Reports progress of a long scenario to whoever runs it. */
  void progress(String message);

  /** A name unique to this run, for tables, views and paths: the prefix followed by a run-specific suffix. */
  String uniqueName(String prefix);
}
