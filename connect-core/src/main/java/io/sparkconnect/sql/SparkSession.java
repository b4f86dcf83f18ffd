package io.sparkconnect.sql;

import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.GetStatusResponse;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SqlCommand;
import io.sparkconnect.spi.CredentialsProvider;
import io.sparkconnect.spi.CredentialsProviders;
import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.spi.RetryPolicy;
import io.sparkconnect.spi.Sleeper;
import io.sparkconnect.spi.Ticker;
import io.sparkconnect.sql.internal.Artifact;
import io.sparkconnect.sql.internal.ArtifactNames;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.internal.LocalRelations;
import io.sparkconnect.sql.internal.Operations;
import io.sparkconnect.sql.internal.ServerVersion;
import io.sparkconnect.sql.internal.SharedChannel;
import io.sparkconnect.sql.internal.SqlStatements;
import io.sparkconnect.sql.internal.StartupWarmup;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import io.sparkconnect.transport.TlsSettings;
import io.sparkconnect.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

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
  private final Operations operations;
  private final RuntimeConfig conf;
  private final AtomicLong planIds = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private SparkSession(SharedChannel channel, SparkConnectSettings settings) {
    this.channel = channel;
    this.operations = new Operations(channel.channel(), settings);
    this.conf = new RuntimeConfig(operations);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects lazily (the first request opens the connection) with these settings.
   *
   * @throws ConnectionException if the channel cannot be set up, for example because TLS files are unusable
   */
  public static SparkSession create(SparkConnectSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ChannelSettings channel = settings.channel();
    StartupWarmup.start();
    try {
      return new SparkSession(new SharedChannel(ConnectChannel.open(channel)), settings);
    } catch (TransportException e) {
      throw new ConnectionException("Cannot set up the connection to " + channel.host() + ":" + channel.port()
          + ": " + e.getMessage(), e, false);
    }
  }

  /** The settings this session was made with. */
  public SparkConnectSettings settings() {
    return operations.settings();
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
    Map<String, io.sparkconnect.proto.Expression> arguments = new java.util.LinkedHashMap<>();
    namedArguments.forEach((name, value) -> arguments.put(name, Column.toExpression(value)));
    return runSql(SqlStatements.named(query, arguments, this::serverVersion));
  }

  /** Runs a SQL statement with positional parameters, written {@code ?} in the text. */
  public DataFrame sql(String query, Object... positionalArguments) {
    Objects.requireNonNull(query, "query");
    List<io.sparkconnect.proto.Expression> arguments = new ArrayList<>();
    for (Object value : positionalArguments) {
      arguments.add(Column.toExpression(value));
    }
    return runSql(SqlStatements.positional(query, arguments, this::serverVersion));
  }

  private DataFrame runSql(SqlCommand command) {
    Relation result = operations.executeCommand(Command.newBuilder().setSqlCommand(command).build());
    if (result == null) {
      throw new SparkConnectException("The server returned no result for the SQL statement");
    }
    return new DataFrame(this, withPlanId(result.toBuilder()));
  }

  ServerVersion serverVersion() {
    return operations.serverVersion();
  }

  /** The numbers {@code start}, {@code start + step}, ... below {@code end}, in a column named {@code id}. */
  public DataFrame range(long start, long end, long step, int numPartitions) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("range numPartitions must be positive, got " + numPartitions
          + "; use range(start, end, step) to leave the partitioning to the server");
    }
    return range(start, end, step, java.util.OptionalInt.of(numPartitions));
  }

  /** The numbers {@code start}, {@code start + step}, ... below {@code end}, partitioned by the server. */
  public DataFrame range(long start, long end, long step) {
    return range(start, end, step, java.util.OptionalInt.empty());
  }

  public DataFrame range(long start, long end) {
    return range(start, end, 1);
  }

  public DataFrame range(long end) {
    return range(0, end, 1);
  }

  private DataFrame range(long start, long end, long step, java.util.OptionalInt numPartitions) {
    if (step == 0) {
      throw new IllegalArgumentException("range step must not be 0");
    }
    io.sparkconnect.proto.Range.Builder range = io.sparkconnect.proto.Range.newBuilder()
        .setStart(start).setEnd(end).setStep(step);
    numPartitions.ifPresent(range::setNumPartitions);
    return new DataFrame(this, withPlanId(Relation.newBuilder().setRange(range)));
  }

  // ---- local data

  /**
   * A DataFrame of local rows with this schema. Values are matched to the columns by position (a row's own schema,
   * if it has one, is not used) and must be the Java values of the type table, or {@code java.sql.Date}, {@code
   * java.sql.Timestamp}, {@code BigInteger} (for decimals, which are rounded half-up to their scale) and arrays (for
   * arrays); struct values are {@link Row}s. The rows are sent as Arrow batches, inline in the plan or, when larger
   * than the server's {@code spark.sql.session.localRelationCacheThreshold}, uploaded once as an artifact.
   *
   * <pre>{@code
   * StructType schema = StructType.empty().add("id", DataTypes.LongType).add("tags",
   *     DataTypes.createArrayType(DataTypes.StringType));
   * DataFrame df = spark.createDataFrame(List.of(Row.of(1L, List.of("a", "b")), Row.of(2L, null)), schema);
   * }</pre>
   *
   * @throws IllegalArgumentException naming the row, the column, and the expected and actual types of a value that
   *     does not fit (a null in a non-nullable column too), or a column whose type cannot be sent
   */
  public DataFrame createDataFrame(List<? extends Row> rows, StructType schema) {
    return new DataFrame(this, withPlanId(LocalRelations.rows(operations, rows, schema).toBuilder()));
  }

  /**
   * A DataFrame of local rows with the schema they carry, such as rows collected from another DataFrame.
   *
   * @throws IllegalArgumentException if there are no rows, the rows have no schema (rows made by {@link
   *     Row#of(Object...)}), they differ in their schemas, or a value does not fit
   */
  public DataFrame createDataFrame(List<? extends Row> rows) {
    return new DataFrame(this, withPlanId(LocalRelations.rows(operations, rows).toBuilder()));
  }

  /**
   * A DataFrame of Java records or JavaBeans, its schema inferred from the class as Spark infers it: record
   * components in order, or bean properties (public getters) by name; primitives non-nullable, boxes, {@code
   * String}, {@code BigDecimal} (decimal(38,18)), {@code BigInteger} (decimal(38,0)), {@code byte[]}, {@code
   * LocalDate} and {@code java.sql.Date}, {@code Instant} and {@code java.sql.Timestamp}, {@code LocalDateTime}
   * (timestamp_ntz), {@code Duration}, {@code Period}, enums (as their names), {@code Optional} (nullable), {@code
   * List}, arrays, {@code Map}, and nested records and beans (structs).
   *
   * @throws IllegalArgumentException naming the field and type that has no Spark type, or an element that is null
   *     or not of {@code type}
   */
  public DataFrame createDataFrame(List<?> data, Class<?> type) {
    return new DataFrame(this, withPlanId(LocalRelations.objects(operations, data, type).toBuilder()));
  }

  /**
   * A DataFrame of the rows of an Arrow root, with the Spark schema of its Arrow schema. The root is copied; it is
   * neither modified nor closed, and no {@code --add-opens} is needed.
   *
   * @throws IllegalArgumentException naming a field whose Arrow type Spark does not read (Spark reads signed
   *     integers, floats, 128-bit decimals, Utf8, Binary, Date(DAY), Timestamp, Duration and Time in their Spark
   *     units, intervals, lists, maps and structs)
   */
  public DataFrame createDataFrame(VectorSchemaRoot root) {
    return new DataFrame(this, withPlanId(LocalRelations.arrow(operations, root).toBuilder()));
  }

  /** A table or view from the catalog. */
  public DataFrame table(String name) {
    return read().table(name);
  }

  /** Reads files and tables. */
  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  // ---- streaming

  private final RemoteStreamingQueryManager streams = new RemoteStreamingQueryManager(this);

  /** Reads streams into streaming DataFrames, to be written by {@link DataFrame#writeStream()}. */
  public DataStreamReader readStream() {
    return new DataStreamReader(this);
  }

  /** The session's streaming queries and listeners; the same manager on every call. */
  public io.sparkconnect.sql.streaming.StreamingQueryManager streams() {
    return streams;
  }

  /** The session's catalog of databases, tables, views and functions, as {@code spark.catalog} is in Spark. */
  public Catalog catalog() {
    return new Catalog(this);
  }

  /**
   * Attaches a tag to the operations this thread (and threads it starts) runs from now on.
   *
   * @throws IllegalArgumentException if the tag is empty or contains a comma
   */
  public void addTag(String tag) {
    operations.tags().add(tag);
  }

  public void removeTag(String tag) {
    operations.tags().remove(tag);
  }

  /** The tags of this thread's operations. */
  public Set<String> getTags() {
    return operations.tags().get();
  }

  public void clearTags() {
    operations.tags().clear();
  }

  /**
   * Sends a jar (to {@code jars/}) or a class file (to {@code classes/}, for classes without a package) to this
   * session on the server, where its UDFs can load them. Sending the same content again does nothing.
   *
   * @throws IllegalArgumentException if the file is neither, or was added before with other content
   */
  public void addArtifact(Path path) {
    addArtifacts(path);
  }

  /** Sends jars and class files as {@link #addArtifact(Path)} does, in one upload. */
  public void addArtifacts(Path... paths) {
    List<Artifact> artifacts = new ArrayList<>();
    for (Path path : paths) {
      artifacts.add(Artifact.ofFile(ArtifactNames.forFile(path), path));
    }
    operations.addArtifacts(artifacts);
  }

  /**
   * Sends a file to this session on the server under {@code target}: {@code jars/x.jar}, {@code
   * classes/com/example/Udf.class} (by package path), {@code files/data.csv} or {@code archives/x.zip}.
   *
   * @throws IllegalArgumentException if the target is not such a name, or was added before with other content
   */
  public void addArtifact(Path path, String target) {
    operations.addArtifacts(List.of(Artifact.ofFile(target, path)));
  }

  /** Sends bytes to this session on the server under {@code target}, as {@link #addArtifact(Path, String)}. */
  public void addArtifact(byte[] bytes, String target) {
    operations.addArtifacts(List.of(Artifact.ofBytes(target, bytes)));
  }

  /** Registers Java UDFs, from classes sent with {@link #addArtifact(Path)}, for the DataFrame API and SQL. */
  public UDFRegistration udf() {
    return new UDFRegistration(this);
  }

  /** Interrupts every running operation of this session; returns the ids of those interrupted. */
  public List<String> interruptAll() {
    return interrupt(InterruptRequest.newBuilder().setInterruptType(InterruptRequest.InterruptType.INTERRUPT_TYPE_ALL));
  }

  /** Interrupts the running operations with this tag; returns the ids of those interrupted. */
  public List<String> interruptTag(String tag) {
    return interrupt(InterruptRequest.newBuilder().setInterruptType(InterruptRequest.InterruptType.INTERRUPT_TYPE_TAG)
        .setOperationTag(tag));
  }

  /** Interrupts one operation by id; returns its id if it was running. */
  public List<String> interruptOperation(String operationId) {
    return interrupt(InterruptRequest.newBuilder()
        .setInterruptType(InterruptRequest.InterruptType.INTERRUPT_TYPE_OPERATION_ID).setOperationId(operationId));
  }

  /**
   * The server's state of each of this session's operations, by id (from {@link OperationContext#operationId()}),
   * as Spark 4.2's {@code GetStatus} reports it; ids the server does not know are {@link OperationState#UNKNOWN}.
   *
   * @throws UnsupportedServerVersionException before Spark 4.2
   */
  public Map<String, OperationState> operationStatus(String... operationIds) {
    Map<String, OperationState> states = new java.util.LinkedHashMap<>();
    for (GetStatusResponse.OperationStatus status : operations.status(List.of(operationIds))
        .getOperationStatusesList()) {
      states.put(status.getOperationId(), OperationState.of(status.getState()));
    }
    for (String id : operationIds) {
      states.putIfAbsent(id, OperationState.UNKNOWN);
    }
    return java.util.Collections.unmodifiableMap(states);
  }

  private List<String> interrupt(InterruptRequest.Builder request) {
    return List.copyOf(operations.interrupt(request).getInterruptedIdsList());
  }

  /** The server's Spark version, such as {@code 4.1.2}. */
  public String version() {
    return operations.serverVersion().toString();
  }

  /** The session's runtime configuration. */
  public RuntimeConfig conf() {
    return conf;
  }

  /** The client-side session id, as the server knows it. */
  public String sessionId() {
    return operations.sessionId();
  }

  /**
   * A new session on the same connection, with its own configuration, temporary views and state, and the same
   * settings but a new session id. Closing either session leaves the other open.
   */
  public SparkSession newSession() {
    return derive(UUID.randomUUID());
  }

  /**
   * A copy of this session on the server, with its configuration, temporary views and functions, that then
   * evolves on its own (Spark 4.1+).
   *
   * @throws SparkConnectException on older servers
   */
  public SparkSession cloneSession() {
    return derive(operations.cloneSession());
  }

  private SparkSession derive(UUID sessionId) {
    SharedChannel shared = channel.retain();
    try {
      return new SparkSession(shared, settings().toBuilder().sessionId(sessionId).build());
    } catch (RuntimeException e) {
      shared.release();
      throw e;
    }
  }

  /**
   * The metrics of the named {@link DataFrame#observe(String, Column, Column...)} reported by the latest action
   * that ran it, keyed by the metric names.
   *
   * @throws NoSuchElementException if no action has reported them yet
   */
  public Map<String, Object> observedMetrics(String name) {
    Map<String, Object> metrics = operations.observations().get(name);
    if (metrics == null) {
      throw new NoSuchElementException("No metrics observed under '" + name
          + "' yet; run an action such as collect() or count() on the observed DataFrame first");
    }
    return metrics;
  }

  /**
   * Reports the progress of the queries this thread runs to {@code listener} until the registration is closed:
   * {@code try (var progress = spark.reportProgressTo(listener)) { df.collect(); }}.
   */
  public ProgressListener.Registration reportProgressTo(ProgressListener listener) {
    return operations.progress().registerForThread(Objects.requireNonNull(listener, "listener"));
  }

  /** Parses a DDL type or schema string, such as {@code "a INT, b ARRAY<STRING>"}, on the server. */
  public DataType parseDataType(String ddl) {
    return DataTypeConverter.fromProto(operations.analyze(AnalyzePlanRequest.newBuilder().setDdlParse(
        AnalyzePlanRequest.DDLParse.newBuilder().setDdlString(ddl))).getDdlParse().getParsed());
  }

  /** Releases the session on the server and closes the connection once no session uses it. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      operations.release();
    } finally {
      channel.release();
    }
  }

  /** The same as {@link #close()}. */
  public void stop() {
    close();
  }

  /** The door to the server for this session's DataFrames. */
  Operations operations() {
    return operations;
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
   * Configures and connects a {@link SparkSession}: a front for {@link SparkConnectSettings.Builder} whose calls
   * take effect in the order they are made, so {@link #remote(String)} overrides what was set before it. Without
   * {@code remote(...)}, the {@code SPARK_REMOTE} environment variable (or {@code sc://localhost}) applies as if
   * it had been given first. Not thread-safe.
   */
  public static final class Builder {
    /** Every call so far, applied at once to {@link #live} (which validates) and replayed by {@link #settings()}. */
    private final List<Consumer<SparkConnectSettings.Builder>> steps = new ArrayList<>();
    private final SparkConnectSettings.Builder live = SparkConnectSettings.builder();
    private boolean remoteGiven;

    private Builder() {}

    private Builder step(Consumer<SparkConnectSettings.Builder> step) {
      step.accept(live);
      steps.add(step);
      return this;
    }

    /**
     * The server, as {@code sc://host[:port]/;key=value;...}: everything it says overrides what was set before.
     *
     * @throws IllegalArgumentException naming the offending part if the string is invalid
     */
    public Builder remote(String connectionString) {
      Objects.requireNonNull(connectionString, "connectionString");
      io.sparkconnect.transport.ConnectionString parsed = io.sparkconnect.transport.ConnectionString.parse(
          connectionString);
      remoteGiven = true;
      return step(settings -> settings.applyConnectionString(parsed));
    }

    /** The policy for retrying failed calls; the built-in {@code default} unless set here or in the connection string. */
    public Builder retryPolicy(RetryPolicy policy) {
      Objects.requireNonNull(policy, "retryPolicy");
      return step(settings -> settings.policies(p -> p.retryPolicy(policy)));
    }

    /**
     * A retry policy by name, found with {@link java.util.ServiceLoader}.
     *
     * @throws IllegalArgumentException listing the available names if there is none by that name
     */
    public Builder retryPolicy(String name) {
      return retryPolicy(io.sparkconnect.spi.Policies.retryPolicy(name));
    }

    /** The policy for resuming broken result streams; the built-in {@code default} unless set. */
    public Builder reattachPolicy(ReattachPolicy policy) {
      Objects.requireNonNull(policy, "reattachPolicy");
      return step(settings -> settings.policies(p -> p.reattachPolicy(policy)));
    }

    public Builder reattachPolicy(String name) {
      return reattachPolicy(io.sparkconnect.spi.Policies.reattachPolicy(name));
    }

    /** Hears every retry and reattach. */
    public Builder retryListener(RetryListener listener) {
      Objects.requireNonNull(listener, "retryListener");
      return step(settings -> settings.policies(p -> p.retryListener(listener)));
    }

    /** The waiting and the clock retries use; replace both in tests for exact timing. */
    public Builder clock(Sleeper sleeper, Ticker ticker) {
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(ticker, "ticker");
      return step(settings -> settings.policies(p -> p.clock(sleeper, ticker)));
    }

    /**
     * The deadline of each call and of each result-stream segment (default 10 minutes); a reattachable result
     * stream that reaches it is resumed, not failed.
     */
    public Builder rpcDeadline(Duration deadline) {
      return step(settings -> settings.policies(p -> p.rpcDeadline(deadline)));
    }

    /** The longest an operation may run, retries and reattaches included; no limit by default. */
    public Builder operationDeadline(Duration deadline) {
      return step(settings -> settings.policies(p -> p.operationDeadline(deadline)));
    }

    /**
     * The longest a result stream waits for its next response before the connection is taken as silent and the
     * stream resumed on a new one; see {@link PolicySettings.Builder#streamIdleTimeout(Duration)}.
     */
    public Builder streamIdleTimeout(Duration timeout) {
      return step(settings -> settings.policies(p -> p.streamIdleTimeout(timeout)));
    }

    /**
     * The size in bytes that 4.1+ servers should cut large Arrow batches into; the server's default (about 120
     * MiB) when not set. The client reassembles the chunks.
     */
    public Builder arrowChunkSize(int bytes) {
      return step(settings -> settings.arrowChunkSize(bytes));
    }

    /** The most rows one result may bring; see {@link SparkConnectSettings.Builder#maxResultRows(long)}. */
    public Builder maxResultRows(long rows) {
      return step(settings -> settings.maxResultRows(rows));
    }

    /** The most bytes of Arrow data one result may bring; see {@link SparkConnectSettings.Builder#maxResultBytes(long)}. */
    public Builder maxResultBytes(long bytes) {
      return step(settings -> settings.maxResultBytes(bytes));
    }

    /** A bearer token; turns TLS on unless TLS is switched off for a loopback server. */
    public Builder token(String token) {
      return channel(c -> c.token(token));
    }

    /**
     * What supplies each call's {@code authorization} header, and a fresh one when the server refuses it; replaces
     * a token set before. Turns TLS on unless TLS is switched off for a loopback server.
     */
    public Builder credentials(CredentialsProvider credentials) {
      Objects.requireNonNull(credentials, "credentials");
      return channel(c -> c.credentials(credentials));
    }

    /**
     * Credentials by name, found with {@link java.util.ServiceLoader}, such as {@code credentials("token-file",
     * Map.of("path", "/var/run/secrets/spark/token"))}.
     *
     * @throws IllegalArgumentException listing the available names, or naming a missing or unknown option
     */
    public Builder credentials(String name, Map<String, String> options) {
      return credentials(CredentialsProviders.byName(name, options));
    }

    public Builder useSsl(boolean useSsl) {
      return channel(c -> c.tls(TlsSettings.builder().enabled(useSsl).build()));
    }

    /** TLS trust, client certificate and authority settings; turns TLS on when enabled. */
    public Builder tls(TlsSettings tls) {
      Objects.requireNonNull(tls, "tls");
      return channel(c -> c.tls(tls));
    }

    public Builder userId(String userId) {
      Objects.requireNonNull(userId, "userId");
      return step(settings -> settings.userId(userId));
    }

    public Builder userName(String userName) {
      Objects.requireNonNull(userName, "userName");
      return step(settings -> settings.userName(userName));
    }

    /** A fixed client-side session id, to rejoin a server session; random by default. */
    public Builder sessionId(UUID sessionId) {
      Objects.requireNonNull(sessionId, "sessionId");
      return step(settings -> settings.sessionId(sessionId));
    }

    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      return channel(c -> c.userAgent(userAgent));
    }

    /** A header sent on every call. */
    public Builder header(String name, String value) {
      return channel(c -> c.header(name, value));
    }

    /** The largest message the client accepts, in bytes; 128 MiB by default. */
    public Builder maxInboundMessageSize(int bytes) {
      return channel(c -> c.maxInboundMessageSize(bytes));
    }

    /** Direct access to transport settings such as host, port, keepalive and event-loop threads. */
    public Builder channel(Consumer<ChannelSettings.Builder> customizer) {
      Objects.requireNonNull(customizer, "customizer");
      return step(settings -> settings.channel(customizer));
    }

    /** Adds a gRPC interceptor to every call; each call's {@link OperationContext} is in its call options. */
    public Builder interceptor(io.grpc.ClientInterceptor interceptor) {
      Objects.requireNonNull(interceptor, "interceptor");
      return step(settings -> settings.interceptor(interceptor));
    }

    /** Hears each operation start and end, and each result batch. */
    /** Adds a listener for the progress of every query of the session (reported by 4.0+ servers). */
    public Builder progressListener(ProgressListener listener) {
      Objects.requireNonNull(listener, "progressListener");
      return step(settings -> settings.progressListener(listener));
    }

    /** Sends the session's spans and metrics to this OpenTelemetry instead of the global one. */
    public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
      Objects.requireNonNull(openTelemetry, "openTelemetry");
      return step(settings -> settings.openTelemetry(openTelemetry));
    }

    public Builder operationListener(OperationListener listener) {
      Objects.requireNonNull(listener, "operationListener");
      return step(settings -> settings.operationListener(listener));
    }

    /**
     * The settings this builder describes, without connecting. Without {@code remote(...)} the calls are replayed
     * after the default connection string, so a {@link #channel} customizer may run twice.
     */
    public SparkConnectSettings settings() {
      if (remoteGiven) {
        return live.build();
      }
      SparkConnectSettings.Builder settings = SparkConnectSettings.builder()
          .applyConnectionString(System.getenv().getOrDefault("SPARK_REMOTE", "sc://localhost"));
      steps.forEach(step -> step.accept(settings));
      return settings.build();
    }

    /**
     * Connects lazily (the first request opens the connection) and returns the session.
     *
     * @throws IllegalArgumentException if the connection string or an option is invalid
     * @throws ConnectionException if the channel cannot be set up
     */
    public SparkSession build() {
      return create(settings());
    }
  }
}
