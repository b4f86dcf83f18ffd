package io.sparkconnect.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One server per Spark version for the whole JVM; a failed start is remembered and reported to every caller. */
final class SharedServers {
  private static final Map<String, Object> SERVERS = new ConcurrentHashMap<>();

  private SharedServers() {}

  static SparkConnectServer get(String sparkVersion) {
    Object entry = SERVERS.computeIfAbsent(sparkVersion, SharedServers::startOrFailure);
    if (entry instanceof SparkConnectServer) {
      SparkConnectServer server = (SparkConnectServer) entry;
      if (!server.isRunning()) {
        throw new ServerStartException("The shared Spark Connect " + sparkVersion + " server has stopped; see "
            + server.logFile());
      }
      return server;
    }
    throw new ServerStartException("The shared Spark Connect " + sparkVersion + " server could not start",
        (RuntimeException) entry);
  }

  private static Object startOrFailure(String sparkVersion) {
    try {
      return SparkConnectServer.builder()
          .sparkVersion(sparkVersion)
          .progress(line -> System.err.println("[test-kit] " + line))
          .start();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
