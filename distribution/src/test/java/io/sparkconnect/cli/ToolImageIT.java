package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's container image, built by {@code build-image.sh} from the local base image and the assembled archive,
 * runs the smoke scenarios against an embedded server: as the README's {@code docker run}, and as the Kubernetes
 * smoke Job of {@code docs/kubernetes} runs it (its user, read-only root, volumes, and token from the environment).
 * Runs where the build finds a Docker engine.
 */
class ToolImageIT {
  private static final String TOKEN = "image-test-token-4c1e";

  @TempDir
  Path dir;

  @BeforeAll
  static void buildTheImage() throws Exception {
    assertEquals(ToolImage.name(), ToolImage.build(), "build-image.sh names the image as the manifests do");
    CliProcess inspect = Docker.run(List.of("image", "inspect", "--format",
        "{{.Config.User}} {{index .Config.Labels \"org.opencontainers.image.version\"}}", ToolImage.name()));
    assertEquals("10001:10001 " + io.sparkconnect.transport.ConnectChannel.clientVersion(), inspect.out.trim(),
        inspect::toString);
  }

  @SparkConnectTest
  void smokeScenariosPassFromTheImage(@ConnectionString String remote) throws Exception {
    Path reports = writableDirectory("reports");
    String container = "spark-connect-image-it-" + UUID.randomUUID();
    CliProcess smoke = Docker.runContainer(container, List.of("run", "--rm", "--name", container, "--network", "host",
        "-v", reports + ":/reports", ToolImage.name(), "smoke", "--remote", remote, "--report", "/reports"));
    assertEquals(0, smoke.exitCode, smoke::toString);
    assertTrue(smoke.out.contains("13 of 13 scenarios passed"), smoke::toString);
    assertReportWritten(reports);
  }

  @Test
  void theSmokeJobsContainerPassesWithTheTokenFromItsSecret() throws Exception {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("tokens need a 4.x server in -Dspark.versions"));
    JobManifest job = JobManifest.named("spark-connect-smoke");
    Path reports = writableDirectory("job-reports");
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version).token(TOKEN).start()) {
      Map<String, String> env = new java.util.LinkedHashMap<>(job.environment(
          Map.of("SPARK_CONNECT_TOKEN", TOKEN, "POD_NAME", "spark-connect-smoke-x1", "POD_NAMESPACE", "spark")));
      env.put("REPORT_KEEP_SECONDS", "1");
      String container = "spark-connect-job-it-" + UUID.randomUUID();
      List<String> run = new ArrayList<>(List.of("run", "--rm", "--name", container, "--network", "host"));
      Map<String, Object> pod = JobManifest.map(job.podSpec().get("securityContext"), "securityContext");
      run.addAll(List.of("--user", pod.get("runAsUser") + ":" + pod.get("runAsGroup"), "--group-add",
          String.valueOf(pod.get("fsGroup"))));
      Map<String, Object> security = JobManifest.map(job.container().get("securityContext"), "securityContext");
      if (Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
        run.add("--read-only");
      }
      run.addAll(List.of("--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
      assertTrue(job.volumeAt("/tmp").containsKey("emptyDir"));
      run.addAll(List.of("--tmpfs", "/tmp", "-v", reports + ":/reports"));
      for (Map.Entry<String, String> variable : env.entrySet()) {
        run.addAll(List.of("-e", variable.getKey()));
      }
      List<String> command = job.command();
      run.addAll(List.of("--entrypoint", command.get(0), (String) job.container().get("image")));
      run.addAll(command.subList(1, command.size()));
      for (String arg : job.expandedArgs(env)) {
        run.add(arg.replace("sc://spark-connect.spark.svc.cluster.local:15002/",
            "sc://127.0.0.1:" + server.port() + "/;use_ssl=false"));
      }
      CliProcess smoke = Docker.runContainer(container, run, env);
      assertEquals(0, smoke.exitCode, smoke::toString);
      assertTrue(smoke.out.contains("13 of 13 scenarios passed"), smoke::toString);
      assertTrue(smoke.err.contains("spark-connect exited with 0; /reports is kept for 1 s: "
          + "kubectl -n spark cp spark-connect-smoke-x1:/reports ./report -c spark-connect"), smoke::toString);
      assertFalse(smoke.out.contains(TOKEN) || smoke.err.contains(TOKEN), "the token was printed: " + smoke);
      assertReportWritten(reports);
    }
  }

  private Path writableDirectory(String name) throws IOException {
    Path directory = Files.createDirectory(dir.resolve(name));
    // The container's user (uid 10001) writes here, as into a Kubernetes emptyDir.
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    return directory;
  }

  private static void assertReportWritten(Path reports) throws IOException {
    String json = Files.readString(reports.resolve("report.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("smoke.streaming"), json);
    assertTrue(Files.size(reports.resolve("report.html")) > 0);
  }

  /** {@code docker} CLI calls, captured as the tool's own runs are. */
  private static final class Docker {
    private Docker() {}

    static CliProcess run(List<String> args) throws IOException, InterruptedException {
      return run(args, Map.of());
    }

    static CliProcess run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add("docker");
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      return CliProcess.capture(builder, String.join(" ", command));
    }

    /** Runs a named container and removes it afterwards, whatever happened, checking that it is gone. */
    static CliProcess runContainer(String name, List<String> args) throws IOException, InterruptedException {
      return runContainer(name, args, Map.of());
    }

    static CliProcess runContainer(String name, List<String> args, Map<String, String> env)
        throws IOException, InterruptedException {
      try {
        return run(args, env);
      } finally {
        run(List.of("rm", "-f", name));
        CliProcess left = run(List.of("ps", "-aq", "--filter", "name=" + name));
        assertEquals("", left.out.trim(), "the container " + name + " was left behind");
      }
    }
  }
}
