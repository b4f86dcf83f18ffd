package io.sparkconnect.benchmarks;

import io.sparkconnect.testkit.SparkConnectServer;

/**
 * The Spark Connect server a benchmark trial talks to: the one at {@code -Dbench.remote=sc://...} (how
 * {@code benchmarks/run} shares one server among all clients), or else a real server of version
 * {@code -Dbench.spark} (default 4.1) started by the test-kit for this trial and stopped after it.
 */
public final class BenchmarkServer implements AutoCloseable {
  /** The system property naming a running server. */
  public static final String REMOTE = "bench.remote";
  /** The system property naming the Spark version to start when no server is named. */
  public static final String SPARK = "bench.spark";

  private final SparkConnectServer started;
  private final String connectionString;

  private BenchmarkServer(SparkConnectServer started, String connectionString) {
    this.started = started;
    this.connectionString = connectionString;
  }

  /** The named server, or a new one. */
  public static BenchmarkServer open() {
    String remote = System.getProperty(REMOTE, "");
    if (!remote.isBlank()) {
      return new BenchmarkServer(null, remote);
    }
    SparkConnectServer server = SparkConnectServer.builder()
        .sparkVersion(System.getProperty(SPARK, "4.1"))
        .heap("2g")
        .start();
    return new BenchmarkServer(server, server.connectionString());
  }

  /** Where the server listens. */
  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    if (started != null) {
      started.close();
    }
  }
}
