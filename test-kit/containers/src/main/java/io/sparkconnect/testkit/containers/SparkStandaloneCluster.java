package io.sparkconnect.testkit.containers;

import io.grpc.StatusRuntimeException;
import io.sparkconnect.testkit.ServerStartException;
import io.sparkconnect.testkit.SparkVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * A real multi-process Spark standalone cluster in Docker: a master, workers (two by default, one core each), and a
 * Spark Connect server whose driver submits to the master, on a Docker network of their own. Ready when the server
 * answers a query whose tasks ran on every worker. Only the server's port is published, on the host's loopback.
 *
 * <pre>{@code
 * try (SparkStandaloneCluster cluster = new SparkStandaloneCluster("4.1")) {
 *   cluster.start();
 *   String remote = cluster.connectionString();
 * }
 * new SparkStandaloneCluster(DockerImageName.parse("apache/spark:4.1.2"), "4.1.2", 2)   // an official image
 * }</pre>
 */
public class SparkStandaloneCluster implements Startable {
  /** The query whose distinct values are the hosts its tasks ran on. */
  static final String HOSTS_QUERY =
      "SELECT DISTINCT java_method('java.net.InetAddress', 'getLocalHost') AS host FROM range(0, 400, 1, 16)";
  /** Where the server and every worker see the same files: tables, parquet written by executors, checkpoints. */
  public static final String SHARED_DIR = "/data";
  private static final String MASTER = "spark-master";
  private static final String SERVER = "spark-connect";

  private final String sparkVersion;
  private final int workerCount;
  private final Network network;
  private final GenericContainer<?> master;
  private final List<GenericContainer<?>> workers = new ArrayList<>();
  private final SparkConnectContainer server;
  private final Path sharedDir;
  private Duration readyTimeout = Duration.ofMinutes(4);
  private Consumer<String> progress = System.out::println;

  /** A cluster of this test-kit version (full or alias) with two workers, on the image built from local jars. */
  public SparkStandaloneCluster(String sparkVersion) {
    this(SparkImages.serverImage(sparkVersion), SparkVersions.resolve(sparkVersion), 2);
  }

  /**
   * A cluster on any image with Spark's jars in {@code /opt/spark/jars} and {@code java} on its PATH.
   *
   * @param sparkVersion the version the server must answer with, or null to accept any
   */
  public SparkStandaloneCluster(DockerImageName image, String sparkVersion, int workerCount) {
    if (workerCount < 1) {
      throw new IllegalArgumentException("A cluster needs at least one worker, not " + workerCount);
    }
    this.sparkVersion = sparkVersion;
    this.workerCount = workerCount;
    try {
      this.sharedDir = Files.createTempDirectory("spark-cluster-data");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the cluster's shared directory", e);
    }
    this.network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(SparkImages.LABEL,
        "cluster"))).build();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", SparkImages.SPARK_HOME);
    if (sparkVersion != null) {
      env.put("SPARK_SCALA_VERSION", SparkImages.scalaVersion(sparkVersion));
    }
    this.master = new GenericContainer<>(image)
        .withNetwork(network)
        .withNetworkAliases(MASTER)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(MASTER).withEntrypoint("java"))
        .withEnv(env)
        .withLabel(SparkImages.LABEL, "master")
        .withCommand(javaArgs("512m", Map.of(), SparkJvm.MASTER_MAIN,
            List.of("--host", MASTER, "--port", "7077", "--webui-port", "8080")))
        .waitingFor(Wait.forLogMessage(".*I have been elected leader.*\\n", 1)
            .withStartupTimeout(Duration.ofMinutes(2)));
    for (int i = 1; i <= workerCount; i++) {
      String name = "spark-worker-" + i;
      workers.add(new GenericContainer<>(image)
          .withNetwork(network)
          .withNetworkAliases(name)
          .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name).withEntrypoint("java"))
          .withEnv(env)
          .withLabel(SparkImages.LABEL, "worker")
          .withFileSystemBind(sharedDir.toString(), SHARED_DIR, BindMode.READ_WRITE)
          .withCommand(javaArgs("512m", Map.of(), SparkJvm.WORKER_MAIN, List.of("--host", name, "--cores", "1",
              "--memory", "1g", "--webui-port", "8081", "--work-dir", "/tmp/spark-work",
              "spark://" + MASTER + ":7077")))
          .waitingFor(Wait.forLogMessage(".*Successfully registered with master.*\\n", 1)
              .withStartupTimeout(Duration.ofMinutes(2))));
    }
    this.server = new SparkConnectContainer(image, sparkVersion)
        .withNetwork(network)
        .withNetworkAliases(SERVER)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(SERVER))
        .withDriverHost(SERVER)
        .withFileSystemBind(sharedDir.toString(), SHARED_DIR, BindMode.READ_WRITE)
        .withConf("spark.sql.warehouse.dir", SHARED_DIR + "/warehouse")
        .withConf("spark.checkpoint.dir", SHARED_DIR + "/checkpoints")
        .withConf("spark.master", "spark://" + MASTER + ":7077")
        .withConf("spark.app.name", "spark-connect-java-test-kit-cluster")
        .withConf("spark.executor.memory", "512m")
        .withConf("spark.executor.cores", "1")
        .withConf("spark.cores.max", Integer.toString(workerCount))
        .withConf("spark.sql.shuffle.partitions", Integer.toString(2 * workerCount));
  }

  private static String[] javaArgs(String heap, Map<String, String> properties, String main, List<String> args) {
    String[] command = SparkJvm.command(heap, properties, main, args);
    return java.util.Arrays.copyOfRange(command, 1, command.length);
  }

  /** A Spark setting for the Spark Connect server, the cluster's only driver. */
  public SparkStandaloneCluster withConf(String key, String value) {
    server.withConf(key, value);
    return this;
  }

  /** How long {@link #start()} waits for the tasks of a query to run on every worker (default 4 minutes). */
  public SparkStandaloneCluster withReadyTimeout(Duration timeout) {
    this.readyTimeout = timeout;
    return this;
  }

  /** Where start-up progress lines go (default standard output). */
  public SparkStandaloneCluster withProgress(Consumer<String> progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Starts the master, then the workers, then the server, and waits until a query runs tasks on every worker.
   *
   * @throws ServerStartException with the containers' log tails when the cluster is not ready in time
   */
  @Override
  public void start() {
    long start = System.nanoTime();
    try {
      master.start();
      progress.accept(String.format("Spark master up after %.1f s", seconds(start)));
      workers.parallelStream().forEach(GenericContainer::start);
      progress.accept(String.format("%d workers registered after %.1f s", workerCount, seconds(start)));
      server.start();
      progress.accept(String.format("Spark Connect server answers after %.1f s", seconds(start)));
      awaitAllWorkersRunTasks();
      progress.accept(String.format("Tasks ran on all %d workers after %.1f s", workerCount, seconds(start)));
    } catch (RuntimeException e) {
      String logs = logTails();
      stop();
      if (e instanceof ServerStartException) {
        throw new ServerStartException(e.getMessage() + "\n" + logs, e);
      }
      throw new ServerStartException("The Spark standalone cluster did not start: " + e + "\n" + logs, e);
    }
  }

  private void awaitAllWorkersRunTasks() {
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    long hosts = 0;
    RuntimeException lastError = null;
    try (SparkConnectProbe probe = SparkConnectProbe.open(server.host(), server.port(), server.token())) {
      while (System.nanoTime() < deadline) {
        try {
          hosts = probe.countRows(HOSTS_QUERY, 120);
          if (hosts >= workerCount) {
            return;
          }
        } catch (StatusRuntimeException e) {
          lastError = e;
        }
        sleep(1000);
      }
    }
    throw new ServerStartException("The cluster's tasks ran on " + hosts + " of " + workerCount + " workers within "
        + readyTimeout + (lastError == null ? "" : " (last error: " + lastError + ")"));
  }

  private String logTails() {
    StringBuilder logs = new StringBuilder();
    List<GenericContainer<?>> all = new ArrayList<>();
    all.add(master);
    all.addAll(workers);
    all.add(server);
    for (GenericContainer<?> container : all) {
      if (container.getContainerId() == null) {
        continue;
      }
      String[] lines;
      try {
        lines = container.getLogs().split("\\R");
      } catch (RuntimeException e) {
        continue;
      }
      int from = Math.max(0, lines.length - 25);
      logs.append("--- ").append(container.getNetworkAliases()).append(", last ").append(lines.length - from)
          .append(" log lines ---\n");
      for (int i = from; i < lines.length; i++) {
        logs.append(lines[i]).append('\n');
      }
    }
    return logs.toString();
  }

  /** The Spark Connect server, the cluster's driver. */
  public SparkConnectContainer server() {
    return server;
  }

  public GenericContainer<?> master() {
    return master;
  }

  public List<GenericContainer<?>> workers() {
    return List.copyOf(workers);
  }

  /**
   * Kills worker {@code index} (0-based) at once, as a crashed machine would: its executor dies with it, and the
   * master and driver notice it only by its silence.
   */
  public void killWorker(int index) {
    GenericContainer<?> worker = workers.get(index);
    worker.getDockerClient().killContainerCmd(worker.getContainerId()).exec();
  }

  /** The host directory mounted at {@link #SHARED_DIR} in the server and every worker. */
  public Path sharedDir() {
    return sharedDir;
  }

  /** The version given at construction, or null when any was accepted. */
  public String sparkVersion() {
    return sparkVersion;
  }

  /** {@code sc://127.0.0.1:<port>} of the Spark Connect server. */
  public String connectionString() {
    return server.connectionString();
  }

  /** Stops the server, the workers and the master, and removes the network. Idempotent. */
  @Override
  public void stop() {
    server.stop();
    workers.forEach(GenericContainer::stop);
    master.stop();
    try {
      network.close();
    } catch (RuntimeException e) {
      // already removed, or still in use by a container that failed to stop; stop-docker.sh removes leftovers
    }
    deleteQuietly(sharedDir);
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the system cleans it up
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Interrupted while waiting for the cluster", e);
    }
  }
}
