package io.sparkconnect.sql.internal;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.FetchErrorDetailsRequest;
import io.sparkconnect.proto.FetchErrorDetailsResponse;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.InterruptResponse;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.ReattachOptions;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteResponse;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.ResultChunkingOptions;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryDecision;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.transport.ConnectChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One Spark Connect session's RPCs: fills in the session, user and client type on every request, retries
 * transient failures by the retry policy, tracks the server-side session, converts failures into the client's
 * exceptions, and knows the server's version. Thread-safe.
 */
public final class SparkConnectClient {
  private static final System.Logger LOG = System.getLogger(SparkConnectClient.class.getName());

  private final ConnectChannel channel;
  private final ClientIdentity identity;
  private final ClientPolicies policies;
  private final SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub;
  private final SparkConnectServiceGrpc.SparkConnectServiceStub asyncStub;
  private final ServerSessionTracker serverSession = new ServerSessionTracker();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final int preferredChunkSize;
  private volatile ServerVersion serverVersion;

  /**
   * A client for one session.
   *
   * @param preferredChunkSize the Arrow chunk size to ask 4.1+ servers for, or 0 for the server's default
   */
  public SparkConnectClient(ConnectChannel channel, ClientIdentity identity, ClientPolicies policies,
      int preferredChunkSize) {
    this.channel = channel;
    this.identity = identity;
    this.policies = policies;
    this.preferredChunkSize = preferredChunkSize;
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub blocking =
        SparkConnectServiceGrpc.newBlockingStub(channel.channel());
    SparkConnectServiceGrpc.SparkConnectServiceStub async = SparkConnectServiceGrpc.newStub(channel.channel());
    this.stub = channel.callCredentials().map(blocking::withCallCredentials).orElse(blocking);
    this.asyncStub = channel.callCredentials().map(async::withCallCredentials).orElse(async);
  }

  public ClientIdentity identity() {
    return identity;
  }

  public ClientPolicies policies() {
    return policies;
  }

  public ConnectChannel channel() {
    return channel;
  }

  public String sessionId() {
    return identity.sessionId();
  }

  public int preferredChunkSize() {
    return preferredChunkSize;
  }

  private SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub() {
    return stub.withDeadlineAfter(policies.rpcDeadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The server's version, asked once per session with {@code AnalyzePlan{spark_version}}. */
  public ServerVersion serverVersion() {
    ServerVersion version = serverVersion;
    if (version == null) {
      synchronized (this) {
        if (serverVersion == null) {
          AnalyzePlanResponse response = analyze(AnalyzePlanRequest.newBuilder()
              .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance()));
          serverVersion = ServerVersion.parse(response.getSparkVersion().getVersion());
        }
        version = serverVersion;
      }
    }
    return version;
  }

  public AnalyzePlanResponse analyze(AnalyzePlanRequest.Builder request) {
    request.setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType());
    String observed = serverSession.observed();
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    AnalyzePlanResponse response = call("AnalyzePlan", () -> stub().analyzePlan(request.build()));
    serverSession.observe(response.getServerSideSessionId());
    return response;
  }

  public ConfigResponse config(ConfigRequest.Operation operation) {
    ConfigRequest.Builder request = ConfigRequest.newBuilder()
        .setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType())
        .setOperation(operation);
    String observed = serverSession.observed();
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    ConfigResponse response = call("Config", () -> stub().config(request.build()));
    serverSession.observe(response.getServerSideSessionId());
    return response;
  }

  /** Starts executing a plan; the caller must close the returned stream. */
  public ResponseStream execute(Plan plan, Collection<String> tags) {
    checkOpen();
    ExecutePlanRequest.Builder request = ExecutePlanRequest.newBuilder()
        .setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType())
        .setOperationId(UUID.randomUUID().toString())
        .setPlan(plan)
        .addAllTags(tags);
    String observed = serverSession.observed();
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    if (policies.reattach.reattachable()) {
      request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder()
          .setReattachOptions(ReattachOptions.newBuilder().setReattachable(true)));
    }
    ResultChunkingOptions.Builder chunking = ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true);
    if (preferredChunkSize > 0) {
      chunking.setPreferredArrowChunkSize(preferredChunkSize);
    }
    request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder().setResultChunkingOptions(chunking));
    return new ResponseStream(this, policies, request.build());
  }

  /** An open server stream and the context that cancels it. */
  static final class OpenStream {
    final Iterator<ExecutePlanResponse> responses;
    final Context.CancellableContext context;

    OpenStream(Iterator<ExecutePlanResponse> responses, Context.CancellableContext context) {
      this.responses = responses;
      this.context = context;
    }
  }

  OpenStream startExecute(ExecutePlanRequest request) {
    checkOpen();
    return open(() -> stub().executePlan(request));
  }

  OpenStream startReattach(String operationId, String lastResponseId) {
    checkOpen();
    ReattachExecuteRequest.Builder request = ReattachExecuteRequest.newBuilder()
        .setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType())
        .setOperationId(operationId);
    if (lastResponseId != null) {
      request.setLastResponseId(lastResponseId);
    }
    return open(() -> stub().reattachExecute(request.build()));
  }

  private static OpenStream open(Supplier<Iterator<ExecutePlanResponse>> start) {
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      return new OpenStream(start.get(), context);
    } finally {
      context.detach(previous);
    }
  }

  /** Frees responses up to and including {@code responseId} on the server, without waiting. */
  void releaseUntil(String operationId, String responseId) {
    release(ReleaseExecuteRequest.newBuilder().setOperationId(operationId)
        .setReleaseUntil(ReleaseExecuteRequest.ReleaseUntil.newBuilder().setResponseId(responseId)));
  }

  /** Frees the whole operation on the server, interrupting it if it still runs, without waiting. */
  void releaseAll(String operationId) {
    release(ReleaseExecuteRequest.newBuilder().setOperationId(operationId)
        .setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()));
  }

  /** Frees the whole operation and waits for the server to confirm, so it is gone when this returns. */
  void releaseAllNow(String operationId) {
    if (closed.get()) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    try {
      stub.withDeadlineAfter(10, TimeUnit.SECONDS).releaseExecute(ReleaseExecuteRequest.newBuilder()
          .setSessionId(identity.sessionId()).setUserContext(identity.userContext())
          .setClientType(identity.clientType()).setOperationId(operationId)
          .setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance()).build());
    } catch (StatusRuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "ReleaseExecute failed for " + operationId, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void release(ReleaseExecuteRequest.Builder request) {
    if (closed.get()) {
      return;
    }
    request.setSessionId(identity.sessionId()).setUserContext(identity.userContext())
        .setClientType(identity.clientType());
    try {
      asyncStub.withDeadlineAfter(policies.rpcDeadline.toNanos(), TimeUnit.NANOSECONDS)
          .releaseExecute(request.build(), new StreamObserver<ReleaseExecuteResponse>() {
            @Override
            public void onNext(ReleaseExecuteResponse value) {}

            @Override
            public void onError(Throwable error) {
              LOG.log(System.Logger.Level.DEBUG, "ReleaseExecute failed for " + request.getOperationId(), error);
            }

            @Override
            public void onCompleted() {}
          });
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "ReleaseExecute could not be sent", e);
    }
  }

  public InterruptResponse interrupt(InterruptRequest.Builder request) {
    request.setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType());
    InterruptResponse response = call("Interrupt", () -> stub().interrupt(request.build()));
    serverSession.observe(response.getServerSideSessionId());
    return response;
  }

  /**
   * Clones this session on the server (4.1+) with its configuration, temporary views and functions.
   *
   * @return the new session's id
   */
  public String cloneSession(String newSessionId) {
    ServerVersion version = serverVersion();
    if (!version.isAtLeast(4, 1)) {
      throw new SparkConnectException("cloneSession() needs a Spark 4.1 or newer server; this one is " + version);
    }
    io.sparkconnect.proto.CloneSessionRequest.Builder request = io.sparkconnect.proto.CloneSessionRequest.newBuilder()
        .setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType())
        .setNewSessionId(newSessionId);
    String observed = serverSession.observed();
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    return call("CloneSession", () -> stub().cloneSession(request.build())).getNewSessionId();
  }

  /** Releases the session on the server (4.0+); on 3.5, which has no such call, this does nothing remote. */
  public void release() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ServerVersion version = serverVersion;
    if (version != null && !version.isAtLeast(4, 0)) {
      return;
    }
    try {
      stub().releaseSession(ReleaseSessionRequest.newBuilder()
          .setSessionId(identity.sessionId())
          .setUserContext(identity.userContext())
          .setClientType(identity.clientType())
          .build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNIMPLEMENTED || code == Status.Code.UNAVAILABLE) {
        return;
      }
      throw convert(e, null);
    }
  }

  public boolean isClosed() {
    return closed.get();
  }

  void observeResponse(ExecutePlanResponse response) {
    serverSession.observe(response.getServerSideSessionId());
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new SessionException("This session is closed; create a new one with SparkSession.builder()");
    }
    serverSession.check();
  }

  /** Runs a unary call, retrying transient failures as the retry policy says. */
  private <T> T call(String name, Supplier<T> rpc) {
    checkOpen();
    long start = policies.ticker.nanoTime();
    for (int retries = 0; ; retries++) {
      try {
        return rpc.get();
      } catch (StatusRuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new SparkConnectException("Interrupted during " + name, e);
        }
        Failure failure = Failures.of(e);
        RetryDecision decision = policies.retry.decide(failure, retries,
            Duration.ofNanos(policies.ticker.nanoTime() - start));
        if (!decision.shouldRetry()) {
          if (retries > 0) {
            policies.listener.onGiveUp(name, failure, retries, decision.reason());
          }
          throw convert(e, retries > 0 ? decision.reason() : null);
        }
        policies.listener.onRetry(name, failure, retries + 1, decision.delay());
        try {
          policies.sleeper.sleep(decision.delay());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SparkConnectException("Interrupted while waiting to retry " + name, interrupted);
        }
      }
    }
  }

  /** The client's exception for a failed call; {@code givenUp} says why retrying stopped, if it did. */
  SparkConnectException convert(StatusRuntimeException error, String givenUp) {
    SparkConnectException converted = ErrorConverter.convert(error, channel.settings().host() + ":"
        + channel.settings().port(), this::fetchErrorDetails);
    if (converted instanceof SessionException) {
      serverSession.markLost(converted.getMessage());
    }
    if (givenUp != null && converted instanceof ConnectionException) {
      return new ConnectionException(converted.getMessage() + " (" + givenUp + ")", error, false);
    }
    return converted;
  }

  private FetchErrorDetailsResponse fetchErrorDetails(String errorId) {
    try {
      return stub().fetchErrorDetails(FetchErrorDetailsRequest.newBuilder()
          .setSessionId(identity.sessionId())
          .setUserContext(identity.userContext())
          .setClientType(identity.clientType())
          .setErrorId(errorId)
          .build());
    } catch (StatusRuntimeException e) {
      return null;
    }
  }
}
