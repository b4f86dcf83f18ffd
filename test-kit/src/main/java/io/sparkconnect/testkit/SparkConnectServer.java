package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.ServerProcess;
import io.sparkconnect.transport.TlsSettings;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real Spark Connect server running in a child JVM from Spark's jars on Maven Central, bound to 127.0.0.1 on a
 * free port. It is stopped by {@link #close()}, at JVM exit, or when the JVM that started it dies.
 *
 * <pre>{@code
 * try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion("4.1").start()) {
 *   String remote = server.connectionString(); // sc://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>For tests, {@link #shared(String)} returns one server per version for the whole JVM. With {@link
 * Builder#tls()} clients reach the server through a {@link TlsProxy} with certificates of a fresh test CA:
 *
 * <pre>{@code
 * try (SparkConnectServer server = SparkConnectServer.builder().tls().start()) {
 *   SparkSession.builder().remote(server.connectionString()).tls(server.clientTls()).build();
 * }
 * }</pre>
 */
public final class SparkConnectServer implements AutoCloseable {
  /** Default maximum heap of the server JVM: {@value}. */
  public static final String DEFAULT_HEAP = "1g";
  /** Default time to wait for the server to answer. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(4);
  /** System property naming the directory for server work files and logs. */
  public static final String WORK_DIR_PROPERTY = "sparkconnect.testkit.workdir";

  private final ServerProcess process;
  private final TlsFrontend tls;

  private SparkConnectServer(ServerProcess process, TlsFrontend tls) {
    this.process = process;
    this.tls = tls;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server for this version shared by the whole JVM, started on first use and stopped at JVM exit. A server
   * that failed to start fails every later call with the same error instead of starting again.
   */
  public static SparkConnectServer shared(String sparkVersion) {
    return SharedServers.get(SparkVersions.resolve(sparkVersion));
  }

  /** The full Spark version the server runs, e.g. {@code 4.1.2}. */
  public String sparkVersion() {
    return process.sparkVersion();
  }

  /** The port clients connect to on 127.0.0.1: the TLS port when the server was started with TLS. */
  public int port() {
    return tls != null ? tls.port() : process.port();
  }

  /** The Spark Connect server's own plaintext port on 127.0.0.1; the same as {@link #port()} without TLS. */
  public int plaintextPort() {
    return process.port();
  }

  /**
   * The address to give clients: {@code sc://127.0.0.1:<port>}, with {@code ;use_ssl=false;token=...} when the
   * server was started with {@code spark.connect.authenticate.token} (plaintext is allowed only on loopback). With
   * TLS it is {@code sc://127.0.0.1:<port>/;use_ssl=true}, and clients also need {@link #clientTls()}.
   */
  public String connectionString() {
    String token = process.token().map(value -> ";token=" + value.replace("%", "%25").replace(";", "%3B"))
        .orElse("");
    if (tls != null) {
      return "sc://127.0.0.1:" + port() + "/;use_ssl=true" + token;
    }
    return "sc://127.0.0.1:" + port() + (token.isEmpty() ? "" : "/;use_ssl=false" + token);
  }

  /** The PEM file of the CA that signed the server's certificate, when the server was started with TLS. */
  public Optional<Path> caCertificate() {
    return Optional.ofNullable(tls).map(TlsFrontend::caCertificate);
  }

  /** The client certificate the server accepts, when it was started with mutual TLS. */
  public Optional<IssuedCertificate> clientCertificate() {
    return Optional.ofNullable(tls).flatMap(TlsFrontend::clientCertificate);
  }

  /**
   * The TLS settings clients need: trust in the server's CA, with the client certificate under mutual TLS; {@link
   * TlsSettings#plaintext()} for a plaintext server.
   */
  public TlsSettings clientTls() {
    return tls != null ? tls.clientTls() : TlsSettings.plaintext();
  }

  /** The server's combined standard output and log. */
  public Path logFile() {
    return process.logFile();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Blocks until the server stops, for tools that keep a server running until interrupted. */
  public int awaitTermination() throws InterruptedException {
    return process.waitFor();
  }

  /** Stops the server and waits for its JVM to exit. */
  @Override
  public void close() {
    if (tls != null) {
      tls.close();
    }
    process.stop();
  }

  @Override
  public String toString() {
    return "SparkConnectServer{spark " + sparkVersion() + " at "
        + io.sparkconnect.transport.ConnectionString.parse(connectionString()) + "}";
  }

  /** Configures and starts a {@link SparkConnectServer}. Not thread-safe. */
  public static final class Builder {
    private String sparkVersion = SparkVersions.latest();
    private Path workDirectory;
    private String heap = DEFAULT_HEAP;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private final Map<String, String> conf = new LinkedHashMap<>();
    private Consumer<String> progress = line -> { };
    private ServerJarResolver jarResolver = ServerJarResolver.defaults();
    private int port;
    private ServerTls tls;

    private Builder() {}

    /** A full version or an alias such as {@code 3.5} or {@code 4.1}. */
    public Builder sparkVersion(String version) {
      this.sparkVersion = SparkVersions.resolve(version);
      return this;
    }

    /** Where the server keeps its log, warehouse and temporary files. */
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "workDirectory");
      return this;
    }

    /** The server JVM's maximum heap, in {@code -Xmx} form such as {@code 2g}. */
    public Builder heap(String heap) {
      if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
        throw new IllegalArgumentException("heap must look like 512m or 2g, got '" + heap + "'");
      }
      this.heap = heap;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "startTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /**
     * Makes clients authenticate with this bearer token (Spark 4.x), as {@code spark.connect.authenticate.token};
     * {@link SparkConnectServer#connectionString()} then carries it, and the readiness probe sends it.
     */
    public Builder token(String token) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("the server token must not be empty");
      }
      return conf(ServerProcess.TOKEN_CONF, token);
    }

    /** A Spark configuration the server starts with, such as {@code spark.connect.authenticate.token}. */
    public Builder conf(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value of " + key);
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException("server configuration keys start with 'spark.', got '" + key + "'");
      }
      conf.put(key, value);
      return this;
    }

    /**
     * A fixed port on 127.0.0.1, for example to restart a server where clients expect it; free by default. With
     * TLS it is the TLS port, and the server itself listens on a free one.
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Puts TLS in front of the server: a fresh test CA (see {@link #caCertificate()}) signs a certificate for
     * {@code localhost} and {@code 127.0.0.1}, and a {@link TlsProxy} with ALPN {@code h2} forwards to the
     * server's plaintext port.
     */
    public Builder tls() {
      return tls(ServerTls.defaults());
    }

    /** Puts TLS in front of the server with these certificate names and client-certificate rule. */
    public Builder tls(ServerTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Fetches the server's jars another way than the default (local Maven repository, then Maven Central). */
    public Builder jarResolver(ServerJarResolver resolver) {
      this.jarResolver = Objects.requireNonNull(resolver, "jarResolver");
      return this;
    }

    /** Receives progress lines: jar downloads and start-up. */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Starts the server and blocks until it answers Spark Connect requests.
     *
     * @throws ServerStartException with the tail of the server log if it cannot start
     */
    public SparkConnectServer start() {
      Path work = workDirectory != null ? workDirectory : defaultWorkDirectory();
      ServerProcess process = ServerProcess.start(sparkVersion, tls == null ? port : 0, work, heap, startTimeout,
          conf, jarResolver, progress);
      if (tls == null) {
        return new SparkConnectServer(process, null);
      }
      try {
        return new SparkConnectServer(process, TlsFrontend.start(tls, process.port(), port, work));
      } catch (RuntimeException e) {
        process.stop();
        throw e;
      }
    }

    private static Path defaultWorkDirectory() {
      String configured = System.getProperty(WORK_DIR_PROPERTY);
      if (configured != null && !configured.isBlank()) {
        return Paths.get(configured);
      }
      return Paths.get(System.getProperty("java.io.tmpdir"), "spark-connect-java");
    }
  }
}
