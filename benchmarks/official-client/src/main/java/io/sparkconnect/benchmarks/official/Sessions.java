package io.sparkconnect.benchmarks.official;

import org.apache.spark.sql.connect.SparkSession;

/** Opens official-client sessions on the server the runner names in the {@code bench.remote} system property. */
final class Sessions {
  static final String REMOTE_PROPERTY = "bench.remote";

  private Sessions() {}

  /** A new session of its own (never a cached one), on the server of {@code bench.remote}. */
  static SparkSession open() {
    String remote = System.getProperty(REMOTE_PROPERTY);
    if (remote == null || remote.isBlank()) {
      throw new IllegalStateException("No server: pass -jvmArgsPrepend -D" + REMOTE_PROPERTY
          + "=sc://host:port to JMH so that its forks know which Spark Connect server to benchmark");
    }
    return SparkSession.builder().remote(remote).create();
  }
}
