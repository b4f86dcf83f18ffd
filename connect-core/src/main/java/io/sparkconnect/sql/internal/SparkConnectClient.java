package io.sparkconnect.sql.internal;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
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
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.transport.ConnectChannel;
import java.util.Collection;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One Spark Connect session's RPCs: fills in the session, user and client type on every request, tracks the
 * server-side session, converts failures into the client's exceptions, and knows the server's version.
 * Thread-safe.
 */
public final class SparkConnectClient {
  private final ConnectChannel channel;
  private final ClientIdentity identity;
  private final SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub;
  private final ServerSessionTracker serverSession = new ServerSessionTracker();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final int preferredChunkSize;
  private volatile ServerVersion serverVersion;

  /**
   * A client for one session.
   *
   * @param preferredChunkSize the Arrow chunk size to ask 4.1+ servers for, or 0 for the server's default
   */
  public SparkConnectClient(ConnectChannel channel, ClientIdentity identity, int preferredChunkSize) {
    this.channel = channel;
    this.identity = identity;
    this.preferredChunkSize = preferredChunkSize;
    SparkConnectServiceGrpc.SparkConnectServiceBlockingStub blocking =
        SparkConnectServiceGrpc.newBlockingStub(channel.channel());
    this.stub = channel.callCredentials().map(blocking::withCallCredentials).orElse(blocking);
  }

  public ClientIdentity identity() {
    return identity;
  }

  public ConnectChannel channel() {
    return channel;
  }

  public String sessionId() {
    return identity.sessionId();
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
    AnalyzePlanResponse response = call(() -> stub.analyzePlan(request.build()));
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
    ConfigResponse response = call(() -> stub.config(request.build()));
    serverSession.observe(response.getServerSideSessionId());
    return response;
  }

  /** Starts executing a plan; the caller must close the returned stream. */
  public ResponseStream execute(Plan plan, Collection<String> tags) {
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
    io.sparkconnect.proto.ResultChunkingOptions.Builder chunking =
        io.sparkconnect.proto.ResultChunkingOptions.newBuilder().setAllowArrowBatchChunking(true);
    if (preferredChunkSize > 0) {
      chunking.setPreferredArrowChunkSize(preferredChunkSize);
    }
    request.addRequestOptions(ExecutePlanRequest.RequestOption.newBuilder().setResultChunkingOptions(chunking));
    checkOpen();
    Context.CancellableContext context = Context.current().withCancellation();
    Iterator<ExecutePlanResponse> responses;
    Context previous = context.attach();
    try {
      responses = stub.executePlan(request.build());
    } finally {
      context.detach(previous);
    }
    return new ResponseStream(request.getOperationId(), responses, context, this);
  }

  public InterruptResponse interrupt(InterruptRequest.Builder request) {
    request.setSessionId(identity.sessionId())
        .setUserContext(identity.userContext())
        .setClientType(identity.clientType());
    InterruptResponse response = call(() -> stub.interrupt(request.build()));
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
    return call(() -> stub.cloneSession(request.build())).getNewSessionId();
  }

  public int preferredChunkSize() {
    return preferredChunkSize;
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
      stub.releaseSession(ReleaseSessionRequest.newBuilder()
          .setSessionId(identity.sessionId())
          .setUserContext(identity.userContext())
          .setClientType(identity.clientType())
          .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.UNIMPLEMENTED) {
        return;
      }
      if (e.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
        return;
      }
      throw convert(e);
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

  private <T> T call(Supplier<T> rpc) {
    checkOpen();
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw convert(e);
    }
  }

  SparkConnectException convert(StatusRuntimeException error) {
    SparkConnectException converted = ErrorConverter.convert(error, channel.settings().host() + ":"
        + channel.settings().port(), this::fetchErrorDetails);
    if (converted instanceof SessionException) {
      serverSession.markLost(converted.getMessage());
    }
    return converted;
  }

  private FetchErrorDetailsResponse fetchErrorDetails(String errorId) {
    try {
      return stub.fetchErrorDetails(FetchErrorDetailsRequest.newBuilder()
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
