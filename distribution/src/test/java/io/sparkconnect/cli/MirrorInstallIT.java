package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.MavenRepositoryServer;
import io.sparkconnect.testkit.SparkVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release archive where users install it: unpacked into an empty directory, with an empty home and an empty
 * Maven local repository, and a settings.xml whose mirror is a local HTTP repository serving the build's own
 * jars. The server starts through the mirror alone (other hosts are behind a dead proxy), an interrupted download
 * resumes without corrupt jars, offline mode names what is missing, and the cache can be listed and cleared.
 */
class MirrorInstallIT {
  private static final String VERSION = SparkVersions.resolve("4.1");

  private Path root;
  private Path home;
  private Path tool;
  private MavenRepositoryServer mirror;
  private int deadPort;

  @BeforeEach
  void install() throws Exception {
    root = Files.createTempDirectory("spark-connect-install");
    home = Files.createDirectories(root.resolve("home"));
    Path archive = Paths.get(System.getProperty("sparkconnect.distribution.dir") + ".tar.gz");
    Path unpacked = Files.createDirectories(root.resolve("opt"));
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString()).inheritIO()
        .start();
    assertTrue(tar.waitFor(2, TimeUnit.MINUTES) && tar.exitValue() == 0, "the archive unpacks");
    try (Stream<Path> found = Files.walk(unpacked)) {
      tool = found.filter(p -> p.endsWith(Paths.get("bin", "spark-connect"))).findFirst().orElseThrow();
    }
    mirror = MavenRepositoryServer.serve(Paths.get(System.getProperty("maven.repo.local")));
    try (ServerSocket closed = new ServerSocket(0)) {
      deadPort = closed.getLocalPort();
    }
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(home.resolve(".m2/settings.xml"), String.join("\n",
        "<settings>",
        "  <localRepository>" + root.resolve("empty-m2") + "</localRepository>",
        "  <mirrors><mirror><id>company</id><mirrorOf>*</mirrorOf><url>" + mirror.url() + "</url></mirror></mirrors>",
        "  <proxies>",
        "    <proxy><id>dead-http</id><protocol>http</protocol><host>127.0.0.1</host><port>" + deadPort + "</port>"
            + "<nonProxyHosts>127.0.0.1|localhost</nonProxyHosts></proxy>",
        "    <proxy><id>dead-https</id><protocol>https</protocol><host>127.0.0.1</host><port>" + deadPort
            + "</port><nonProxyHosts>127.0.0.1|localhost</nonProxyHosts></proxy>",
        "  </proxies>",
        "</settings>", ""));
  }

  @AfterEach
  void remove() throws IOException {
    if (mirror != null) {
      mirror.close();
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
        Files.deleteIfExists(path);
      }
    }
  }

  private ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("SPARK_CONNECT") || key.startsWith("MAVEN") || key.equals("M2_HOME"));
    env.put("HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SPARK_CONNECT_OPTS", "-Duser.home=" + home + " -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + deadPort
        + " -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=" + deadPort);
    return builder;
  }

  private CliRun run(String... args) throws Exception {
    Process process = command(args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "spark-connect " + String.join(" ", args) + " finished");
    return new CliRun(process.exitValue(), out.get(), err.get());
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  /** A finished run of the tool. */
  private static final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    CliRun(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  private static String sha1(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-1");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void theServerStartsThroughTheMirrorAloneAndTheCacheServesOfflineRuns() throws Exception {
    List<String> jars = SparkVersions.serverJars(VERSION);
    Path toolRepository = home.resolve(".spark-connect/repository");

    CliRun offline = run("server", "--spark", "4.1", "--offline");
    assertEquals(3, offline.exitCode, offline::toString);
    assertTrue(offline.err.contains("Cannot get " + jars.size() + " jars for Spark " + VERSION + " offline"),
        offline::toString);
    assertTrue(offline.err.contains("mvn dependency:get -Dtransitive=false -Dartifact="
        + "org.apache.spark:spark-connect_2.13:" + VERSION), offline::toString);
    assertTrue(offline.err.length() < 3000, "the error names the first few artifacts, not all: " + offline);
    assertEquals(List.of(), mirror.requests(), "offline contacts nobody");

    mirror.throttle(8L << 20);
    Process interrupted = command("server", "--spark", "4.1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectErrorStream(false).start();
    BufferedReader progress = new BufferedReader(new InputStreamReader(interrupted.getErrorStream(),
        StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = progress.readLine(); line != null; line = progress.readLine()) {
      lines.add(line);
      if (line.contains("/" + jars.size() + " jars") && !line.contains("[0/") && !line.contains("[1/")
          && !line.contains("[2/")) {
        break;
      }
    }
    interrupted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    String total = String.format("%.1f MiB", SparkVersions.serverJarSizes(VERSION).values().stream()
        .mapToLong(Long::longValue).sum() / 1048576.0);
    assertTrue(lines.stream().anyMatch(l -> l.equals("Fetching " + jars.size() + " of " + jars.size()
        + " jars for Spark " + VERSION + " (" + total + ") from " + mirror.url() + " into " + toolRepository
        + " (first use only)")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.matches("  \\[\\d+/" + jars.size() + " jars\\] \\d+\\.\\d of "
        + total.replace(".", "\\.") + "  .*")), String.join("\n", lines));
    mirror.throttle(0);
    List<String> completeBeforeResume = new ArrayList<>();
    List<Path> leftBehind;
    try (Stream<Path> files = Files.walk(toolRepository)) {
      leftBehind = files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    for (Path jar : leftBehind) {
      if (jar.toString().endsWith(".jar")) {
        String path = toolRepository.relativize(jar).toString();
        Path source = Paths.get(System.getProperty("maven.repo.local")).resolve(path);
        assertEquals(sha1(source), sha1(jar), "a jar left by the interrupted download is complete: " + jar);
        completeBeforeResume.add(path);
      }
    }
    leftBehind.removeIf(file -> file.toString().endsWith(".jar"));
    assertTrue(completeBeforeResume.size() >= 3 && completeBeforeResume.size() < jars.size(),
        "the download was interrupted midway: " + completeBeforeResume.size() + " jars complete");

    Process server = command("server", "--spark", "4.1").start();
    drain(server.getErrorStream());
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
        try {
          return stdout.readLine();
        } catch (IOException e) {
          return null;
        }
      });
      String remote = address.get(5, TimeUnit.MINUTES);
      assertTrue(remote != null && remote.startsWith("sc://127.0.0.1:"), "address: " + remote);
      CliRun smoke = run("smoke", "--remote", remote);
      assertEquals(0, smoke.exitCode, smoke::toString);
    } finally {
      server.destroy();
      server.waitFor(1, TimeUnit.MINUTES);
    }
    List<String> served = mirror.requests();
    for (String jar : jars) {
      assertTrue(served.contains("/" + jar), "the mirror served " + jar);
      assertTrue(served.contains("/" + jar + ".sha1"), "and its checksum " + jar);
    }
    for (String path : completeBeforeResume) {
      assertEquals(1, served.stream().filter(("/" + path)::equals).count(), "fetched once, not again: " + path);
    }
    assertFalse(Files.exists(root.resolve("empty-m2").resolve(jars.get(0))), "the Maven repository is not written");
    try (Stream<Path> files = Files.walk(toolRepository)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).collect(Collectors.toList()),
          "the resumed download removed the interrupted one's partial files");
    }

    CliRun version = run("version");
    assertTrue(version.out.contains("  Spark " + VERSION + ": ready offline (" + jars.size() + " jars)"),
        version::toString);
    int before = mirror.requests().size();
    CliRun offlineQuery = run("sql", "--offline", "SELECT 41 + 1 AS answer");
    assertEquals(0, offlineQuery.exitCode, offlineQuery::toString);
    assertTrue(offlineQuery.out.contains("42"), offlineQuery::toString);
    assertEquals(before, mirror.requests().size(), "an offline run with a full cache contacts nobody");

    CliRun cleared = run("cache", "--clear");
    assertEquals(0, cleared.exitCode, cleared::toString);
    assertTrue(cleared.out.contains("Removed " + toolRepository), cleared::toString);
    assertTrue(cleared.out.contains("  Spark " + VERSION + ": " + jars.size() + " of " + jars.size()
        + " jars (" + total + ") to download on first use"), cleared::toString);
    assertFalse(Files.exists(toolRepository));
    System.out.printf("[mirror-install] %d jars through the mirror, %d requests; interrupted after %d complete "
        + "jars, leaving %s; server and smoke passed%n", jars.size(), served.size(), completeBeforeResume.size(),
        leftBehind.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
  }
}
