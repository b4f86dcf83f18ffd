package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.transport.ConnectionString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes Jobs of {@code docs/kubernetes} cannot rot: each runs the image the build produces, as the user the
 * image runs as, with arguments the tool's own parser accepts, a token from a Secret, and its report on a volume.
 */
class KubernetesJobsTest {
  private static final String TOKEN = "token-from-the-secret";

  @Test
  void thereIsAJobForEachScenarioKind() throws Exception {
    Set<String> commands = new TreeSet<>();
    for (JobManifest job : JobManifest.all()) {
      commands.add(job.args().get(0));
    }
    assertEquals(Set.of("e2e", "load", "smoke"), commands);
  }

  @Test
  void eachJobRunsTheImageTheBuildProducesAsItsUser() throws Exception {
    String dockerfile = Files.readString(ToolImage.dockerDirectory().resolve("Dockerfile"));
    Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile);
    assertTrue(user.find(), "the Dockerfile sets a numeric USER");
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[\"([^\"]+)\"]$").matcher(dockerfile);
    assertTrue(entrypoint.find(), "the Dockerfile has an exec-form ENTRYPOINT");
    for (JobManifest job : JobManifest.all()) {
      assertEquals(ToolImage.name(), job.container().get("image"), job.toString());
      assertEquals("IfNotPresent", job.container().get("imagePullPolicy"), job + ": a locally built image");
      Map<String, Object> security = JobManifest.map(job.podSpec().get("securityContext"), job + " securityContext");
      assertEquals(true, security.get("runAsNonRoot"), job.toString());
      assertEquals(Integer.parseInt(user.group(1)), security.get("runAsUser"), job.toString());
      assertEquals(Integer.parseInt(user.group(2)), security.get("runAsGroup"), job.toString());
      List<String> command = job.command();
      assertEquals(List.of("/bin/sh", "-c"), command.subList(0, 2), job.toString());
      assertTrue(command.get(2).startsWith(entrypoint.group(1) + " \"$@\"\n"),
          job + ": the script runs the image's entry point with the args: " + command.get(2));
      assertEquals(4, command.size(), job + ": $0 of the script, then the args");
    }
  }

  @Test
  void eachJobRunsOnceAndIsCleanedUpWithBoundedResources() throws Exception {
    for (JobManifest job : JobManifest.all()) {
      assertEquals("batch/v1", job.job.get("apiVersion"), job.toString());
      assertEquals(0, job.spec().get("backoffLimit"), job.toString());
      assertTrue(job.spec().get("ttlSecondsAfterFinished") instanceof Integer ttl && ttl > 0, job.toString());
      assertTrue(job.spec().get("activeDeadlineSeconds") instanceof Integer deadline && deadline > 0,
          job.toString());
      assertEquals("Never", job.podSpec().get("restartPolicy"), job.toString());
      Map<String, Object> resources = JobManifest.map(job.container().get("resources"), job + " resources");
      for (String bound : List.of("requests", "limits")) {
        Map<String, Object> values = JobManifest.map(resources.get(bound), job + " " + bound);
        assertNotNull(values.get("cpu"), job + " " + bound + ".cpu");
        assertNotNull(values.get("memory"), job + " " + bound + ".memory");
      }
      Map<String, Object> security = JobManifest.map(job.container().get("securityContext"), job + " container");
      assertEquals(true, security.get("readOnlyRootFilesystem"), job.toString());
      assertEquals(false, security.get("allowPrivilegeEscalation"), job.toString());
      assertTrue(job.volumeAt("/tmp").containsKey("emptyDir"), job + ": a writable /tmp");
    }
  }

  @Test
  void eachJobsArgsAreAcceptedByTheToolsParser() throws Exception {
    for (JobManifest job : JobManifest.all()) {
      Map<String, String> env = job.environment(
          Map.of("SPARK_CONNECT_TOKEN", TOKEN, "POD_NAME", "pod", "POD_NAMESPACE", "spark"));
      CommandLine tool = new CommandLine(new Main());
      CommandLine.ParseResult parsed = tool.parseArgs(job.expandedArgs(env).toArray(new String[0]));
      assertTrue(parsed.hasSubcommand(), job.toString());
      CommandLine command = parsed.subcommand().commandSpec().commandLine();
      Map<String, Object> labels = JobManifest.map(JobManifest.map(job.job.get("metadata"), "metadata")
          .get("labels"), "labels");
      assertEquals(labels.get("app.kubernetes.io/component"), command.getCommandName(), job.toString());

      ScenarioOptions options = (ScenarioOptions) command.getCommandSpec().mixins().get("options").userObject();
      assertFalse(options.list, job.toString());
      assertNotNull(options.target.remote, job + ": a Job runs against a --remote server");
      assertEquals(1, options.target.sparkVersions(command).size(), job.toString());
      ConnectionString remote = ConnectionString.parse(options.target.remote);
      assertEquals("spark-connect.spark.svc.cluster.local", remote.host(), job.toString());
      assertEquals(TOKEN, remote.token().orElseThrow(), job + ": the token is the Secret's, through the env var");
      assertFalse(job.args().toString().contains(TOKEN), job.toString());
      Map<String, Object> secret = JobManifest.map(JobManifest.map(envEntry(job, "SPARK_CONNECT_TOKEN")
          .get("valueFrom"), "valueFrom").get("secretKeyRef"), job + " secretKeyRef");
      assertEquals("spark-connect-token", secret.get("name"), job.toString());

      assertNotNull(options.reportDirectory, job + ": writes a report");
      assertEquals(Path.of("/reports"), options.reportDirectory, job.toString());
      assertTrue(job.volumeAt("/reports").containsKey("emptyDir"), job + ": the report goes to an emptyDir");
    }
  }

  private static Map<String, Object> envEntry(JobManifest job, String name) {
    for (Object entry : JobManifest.list(job.container().get("env"), "env")) {
      Map<String, Object> variable = JobManifest.map(entry, "env entry");
      if (name.equals(variable.get("name"))) {
        return variable;
      }
    }
    throw new AssertionError(job + ": no variable " + name);
  }
}
