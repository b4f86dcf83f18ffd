package io.sparkconnect.testkit.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.sparkconnect.testkit.SparkVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One Spark Connect server in a Docker container, started with the same main class and settings as the test-kit's
 * child-JVM servers, and ready once it answers Spark Connect requests on a loopback port of the host.
 *
 * <pre>{@code
 * try (SparkConnectContainer server = new SparkConnectContainer("4.1")) {   // local image, built from local jars
 *   server.start();
 *   String remote = server.connectionString();                                 // sc://127.0.0.1:<port>
 * }
 * new SparkConnectContainer(DockerImageName.parse("apache/spark:4.1.2"), "4.1.2") // an official image instead
 * }</pre>
 *
 * <p>By default it runs Spark in local mode ({@code local[2]}); {@link SparkStandaloneCluster} points it at a master.
 * Any image with {@code java} on its PATH and Spark's jars, including spark-connect's, in {@code /opt/spark/jars}
 * works: the official {@code apache/spark} 4.x images have them; 3.5 ones lack the spark-connect jar.
 */
public class SparkConnectContainer extends GenericContainer<SparkConnectContainer> {
  /** The Spark Connect port inside the container. */
  public static final int PORT = 15002;

  private final String sparkVersion;
  private final Map<String, String> conf = new LinkedHashMap<>();
  private String heap = "1g";
  private String driverHost = "127.0.0.1";

  /** A server of this test-kit version (full or alias), on an image built locally from the local Maven repository. */
  public SparkConnectContainer(String sparkVersion) {
    this(SparkImages.serverImage(sparkVersion), SparkVersions.resolve(sparkVersion));
  }

  /**
   * A server on any image that has Spark's jars in {@code /opt/spark/jars}, such as an official {@code apache/spark}
   * one.
   *
   * @param sparkVersion the version the server must answer with, or null to accept any
   */
  public SparkConnectContainer(DockerImageName image, String sparkVersion) {
    super(image);
    this.sparkVersion = sparkVersion;
    withExposedPorts(PORT);
    withLabel(SparkImages.LABEL, "spark-connect");
    if (sparkVersion != null) {
      withEnv("SPARK_SCALA_VERSION", SparkImages.scalaVersion(sparkVersion));
    }
    withCreateContainerCmdModifier(cmd -> {
      cmd.withEntrypoint("java");
      if (isLocalDocker()) {
        // Only the host's loopback interface, not every interface as Docker's default.
        cmd.getHostConfig()
            .withPublishAllPorts(false)
            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT)));
      }
    });
  }

  /** A Spark setting, passed as a system property as the child-JVM servers do; wins over the defaults. */
  public SparkConnectContainer withConf(String key, String value) {
    conf.put(key, value);
    return self();
  }

  /** The server's maximum heap, such as {@code 1g} (the default). */
  public SparkConnectContainer withHeap(String heap) {
    this.heap = heap;
    return self();
  }

  /** The name executors use to reach this driver; set by {@link SparkStandaloneCluster} to the network alias. */
  SparkConnectContainer withDriverHost(String host) {
    this.driverHost = host;
    return self();
  }

  @Override
  protected void configure() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("derby.system.home", "/tmp/derby");
    properties.put("spark.master", "local[2]");
    properties.put("spark.app.name", "spark-connect-java-test-kit-container-" + sparkVersion);
    properties.put("spark.ui.enabled", "false");
    properties.put("spark.connect.grpc.binding.port", Integer.toString(PORT));
    properties.put("spark.connect.grpc.binding.address", "0.0.0.0");
    properties.put("spark.driver.host", driverHost);
    properties.put("spark.driver.bindAddress", "0.0.0.0");
    properties.put("spark.sql.warehouse.dir", "/tmp/spark-warehouse");
    properties.put("spark.local.dir", "/tmp/spark-local");
    properties.put("spark.sql.shuffle.partitions", "4");
    properties.putAll(conf);
    String[] command = SparkJvm.command(heap, properties, SparkJvm.SERVER_MAIN, List.of());
    // The entrypoint is "java" (see the constructor), so the command is everything after it.
    setCommand(java.util.Arrays.copyOfRange(command, 1, command.length));
    waitingFor(new SparkConnectWaitStrategy(sparkVersion, token(), host(),
        () -> getMappedPort(PORT)));
  }

  /** The bearer token clients must send ({@code spark.connect.authenticate.token}), or null when none. */
  String token() {
    return conf.get("spark.connect.authenticate.token");
  }

  /** The version given at construction, or null when any was accepted. */
  public String sparkVersion() {
    return sparkVersion;
  }

  /** The host clients connect to: {@code 127.0.0.1} for a local engine. */
  public String host() {
    return isLocalDocker() ? "127.0.0.1" : getHost();
  }

  /** The host port that reaches the server. */
  public int port() {
    return getMappedPort(PORT);
  }

  /**
   * {@code sc://host:port}, with {@code /;use_ssl=false;token=...} when {@code spark.connect.authenticate.token} is
   * set, as the child-JVM servers' connection strings.
   */
  public String connectionString() {
    String token = token();
    return "sc://" + host() + ":" + port() + (token == null ? ""
        : "/;use_ssl=false;token=" + token.replace("%", "%25").replace(";", "%3B"));
  }

  private boolean isLocalDocker() {
    String host = getHost();
    return "localhost".equals(host) || host.startsWith("127.");
  }
}
