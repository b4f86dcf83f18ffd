package io.sparkconnect.testkit.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.ServerStartException;
import io.sparkconnect.testkit.SparkVersions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Spark Connect server in one container answers queries from the host, and a standalone cluster that fails to start
 * leaves nothing behind (a cluster that starts is tested in {@link ClusterScenariosIT}). Needs a Docker engine:
 * without one these tests fail, saying how to provide it (test-kit/containers/docker/install-docker.sh), because a
 * skipped test is not a passed one.
 */
class SparkContainersIT {
  /** The Spark version under test: {@code -Dsparkconnect.containers.version} (full or alias), else the latest. */
  private static final String VERSION =
      SparkVersions.resolve(System.getProperty("sparkconnect.containers.version", SparkVersions.latest()));

  @BeforeAll
  static void requireDocker() {
    DockerRequirement.client();
  }

  @Test
  @Timeout(600)
  void singleContainerAnswersAQuery() {
    try (SparkConnectContainer server = new SparkConnectContainer(VERSION)) {
      server.start();
      assertTrue(server.connectionString().startsWith("sc://127.0.0.1:"), server.connectionString());
      try (SparkConnectProbe probe = SparkConnectProbe.open(server.host(), server.port(), null)) {
        assertEquals(VERSION, probe.sparkVersion());
        assertEquals(10, probe.countRows("SELECT id, id * 2 AS twice FROM range(10)", 60));
      }
    }
    assertEquals(List.of(), Leftovers.find(), "containers or networks left after close()");
  }

  @Test
  @Timeout(600)
  void aClusterThatFailsToStartLeavesNothingBehind() {
    // Every container starts, then the readiness check gives up at once: start() fails after the most was created.
    SparkStandaloneCluster cluster = new SparkStandaloneCluster(VERSION).withReadyTimeout(Duration.ZERO);
    ServerStartException failure = assertThrows(ServerStartException.class, cluster::start);
    assertTrue(failure.getMessage().contains("ran on 0 of 2 workers"), failure.getMessage());
    assertTrue(failure.getMessage().contains("log lines ---"), "the containers' log tails are in the message");
    assertEquals(List.of(), Leftovers.find(), "containers or networks left after a failed start");
  }
}
