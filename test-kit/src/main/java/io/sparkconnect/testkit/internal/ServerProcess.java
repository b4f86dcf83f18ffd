package io.sparkconnect.testkit.internal;

import io.sparkconnect.testkit.ServerJarResolver;
import io.sparkconnect.testkit.ServerStartException;
import io.sparkconnect.transport.ConnectChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Starts a Spark Connect server in a child JVM, waits until it answers, and stops it. */
public final class ServerProcess {
  /** The server configuration that makes clients authenticate with a bearer token. */
  public static final String TOKEN_CONF = "spark.connect.authenticate.token";
  /** The Spark Connect server's main class. */
  public static final String SERVER_MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";

  /** Module openings Spark needs on Java 17+, as in Spark's own launcher; containers' JVMs use them too. */
  public static final List<String> JAVA_OPTIONS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  private final String sparkVersion;
  private final int port;
  private final Process process;
  private final Path logFile;
  private final Thread shutdownHook;
  private final String token;

  private ServerProcess(String sparkVersion, int port, Process process, Path logFile, String token) {
    this.token = token;
    this.sparkVersion = sparkVersion;
    this.port = port;
    this.process = process;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stop, "spark-connect-server-" + sparkVersion + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Resolves the jars, starts the server and blocks until it answers a Spark Connect request.
   *
   * @throws ServerStartException with the log tail when the server exits or does not answer in time
   */
  public static ServerProcess start(String sparkVersion, int requestedPort, Path workRoot, String heap,
      Duration timeout, Map<String, String> conf, ServerJarResolver jarResolver, Consumer<String> progress) {
    List<Path> jars = jarResolver.resolve(sparkVersion, ServerClasspath.entries(sparkVersion), progress);
    int port = requestedPort > 0 ? requestedPort : FreePort.find();
    Path work = workRoot.resolve("spark-" + sparkVersion + "-" + port + "-" + System.nanoTime());
    Path logFile = work.resolve("server.log");
    List<String> command = command(sparkVersion, port, work, heap, conf, jars);
    progress.accept("Starting Spark Connect " + sparkVersion + " on 127.0.0.1:" + port + " (log: " + logFile + ")");
    Process process;
    try {
      Files.createDirectories(work.resolve("tmp"));
      process = new ProcessBuilder(command)
          .directory(work.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
    } catch (IOException e) {
      throw new ServerStartException("Cannot start a JVM for Spark " + sparkVersion + ": " + e, e);
    }
    ServerProcess server = new ServerProcess(sparkVersion, port, process, logFile, conf.get(TOKEN_CONF));
    try {
      server.awaitReady(timeout);
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  private static List<String> command(String sparkVersion, int port, Path work, String heap,
      Map<String, String> conf, List<Path> jars) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(JAVA_OPTIONS);
    command.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
    command.add("-Dderby.system.home=" + work.resolve("derby"));
    Map<String, String> defaults = Map.of(
        "spark.master", "local[2]",
        "spark.app.name", "spark-connect-java-test-kit-" + sparkVersion,
        "spark.ui.enabled", "false",
        "spark.connect.grpc.binding.port", Integer.toString(port),
        "spark.connect.grpc.binding.address", "127.0.0.1",
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1",
        "spark.sql.warehouse.dir", work.resolve("warehouse").toString(),
        "spark.local.dir", work.resolve("local").toString(),
        "spark.sql.shuffle.partitions", "4");
    defaults.forEach((key, value) -> {
      if (!conf.containsKey(key)) {
        command.add("-D" + key + "=" + value);
      }
    });
    conf.forEach((key, value) -> command.add("-D" + key + "=" + value));
    StringBuilder classpath = new StringBuilder(extractWatchdog(work).toString());
    for (Path jar : jars) {
      classpath.append(File.pathSeparatorChar).append(jar);
    }
    command.add("-cp");
    command.add(classpath.toString());
    command.add(ParentWatchdog.class.getName());
    command.add(SERVER_MAIN);
    return command;
  }

  /** Copies the watchdog class out, so the child's classpath holds it and Spark's jars and nothing else. */
  private static Path extractWatchdog(Path work) {
    Path dir = work.resolve("launcher");
    String name = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(name);
    try (InputStream in = ParentWatchdog.class.getResourceAsStream("ParentWatchdog.class")) {
      if (in == null) {
        throw new IllegalStateException("ParentWatchdog.class is not readable as a resource");
      }
      Files.createDirectories(target.getParent());
      Files.write(target, in.readAllBytes());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException lastError = null;
    try (ConnectChannel channel = ReadinessProbe.open(port, token)) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new ServerStartException("Spark Connect " + sparkVersion + " exited with code "
              + process.exitValue() + " before it was ready\n" + LogTail.of(logFile, 80));
        }
        try {
          String version = ReadinessProbe.sparkVersion(channel);
          if (!version.equals(sparkVersion)) {
            throw new ServerStartException("Port " + port + " answers as Spark " + version + ", not "
                + sparkVersion + "; another server took the port");
          }
          if (!sparkVersion.startsWith("3.")) {
            checkReleaseSession(channel);
          }
          return;
        } catch (io.grpc.StatusRuntimeException e) {
          lastError = e;
        }
        sleep(500);
      }
    }
    throw new ServerStartException("Spark Connect " + sparkVersion + " did not answer on 127.0.0.1:" + port
        + " within " + timeout + " (last error: " + lastError + ")\n" + LogTail.of(logFile, 80));
  }

  private void checkReleaseSession(ConnectChannel channel) {
    try {
      ReadinessProbe.checkReleaseSession(channel);
    } catch (io.grpc.StatusRuntimeException e) {
      throw new ServerStartException("Spark Connect " + sparkVersion + " answers but ReleaseSession fails ("
          + e.getStatus() + "); its classpath is incomplete (4.x servers need spark-mllib)\n"
          + LogTail.of(logFile, 40), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Interrupted while waiting for the server", e);
    }
  }

  public String sparkVersion() {
    return sparkVersion;
  }

  /** The token clients must send, when the server was started with {@value #TOKEN_CONF}. */
  public java.util.Optional<String> token() {
    return java.util.Optional.ofNullable(token);
  }

  public int port() {
    return port;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server: SIGTERM, then a forced kill after 20 seconds. Idempotent. */
  public void stop() {
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running or about to
      }
    }
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the server process ends. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }
}
