package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SqlCommand;
import io.sparkconnect.spi.Policies;
import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.spi.RetryPolicy;
import io.sparkconnect.spi.Sleeper;
import io.sparkconnect.spi.Ticker;
import io.sparkconnect.sql.internal.ClientIdentity;
import io.sparkconnect.sql.internal.ClientPolicies;
import io.sparkconnect.sql.internal.QueryRunner;
import io.sparkconnect.sql.internal.SharedChannel;
import io.sparkconnect.sql.internal.SparkConnectClient;
import io.sparkconnect.sql.internal.SqlStatements;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import io.sparkconnect.transport.ConnectionString;
import io.sparkconnect.transport.TlsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session on a Spark Connect server: the entry point for SQL and DataFrames. Thread-safe; close it to release the
 * session on the server.
 *
 * <pre>{@code
 * try (SparkSession spark = SparkSession.builder().remote("sc://localhost:15002").build()) {
 *   List<Row> rows = spark.sql("SELECT id, id * 2 AS twice FROM range(3)").collect();
 * }
 * }</pre>
 */
public final class SparkSession implements AutoCloseable {
  private final SharedChannel channel;
  private final SparkConnectClient client;
  private final QueryRunner runner;
  private final RuntimeConfig conf;
  private final AtomicLong planIds = new AtomicLong();
  private final InheritableThreadLocal<java.util.Set<String>> tags = new InheritableThreadLocal<>() {
    @Override
    protected java.util.Set<String> initialValue() {
      return java.util.Set.of();
    }
  };

  private SparkSession(SharedChannel channel, ClientIdentity identity, ClientPolicies policies,
      int preferredChunkSize) {
    this.channel = channel;
    this.client = new SparkConnectClient(channel.channel(), identity, policies, preferredChunkSize);
    this.runner = new QueryRunner(client);
    this.conf = new RuntimeConfig(client);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs a SQL statement. Commands such as {@code CREATE TABLE} or {@code SET} run now; a query returns a lazy
   * DataFrame that runs when an action such as {@link DataFrame#collect()} is called.
   *
   * @throws ParseException if the statement cannot be parsed
   * @throws AnalysisException if it refers to something that does not exist
   */
  public DataFrame sql(String query) {
    return sql(query, Map.of());
  }

  /**
   * Runs a SQL statement with named parameters, written {@code :name} in the text. Values are Java values of the
   * type table or {@link Column}s.
   */
  public DataFrame sql(String query, Map<String, ?> namedArguments) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(namedArguments, "namedArguments");
    return runSql(SqlStatements.named(query, namedArguments, this::serverVersion));
  }

  /** Runs a SQL statement with positional parameters, written {@code ?} in the text. */
  public DataFrame sql(String query, Object... positionalArguments) {
    Objects.requireNonNull(query, "query");
    return runSql(SqlStatements.positional(query, java.util.Arrays.asList(positionalArguments),
        this::serverVersion));
  }

  private DataFrame runSql(SqlCommand command) {
    Relation result = runner.executeCommand(Command.newBuilder().setSqlCommand(command).build(), tags());
    if (result == null) {
      throw new SparkConnectException("The server returned no result for the SQL statement");
    }
    return new DataFrame(this, withPlanId(result.toBuilder()));
  }

  io.sparkconnect.sql.internal.ServerVersion serverVersion() {
    return client.serverVersion();
  }

  /** The numbers {@code start}, {@code start + step}, ... below {@code end}, in a column named {@code id}. */
  public DataFrame range(long start, long end, long step, int numPartitions) {
    if (step == 0) {
      throw new IllegalArgumentException("range step must not be 0");
    }
    io.sparkconnect.proto.Range.Builder range = io.sparkconnect.proto.Range.newBuilder()
        .setStart(start).setEnd(end).setStep(step);
    if (numPartitions > 0) {
      range.setNumPartitions(numPartitions);
    }
    return new DataFrame(this, withPlanId(Relation.newBuilder().setRange(range)));
  }

  public DataFrame range(long start, long end, long step) {
    return range(start, end, step, 0);
  }

  public DataFrame range(long start, long end) {
    return range(start, end, 1, 0);
  }

  public DataFrame range(long end) {
    return range(0, end, 1, 0);
  }

  /** A table or view from the catalog. */
  public DataFrame table(String name) {
    return read().table(name);
  }

  /** Reads files and tables. */
  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  /** Attaches a tag to the operations this thread (and threads it starts) runs from now on. */
  public void addTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    if (tag.isEmpty() || tag.contains(",")) {
      throw new IllegalArgumentException("A tag must be non-empty and contain no ',', got '" + tag + "'");
    }
    java.util.Set<String> current = new java.util.LinkedHashSet<>(tags.get());
    current.add(tag);
    tags.set(java.util.Collections.unmodifiableSet(current));
  }

  public void removeTag(String tag) {
    java.util.Set<String> current = new java.util.LinkedHashSet<>(tags.get());
    current.remove(tag);
    tags.set(java.util.Collections.unmodifiableSet(current));
  }

  /** The tags of this thread's operations. */
  public java.util.Set<String> getTags() {
    return tags.get();
  }

  public void clearTags() {
    tags.set(java.util.Set.of());
  }

  java.util.Set<String> tags() {
    return tags.get();
  }

  /** Interrupts every running operation of this session; returns the ids of those interrupted. */
  public List<String> interruptAll() {
    return interrupt(io.sparkconnect.proto.InterruptRequest.newBuilder().setInterruptType(
        io.sparkconnect.proto.InterruptRequest.InterruptType.INTERRUPT_TYPE_ALL));
  }

  /** Interrupts the running operations with this tag; returns the ids of those interrupted. */
  public List<String> interruptTag(String tag) {
    return interrupt(io.sparkconnect.proto.InterruptRequest.newBuilder().setInterruptType(
        io.sparkconnect.proto.InterruptRequest.InterruptType.INTERRUPT_TYPE_TAG).setOperationTag(tag));
  }

  /** Interrupts one operation by id; returns its id if it was running. */
  public List<String> interruptOperation(String operationId) {
    return interrupt(io.sparkconnect.proto.InterruptRequest.newBuilder().setInterruptType(
        io.sparkconnect.proto.InterruptRequest.InterruptType.INTERRUPT_TYPE_OPERATION_ID)
        .setOperationId(operationId));
  }

  private List<String> interrupt(io.sparkconnect.proto.InterruptRequest.Builder request) {
    return List.copyOf(client.interrupt(request).getInterruptedIdsList());
  }

  /** The server's Spark version, such as {@code 4.1.2}. */
  public String version() {
    return client.serverVersion().toString();
  }

  /** The session's runtime configuration. */
  public RuntimeConfig conf() {
    return conf;
  }

  /** The client-side session id, as the server knows it. */
  public String sessionId() {
    return client.sessionId();
  }

  /**
   * A new session on the same connection, with its own configuration, temporary views and state. Closing either
   * session leaves the other open.
   */
  public SparkSession newSession() {
    return new SparkSession(channel.retain(), client.identity().withSessionId(UUID.randomUUID()),
        client.policies(), client.preferredChunkSize());
  }

  /**
   * A copy of this session on the server, with its configuration, temporary views and functions, that then
   * evolves on its own (Spark 4.1+).
   *
   * @throws SparkConnectException on older servers
   */
  public SparkSession cloneSession() {
    String id = client.cloneSession(UUID.randomUUID().toString());
    return new SparkSession(channel.retain(), client.identity().withSessionId(UUID.fromString(id)),
        client.policies(), client.preferredChunkSize());
  }

  /**
   * The metrics of the named {@link DataFrame#observe(String, Column, Column...)} reported by the latest action
   * that ran it, keyed by the metric names.
   *
   * @throws java.util.NoSuchElementException if no action has reported them yet
   */
  public Map<String, Object> observedMetrics(String name) {
    Map<String, Object> metrics = runner.observations().get(name);
    if (metrics == null) {
      throw new java.util.NoSuchElementException("No metrics observed under '" + name
          + "' yet; run an action such as collect() or count() on the observed DataFrame first");
    }
    return metrics;
  }

  /** Parses a DDL type or schema string, such as {@code "a INT, b ARRAY<STRING>"}, on the server. */
  public io.sparkconnect.sql.types.DataType parseDataType(String ddl) {
    return io.sparkconnect.sql.internal.DataTypeConverter.fromProto(client.analyze(
        io.sparkconnect.proto.AnalyzePlanRequest.newBuilder().setDdlParse(
            io.sparkconnect.proto.AnalyzePlanRequest.DDLParse.newBuilder().setDdlString(ddl)))
        .getDdlParse().getParsed());
  }

  /** Releases the session on the server and closes the connection once no session uses it. Idempotent. */
  @Override
  public void close() {
    if (client.isClosed()) {
      return;
    }
    try {
      client.release();
    } finally {
      channel.release();
    }
  }

  /** The same as {@link #close()}. */
  public void stop() {
    close();
  }

  SparkConnectClient client() {
    return client;
  }

  QueryRunner runner() {
    return runner;
  }

  /** Gives a relation a plan id unique within the session, as DataFrame column references need. */
  Relation withPlanId(Relation.Builder relation) {
    relation.getCommonBuilder().setPlanId(planIds.incrementAndGet());
    return relation.build();
  }

  @Override
  public String toString() {
    return "SparkSession{" + channel.channel().settings().host() + ":" + channel.channel().settings().port()
        + ", session " + sessionId() + "}";
  }

  /**
   * Configures and connects a {@link SparkSession}. The connection string sets the defaults; the other methods
   * override it. Not thread-safe.
   */
  public static final class Builder {
    private String remote;
    private final ChannelSettings.Builder settings = ChannelSettings.builder();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String token;
    private TlsSettings tls;
    private Boolean useSsl;
    private String userId;
    private String userName;
    private UUID sessionId;
    private String userAgent;
    private Integer maxMessageSize;
    private int arrowChunkSize;
    private RetryPolicy retryPolicy;
    private ReattachPolicy reattachPolicy;
    private RetryListener retryListener = RetryListener.none();
    private Sleeper sleeper = Sleeper.system();
    private Ticker ticker = Ticker.system();
    private Duration rpcDeadline = ClientPolicies.DEFAULT_RPC_DEADLINE;
    private Duration operationDeadline;

    private Builder() {}

    /** The policy for retrying failed calls; the built-in {@code default} unless set here or in the connection string. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * A retry policy by name, found with {@link java.util.ServiceLoader}.
     *
     * @throws IllegalArgumentException listing the available names if there is none by that name
     */
    public Builder retryPolicy(String name) {
      return retryPolicy(Policies.retryPolicy(name));
    }

    /** The policy for resuming broken result streams; the built-in {@code default} unless set. */
    public Builder reattachPolicy(ReattachPolicy policy) {
      this.reattachPolicy = Objects.requireNonNull(policy, "reattachPolicy");
      return this;
    }

    public Builder reattachPolicy(String name) {
      return reattachPolicy(Policies.reattachPolicy(name));
    }

    /** Hears every retry and reattach. */
    public Builder retryListener(RetryListener listener) {
      this.retryListener = Objects.requireNonNull(listener, "retryListener");
      return this;
    }

    /** The waiting and the clock retries use; replace both in tests for exact timing. */
    public Builder clock(Sleeper sleeper, Ticker ticker) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * The deadline of each call and of each result-stream segment (default 10 minutes); a reattachable result
     * stream that reaches it is resumed, not failed.
     */
    public Builder rpcDeadline(Duration deadline) {
      Objects.requireNonNull(deadline, "rpcDeadline");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("rpcDeadline must be positive, got " + deadline);
      }
      this.rpcDeadline = deadline;
      return this;
    }

    /** The longest an operation may run, retries and reattaches included; no limit by default. */
    public Builder operationDeadline(Duration deadline) {
      Objects.requireNonNull(deadline, "operationDeadline");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("operationDeadline must be positive, got " + deadline);
      }
      this.operationDeadline = deadline;
      return this;
    }

    /**
     * The size in bytes that 4.1+ servers should cut large Arrow batches into; the server's default (about 120
     * MiB) when not set. The client reassembles the chunks.
     */
    public Builder arrowChunkSize(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("arrowChunkSize must be at least 1024 bytes, got " + bytes);
      }
      this.arrowChunkSize = bytes;
      return this;
    }

    /**
     * The server, as {@code sc://host[:port]/;key=value;...}. Defaults to the {@code SPARK_REMOTE} environment
     * variable, then {@code sc://localhost}.
     */
    public Builder remote(String connectionString) {
      this.remote = Objects.requireNonNull(connectionString, "connectionString");
      ConnectionString.parse(connectionString);
      return this;
    }

    /** A bearer token; turns TLS on unless TLS is switched off for a loopback server. */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    public Builder useSsl(boolean useSsl) {
      this.useSsl = useSsl;
      return this;
    }

    /** TLS trust, client certificate and authority settings; turns TLS on when enabled. */
    public Builder tls(TlsSettings tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    public Builder userId(String userId) {
      this.userId = Objects.requireNonNull(userId, "userId");
      return this;
    }

    public Builder userName(String userName) {
      this.userName = Objects.requireNonNull(userName, "userName");
      return this;
    }

    /** A fixed client-side session id, to rejoin a server session; random by default. */
    public Builder sessionId(UUID sessionId) {
      this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** A header sent on every call. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
      return this;
    }

    /** The largest message the client accepts, in bytes; 128 MiB by default. */
    public Builder maxInboundMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    /** Direct access to transport settings such as keepalive and event-loop threads. */
    public Builder channel(java.util.function.Consumer<ChannelSettings.Builder> customizer) {
      customizer.accept(settings);
      return this;
    }

    /**
     * Connects lazily (the first request opens the connection) and returns the session.
     *
     * @throws IllegalArgumentException if the connection string or an option is invalid
     */
    public SparkSession build() {
      String text = remote != null ? remote : System.getenv().getOrDefault("SPARK_REMOTE", "sc://localhost");
      ConnectionString connection = ConnectionString.parse(text);
      settings.applyConnectionString(connection);
      if (token != null) {
        settings.token(token);
      }
      if (useSsl != null) {
        settings.tls(TlsSettings.builder().enabled(useSsl).build());
      }
      if (tls != null) {
        settings.tls(tls);
      }
      headers.forEach(settings::header);
      if (maxMessageSize != null) {
        settings.maxInboundMessageSize(maxMessageSize);
      }
      if (userAgent != null) {
        settings.userAgent(userAgent);
      }
      ChannelSettings channelSettings = settings.build();
      ClientIdentity identity = ClientIdentity.create(
          sessionId != null ? sessionId : connection.sessionId().orElseGet(UUID::randomUUID),
          userId != null ? userId : connection.userId().orElse(System.getProperty("user.name", "")),
          userName != null ? userName : connection.userName().orElse(null),
          userAgent != null ? userAgent : connection.userAgent().orElse(null));
      RetryPolicy retry = retryPolicy != null ? retryPolicy
          : connection.retryPolicy().map(Policies::retryPolicy).orElseGet(RetryPolicy::defaults);
      ReattachPolicy reattach = reattachPolicy != null ? reattachPolicy
          : connection.reattachPolicy().map(Policies::reattachPolicy).orElseGet(ReattachPolicy::defaults);
      ClientPolicies policies = new ClientPolicies(retry, reattach, retryListener, sleeper, ticker, rpcDeadline,
          operationDeadline);
      return new SparkSession(new SharedChannel(ConnectChannel.open(channelSettings)), identity, policies,
          arrowChunkSize);
    }
  }
}
