package io.sparkconnect.testkit.containers;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when the server answers Spark Connect itself: its version over AnalyzePlan (the expected one, when known)
 * and, on 4.x, a session release, as the child-JVM servers' readiness check does.
 */
final class SparkConnectWaitStrategy extends AbstractWaitStrategy {
  private final String expectedVersion;
  private final String token;
  private final String host;
  private final IntSupplier port;

  SparkConnectWaitStrategy(String expectedVersion, String token, String host, IntSupplier port) {
    this.expectedVersion = expectedVersion;
    this.token = token;
    this.host = host;
    this.port = port;
    withStartupTimeout(Duration.ofMinutes(3));
  }

  @Override
  protected void waitUntilReady() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    RuntimeException lastError = null;
    try (SparkConnectProbe probe = SparkConnectProbe.open(host, port.getAsInt(), token)) {
      while (System.nanoTime() < deadline) {
        if (!waitStrategyTarget.isRunning()) {
          throw new ContainerLaunchException("The Spark Connect container exited before it was ready\n" + logTail());
        }
        try {
          String version = probe.sparkVersion();
          if (expectedVersion != null && !version.equals(expectedVersion)) {
            throw new ContainerLaunchException("The container answers as Spark " + version + ", not "
                + expectedVersion);
          }
          if (!version.startsWith("3.")) {
            probe.checkReleaseSession();
          }
          return;
        } catch (StatusRuntimeException e) {
          lastError = e;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ContainerLaunchException("Interrupted while waiting for Spark Connect", e);
        }
      }
    }
    throw new ContainerLaunchException("Spark Connect did not answer on " + host + ":" + port.getAsInt() + " within "
        + startupTimeout + " (last error: " + lastError + ")\n" + logTail());
  }

  private String logTail() {
    String[] lines = waitStrategyTarget.getLogs().split("\\R");
    int from = Math.max(0, lines.length - 60);
    return "--- last " + (lines.length - from) + " log lines ---\n"
        + String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
  }
}
