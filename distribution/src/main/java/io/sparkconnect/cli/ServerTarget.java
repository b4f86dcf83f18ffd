package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkConnectServer;
import java.io.PrintWriter;

/** The server a command talks to: a given {@code sc://} address, or an embedded server it starts and stops. */
final class ServerTarget implements AutoCloseable {
  private final String connectionString;
  private final SparkConnectServer embedded;

  private ServerTarget(String connectionString, SparkConnectServer embedded) {
    this.connectionString = connectionString;
    this.embedded = embedded;
  }

  /**
   * The remote server if one is given, else a new embedded server of the requested version, its jars resolved
   * through Maven's resolver with the user's settings ({@code offline}: from the caches only).
   */
  static ServerTarget open(String remote, String sparkVersion, boolean offline, PrintWriter progress) {
    if (remote != null) {
      return new ServerTarget(remote, null);
    }
    SparkConnectServer server = SparkConnectServer.builder()
        .sparkVersion(sparkVersion)
        .jarResolver(MavenJarResolver.fromEnvironment(offline))
        .progress(line -> {
          progress.println(line);
          progress.flush();
        })
        .start();
    return new ServerTarget(server.connectionString(), server);
  }

  String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
