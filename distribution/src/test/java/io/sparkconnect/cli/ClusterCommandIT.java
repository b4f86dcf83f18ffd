package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.containers.Leftovers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-connect server --cluster} as a user runs it: a standalone cluster in Docker that the smoke scenarios
 * pass against, removed without a trace when the tool is stopped. Runs where the build finds a Docker engine.
 */
class ClusterCommandIT {
  @TempDir
  Path dir;

  @Test
  @Timeout(1200)
  void serverClusterRunsTheSmokeScenariosAndRemovesItselfOnStop() throws Exception {
    Path out = dir.resolve("server-out.txt");
    Path err = dir.resolve("server-err.txt");
    Process server = CliProcess.builder("server", "--cluster", "--spark", "4.1", "--workers", "2",
            "--conf", "spark.sql.shuffle.partitions=3")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      String remote = awaitAddress(server, out, err);
      assertTrue(remote.startsWith("sc://127.0.0.1:"), remote);
      assertTrue(Files.readString(err).contains("a master, 2 workers with one core each"), Files.readString(err));

      CliProcess sql = CliProcess.run("sql", "--remote", remote, "--format", "csv",
          "SELECT count(*) AS hosts, current_database() AS db FROM (SELECT DISTINCT "
              + "java_method('java.net.InetAddress', 'getLocalHost') FROM range(0, 400, 1, 16))");
      assertEquals(0, sql.exitCode, sql::toString);
      assertTrue(sql.out.contains("2,default"), "tasks ran on both workers' executors: " + sql);
      CliProcess conf = CliProcess.run("sql", "--remote", remote, "--format", "csv",
          "SELECT '${spark.sql.shuffle.partitions}' AS partitions");
      assertTrue(conf.out.contains("3"), "--conf reached the cluster's server: " + conf);

      CliProcess smoke = CliProcess.run("smoke", "--remote", remote, "--report", dir.resolve("smoke").toString());
      assertEquals(0, smoke.exitCode, smoke::toString);
      assertTrue(smoke.out.contains("13 of 13 scenarios passed"), smoke::toString);
    } finally {
      server.destroy();
      if (!server.waitFor(3, TimeUnit.MINUTES)) {
        server.destroyForcibly();
      }
    }
    String log = Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(log.contains("Stopping and removing the cluster's containers"), log);
    assertEquals(List.of(), Leftovers.find(), "containers or networks left after the tool stopped:\n" + log);
  }

  private static String awaitAddress(Process server, Path out, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (text.startsWith("sc://") && text.contains("\n")) {
        return text.substring(0, text.indexOf('\n')).trim();
      }
      if (!server.isAlive()) {
        throw new AssertionError("spark-connect server --cluster exited with " + server.exitValue() + ":\n"
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no address within 12 minutes:\n" + Files.readString(err, StandardCharsets.UTF_8));
  }
}
