package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ArtifactStatusesRequest;
import io.sparkconnect.proto.ArtifactStatusesResponse;
import io.sparkconnect.proto.CachedLocalRelation;
import io.sparkconnect.proto.CloneSessionRequest;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.GetStatusRequest;
import io.sparkconnect.proto.GetStatusResponse;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.InterruptResponse;
import io.sparkconnect.proto.KeyValue;
import io.sparkconnect.proto.LocalRelation;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.ReattachOptions;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.ResultChunkingOptions;
import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.ExecutionInfo;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationListener;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkConnectSettings;
import io.sparkconnect.transport.ConnectChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The one door from the API to the server for a session: every query, command, analysis, configuration call and
 * interrupt goes through here as an operation with an {@link OperationContext} that the listeners and
 * interceptors see. Below it: {@link SessionRpc} for the calls, {@link ResponseStream} and {@link ResultReader}
 * for results. Thread-safe.
 */
public final class Operations {
  private static final String LOCAL_RELATION_CACHE_THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
  private static final long DEFAULT_LOCAL_RELATION_CACHE_THRESHOLD = 64L * 1024 * 1024;

  private final SparkConnectSettings settings;
  private final SessionRpc rpc;
  private final ThreadTags tags = new ThreadTags();
  private final ObservedMetricsStore observations = new ObservedMetricsStore();
  private final PlanCompression planCompression = new PlanCompression(this::planCompressionThreshold);
  private final List<OperationListener> listeners;
  private final ProgressListeners progress;
  private final OperationStats.Running running;
  private final Artifacts artifacts;
  private volatile ServerVersion serverVersion;

  /**
   * The operations of one session on {@code channel}, whose id is the settings' or a random one, traced and
   * measured through the settings' OpenTelemetry.
   */
  public Operations(ConnectChannel channel, SparkConnectSettings settings) {
    this.settings = settings;
    ClientIdentity identity = ClientIdentity.create(settings.sessionId().orElseGet(UUID::randomUUID),
        settings.userId(), settings.userName().orElse(null), settings.channel().userAgent().orElse(null));
    Telemetry telemetry = new Telemetry(settings.openTelemetry(), settings.channel().host(),
        settings.channel().port());
    OperationTrace trace = new OperationTrace(telemetry, () -> serverVersion);
    this.running = new OperationStats.Running();
    List<OperationListener> all = new ArrayList<>();
    all.add(trace);
    all.addAll(settings.operationListeners());
    this.listeners = List.copyOf(all);
    this.progress = new ProgressListeners(settings.progressListeners());
    this.rpc = new SessionRpc(channel, settings, identity, new TracingInterceptor(telemetry, trace, running));
    this.artifacts = new Artifacts(new Artifacts.Calls() {
      @Override
      public AddArtifactsResponse add(Supplier<ArtifactChunker> requests) {
        return unary("AddArtifacts", operation -> rpc.addArtifacts(operation, requests));
      }

      @Override
      public ArtifactStatusesResponse statuses(List<String> names) {
        return unary("ArtifactStatus", operation -> rpc.artifactStatuses(operation,
            ArtifactStatusesRequest.newBuilder().addAllNames(names)));
      }
    }, ArtifactChunker.DEFAULT_CHUNK_SIZE);
  }

  public SparkConnectSettings settings() {
    return settings;
  }

  public String sessionId() {
    return rpc.sessionId();
  }

  public ThreadTags tags() {
    return tags;
  }

  public ObservedMetricsStore observations() {
    return observations;
  }

  public ProgressListeners progress() {
    return progress;
  }

  // ---- executions

  /** Runs a query and returns all of its rows. */
  public List<Row> collect(Relation relation) {
    return collect(relation, info -> { });
  }

  /** Runs a query and returns all of its rows; {@code executionInfo} hears what the server reports about it. */
  public List<Row> collect(Relation relation, Consumer<ExecutionInfo> executionInfo) {
    try (ResultReader result = execute(Plan.newBuilder().setRoot(relation).build(), collectLimits(),
        executionInfo)) {
      List<ResultBatch> batches = new ArrayList<>();
      for (ResultBatch batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
        batches.add(batch);
      }
      return new RowList(batches);
    }
  }

  /** Streams a query's rows, decoding one batch at a time. */
  public CloseableIterator<Row> iterate(Relation relation, Consumer<ExecutionInfo> executionInfo) {
    return new RowIterator(execute(Plan.newBuilder().setRoot(relation).build(), streamLimits(), executionInfo));
  }

  /** Hands each result batch to {@code consumer} as Arrow vectors; returns the number of rows. */
  public long forEachArrowBatch(Relation relation, Consumer<VectorSchemaRoot> consumer,
      Consumer<ExecutionInfo> executionInfo) {
    try (ResultReader result = execute(Plan.newBuilder().setRoot(relation).build(), streamLimits(),
        executionInfo)) {
      return result.forEachArrowBatch(consumer);
    }
  }

  /** Runs a command and returns the relation of its {@code sql_command_result}, or null. */
  public Relation executeCommand(Command command) {
    ExecutePlanResponse response = runCommand(command);
    return response.hasSqlCommandResult() ? response.getSqlCommandResult().getRelation() : null;
  }

  /**
   * Runs a command and returns the response that carries its result (check which one with {@code
   * getResponseTypeCase()}); the default instance when the command answered with no result.
   */
  public ExecutePlanResponse runCommand(Command command) {
    try (ResultReader result = execute(Plan.newBuilder().setCommand(command).build(), ResultLimits.NONE,
        info -> { })) {
      ExecutePlanResponse response = result.commandResult();
      return response == null ? ExecutePlanResponse.getDefaultInstance() : response;
    }
  }

  /**
   * Runs a command whose results keep coming (the streaming query listener's events) and hands out each response
   * that carries one as it arrives; closing stops the command's stream.
   */
  public CloseableIterator<ExecutePlanResponse> commandResponses(Command command) {
    ResultReader result = execute(Plan.newBuilder().setCommand(command).build(), ResultLimits.NONE, info -> { });
    return new CloseableIterator<>() {
      private ExecutePlanResponse next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (next == null && !ended) {
          next = result.nextCommandResult();
          if (next == null) {
            ended = true;
            result.close();
          }
        }
        return next != null;
      }

      @Override
      public ExecutePlanResponse next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        ExecutePlanResponse response = next;
        next = null;
        return response;
      }

      @Override
      public void close() {
        result.close();
      }
    };
  }

  /** The settings' limits; without a byte limit, a collected result may bring a quarter of the maximum heap. */
  private ResultLimits collectLimits() {
    long rows = settings.maxResultRows().orElse(Long.MAX_VALUE);
    if (settings.maxResultBytes().isPresent()) {
      return new ResultLimits(rows, settings.maxResultBytes().getAsLong(), null);
    }
    return new ResultLimits(rows, Runtime.getRuntime().maxMemory() / 4, "collect() keeps its result in memory "
        + "and stops at a quarter of the maximum heap (-Xmx) unless maxResultBytes is set; stream large results "
        + "with toLocalIterator(), or set SparkConnectSettings.Builder.maxResultBytes(...)");
  }

  private ResultLimits streamLimits() {
    return new ResultLimits(settings.maxResultRows().orElse(Long.MAX_VALUE),
        settings.maxResultBytes().orElse(Long.MAX_VALUE), null);
  }

  private ResultReader execute(Plan plan, ResultLimits limits, Consumer<ExecutionInfo> executionInfo) {
    rpc.checkOpen();
    OperationContext operation = OperationContext.create("ExecutePlan", UUID.randomUUID().toString(),
        sessionId(), tags.get(), settings.policies().operationDeadline().orElse(null));
    ExecutePlanRequest.Builder request = rpc.envelope().stamp(ExecutePlanRequest.newBuilder())
        .setOperationId(operation.operationId())
        .setPlan(planCompression.apply(plan))
        .addAllTags(operation.tags());
    if (settings.policies().reattachPolicy().reattachable()) {
      request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder()
          .setReattachOptions(ReattachOptions.newBuilder().setReattachable(true)));
    }
    ResultChunkingOptions.Builder chunking = ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true);
    if (settings.arrowChunkSize() > 0) {
      chunking.setPreferredArrowChunkSize(settings.arrowChunkSize());
    }
    request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder().setResultChunkingOptions(chunking));
    OperationEvents events = new OperationEvents(listeners, operation, running);
    events.start();
    ExecutionObserver observer = new ExecutionObserver(operation, progress.forNewQuery(), executionInfo);
    return new ResultReader(new ResponseStream(rpc, rpc.retries(), operation, request.build(), observer), events,
        observations, limits);
  }

  // ---- unary calls

  public AnalyzePlanResponse analyze(AnalyzePlanRequest.Builder request) {
    return unary("AnalyzePlan", operation -> rpc.analyze(operation, request));
  }

  public ConfigResponse config(ConfigRequest.Operation operation) {
    return unary("Config", context -> rpc.config(context, ConfigRequest.newBuilder().setOperation(operation)));
  }

  public InterruptResponse interrupt(InterruptRequest.Builder request) {
    return unary("Interrupt", operation -> rpc.interrupt(operation, request));
  }

  /** The states of this session's operations on the server (4.2+): {@code GetStatus}. */
  public GetStatusResponse status(List<String> operationIds) {
    serverVersion().require("operationStatus()", 4, 2, "Use interruptOperation(...) and the operation's own "
        + "result there; OperationListener reports each operation's end");
    return unary("GetStatus", operation -> rpc.status(operation, GetStatusRequest.newBuilder().setOperationStatus(
        GetStatusRequest.OperationStatusRequest.newBuilder().addAllOperationIds(operationIds))));
  }

  // ---- artifacts

  /** Sends artifacts (jars, class files, files) this session has not sent yet; returns the names sent. */
  public List<String> addArtifacts(List<Artifact> toAdd) {
    return artifacts.add(toAdd);
  }

  /**
   * Makes {@code relation} available on the server as a cached local relation, sent as an artifact unless the
   * session or the server has it already; returns the relation that refers to it.
   */
  public Relation cacheLocalRelation(LocalRelation relation) {
    String hash = artifacts.cache(relation.toByteArray());
    return Relation.newBuilder().setCachedLocalRelation(CachedLocalRelation.newBuilder().setHash(hash)).build();
  }

  /**
   * The size in bytes above which local data goes as a cached local relation rather than inline: the server's
   * {@code spark.sql.session.localRelationCacheThreshold}, asked each time as it is a session setting.
   */
  public long localRelationCacheThreshold() {
    ConfigResponse response = config(ConfigRequest.Operation.newBuilder().setGetOption(ConfigRequest.GetOption
        .newBuilder().addKeys(LOCAL_RELATION_CACHE_THRESHOLD)).build());
    for (KeyValue pair : response.getPairsList()) {
      if (pair.getKey().equals(LOCAL_RELATION_CACHE_THRESHOLD) && pair.hasValue()) {
        try {
          return Long.parseLong(pair.getValue().trim());
        } catch (NumberFormatException e) {
          throw new SparkConnectException("The server's " + LOCAL_RELATION_CACHE_THRESHOLD + " is '"
              + pair.getValue() + "', not a number of bytes; set it with spark.conf().set(\""
              + LOCAL_RELATION_CACHE_THRESHOLD + "\", \"67108864\")", e);
        }
      }
    }
    return DEFAULT_LOCAL_RELATION_CACHE_THRESHOLD;
  }

  /** The server's plan compression threshold, empty where it offers none (before 4.1). */
  private OptionalLong planCompressionThreshold() {
    ConfigResponse options = config(ConfigRequest.Operation.newBuilder().setGetOption(ConfigRequest.GetOption
        .newBuilder().addKeys(PlanCompression.THRESHOLD_KEY).addKeys(PlanCompression.ALGORITHM_KEY)).build());
    String threshold = null;
    String algorithm = null;
    for (KeyValue pair : options.getPairsList()) {
      String value = pair.hasValue() ? pair.getValue() : null;
      if (pair.getKey().equals(PlanCompression.THRESHOLD_KEY)) {
        threshold = value;
      } else if (pair.getKey().equals(PlanCompression.ALGORITHM_KEY)) {
        algorithm = value;
      }
    }
    return PlanCompression.threshold(threshold, algorithm);
  }

  /** The server's version, asked once per session with {@code AnalyzePlan{spark_version}}. */
  public ServerVersion serverVersion() {
    ServerVersion version = serverVersion;
    if (version == null) {
      synchronized (this) {
        if (serverVersion == null) {
          serverVersion = ServerVersion.parse(analyze(AnalyzePlanRequest.newBuilder()
              .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance())).getSparkVersion().getVersion());
        }
        version = serverVersion;
      }
    }
    return version;
  }

  /** Takes the server's version as known without asking: for plans built with no server to ask. */
  public synchronized void assumeServerVersion(ServerVersion version) {
    serverVersion = version;
  }

  /**
   * Clones this session on the server (4.1+) with its configuration, temporary views and functions.
   *
   * @return the new session's id
   */
  public UUID cloneSession() {
    serverVersion().require("cloneSession()", 4, 1, null);
    String newId = UUID.randomUUID().toString();
    return UUID.fromString(unary("CloneSession", operation -> rpc.cloneSession(operation,
        CloneSessionRequest.newBuilder().setNewSessionId(newId))).getNewSessionId());
  }

  /**
   * Releases the session on the server (4.0+; on 3.5, which has no such call, nothing remote) and ends its result
   * streams still open.
   */
  public void release() {
    try {
      ServerVersion version = serverVersion;
      if (version != null && !version.isAtLeast(4, 0)) {
        rpc.markClosed();
      } else if (!rpc.isClosed()) {
        unary("ReleaseSession", operation -> {
          rpc.releaseSession(operation);
          return null;
        });
      }
    } finally {
      rpc.cancelOpenStreams();
    }
  }

  private <R> R unary(String kind, Function<OperationContext, R> call) {
    OperationContext operation = OperationContext.create(kind, UUID.randomUUID().toString(), sessionId(),
        tags.get(), settings.policies().operationDeadline().orElse(null));
    OperationEvents events = new OperationEvents(listeners, operation, running);
    events.start();
    try {
      R response = call.apply(operation);
      events.end(0, null);
      return response;
    } catch (RuntimeException e) {
      events.end(0, e);
      throw e;
    }
  }
}
