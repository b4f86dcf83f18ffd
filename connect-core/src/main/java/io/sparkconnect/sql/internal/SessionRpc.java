package io.sparkconnect.sql.internal;

import com.google.protobuf.Message;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ArtifactStatusesRequest;
import io.sparkconnect.proto.ArtifactStatusesResponse;
import io.sparkconnect.proto.CloneSessionRequest;
import io.sparkconnect.proto.CloneSessionResponse;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.FetchErrorDetailsRequest;
import io.sparkconnect.proto.FetchErrorDetailsResponse;
import io.sparkconnect.proto.GetStatusRequest;
import io.sparkconnect.proto.GetStatusResponse;
import io.sparkconnect.proto.InterruptRequest;
import io.sparkconnect.proto.InterruptResponse;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteResponse;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.proto.SparkConnectServiceGrpc.SparkConnectServiceBlockingStub;
import io.sparkconnect.proto.SparkConnectServiceGrpc.SparkConnectServiceStub;
import io.sparkconnect.spi.CredentialsException;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.PolicySettings;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkConnectSettings;
import io.sparkconnect.transport.ConnectChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPCs of one session, and nothing else: every request is stamped by the {@link RequestEnvelope}, passes the
 * user's interceptors with its {@link OperationContext}, and unary calls are retried by the {@link RetryEngine}.
 * Failures become the client's exceptions here. Thread-safe.
 */
final class SessionRpc implements ExecutionCalls {
  private static final Logger LOG = LoggerFactory.getLogger(SessionRpc.class);
  private static final MethodDescriptor<ExecutePlanRequest, ExecutePlanResponse> EXECUTE_PLAN =
      ResponseMarshaller.reading(SparkConnectServiceGrpc.getExecutePlanMethod());
  private static final MethodDescriptor<ReattachExecuteRequest, ExecutePlanResponse> REATTACH_EXECUTE =
      ResponseMarshaller.reading(SparkConnectServiceGrpc.getReattachExecuteMethod());
  /**
   * Where a background release's callbacks run: they only end its span and log a failure, so on the transport's
   * thread (as grpc-java's own tracing does) rather than handed to a shared executor's thread.
   */
  private static final Executor ON_TRANSPORT_THREAD = Runnable::run;

  private final ConnectChannel channel;
  private final RequestEnvelope envelope;
  private final RetryEngine retries;
  private final SparkConnectServiceBlockingStub blocking;
  private final SparkConnectServiceStub async;
  private final AtomicBoolean closed = new AtomicBoolean();
  /**
   * The result streams opened, so that closing the session ends those still open (cancelling an ended one does
   * nothing). Held weakly: a result abandoned unread is not kept for the session's life.
   */
  private final Set<ResponseSegment> openSegments =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  SessionRpc(ConnectChannel channel, SparkConnectSettings settings, ClientIdentity identity) {
    this(channel, settings, identity, null);
  }

  /** With {@code outermost} (may be null) seeing each call before the user's interceptors. */
  SessionRpc(ConnectChannel channel, SparkConnectSettings settings, ClientIdentity identity,
      ClientInterceptor outermost) {
    this.channel = channel;
    this.envelope = new RequestEnvelope(identity);
    this.retries = new RetryEngine(settings.policies(), this::translate);
    List<ClientInterceptor> innermostFirst = new ArrayList<>(settings.interceptors());
    if (outermost != null) {
      innermostFirst.add(0, outermost);
    }
    Collections.reverse(innermostFirst);
    Channel intercepted = ClientInterceptors.intercept(channel.channel(), innermostFirst);
    this.blocking = SparkConnectServiceGrpc.newBlockingStub(intercepted);
    this.async = SparkConnectServiceGrpc.newStub(intercepted);
  }

  RequestEnvelope envelope() {
    return envelope;
  }

  RetryEngine retries() {
    return retries;
  }

  PolicySettings policies() {
    return retries.policies();
  }

  String sessionId() {
    return envelope.identity().sessionId();
  }

  private SparkConnectServiceBlockingStub blocking(OperationContext operation) {
    return blocking.withDeadlineAfter(policies().rpcDeadline().toNanos(), TimeUnit.NANOSECONDS)
        .withOption(OperationContext.CALL_OPTION, operation);
  }

  AnalyzePlanResponse analyze(OperationContext operation, AnalyzePlanRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.analyzePlan(r.build()));
  }

  ConfigResponse config(OperationContext operation, ConfigRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.config(r.build()));
  }

  InterruptResponse interrupt(OperationContext operation, InterruptRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.interrupt(r.build()));
  }

  CloneSessionResponse cloneSession(OperationContext operation, CloneSessionRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.cloneSession(r.build()));
  }

  GetStatusResponse status(OperationContext operation, GetStatusRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.getStatus(r.build()));
  }

  ArtifactStatusesResponse artifactStatuses(OperationContext operation, ArtifactStatusesRequest.Builder request) {
    return call(operation, request, (stub, r) -> stub.artifactStatus(r.build()));
  }

  /**
   * Streams the requests of a fresh {@code chunker} for each attempt, each request stamped; retried like a unary
   * call (adding the same artifact again is harmless).
   */
  AddArtifactsResponse addArtifacts(OperationContext operation, Supplier<ArtifactChunker> chunker) {
    checkOpen();
    AddArtifactsResponse response = retries.call(operation, attempt -> {
      checkOpen();
      ArtifactChunker requests = chunker.get();
      try {
        return ArtifactUpload.send(async.withDeadlineAfter(policies().rpcDeadline().toNanos(), TimeUnit.NANOSECONDS)
            .withOption(OperationContext.CALL_OPTION, attempt), new Iterator<>() {
              @Override
              public boolean hasNext() {
                return requests.hasNext();
              }

              @Override
              public AddArtifactsRequest next() {
                return envelope.stamp(requests.next()).build();
              }
            });
      } finally {
        requests.close();
      }
    });
    envelope.observe(response);
    return response;
  }

  /** A unary call: stamped, retried, its response checked against the server-side session. */
  private <B extends Message.Builder, R extends Message> R call(OperationContext operation, B request,
      BiFunction<SparkConnectServiceBlockingStub, B, R> rpc) {
    checkOpen();
    envelope.stamp(request);
    R response = retries.call(operation, attempt -> {
      checkOpen();
      return rpc.apply(blocking(attempt), request);
    });
    envelope.observe(response);
    return response;
  }

  /**
   * Releases the session on the server. A server without the call (3.5), gone already, or refusing the
   * credentials (nothing of this session can be on it then; it expires unused sessions itself) is not an error.
   */
  void releaseSession(OperationContext operation) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      blocking(operation).releaseSession(envelope.stamp(ReleaseSessionRequest.newBuilder()).build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code != Status.Code.UNIMPLEMENTED && code != Status.Code.UNAVAILABLE
          && code != Status.Code.UNAUTHENTICATED) {
        throw translate(e, null);
      }
    }
  }

  /** Marks the session closed without telling the server (3.5 servers have no call for it). */
  void markClosed() {
    closed.set(true);
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Cancels every result stream of this session still open, once it is closed: a thread reading one stops at once
   * instead of draining it, and the channel can close without waiting for it.
   */
  void cancelOpenStreams() {
    List<ResponseSegment> open;
    synchronized (openSegments) {
      open = List.copyOf(openSegments);
    }
    open.forEach(ResponseSegment::cancel);
  }

  void checkOpen() {
    if (closed.get()) {
      throw new SessionException("This session is closed; create a new one with SparkSession.builder()");
    }
    envelope.serverSession().check();
  }

  @Override
  public ResponseSegment execute(OperationContext operation, ExecutePlanRequest request) {
    checkOpen();
    SparkConnectServiceBlockingStub stub = blocking(operation);
    return open(() -> CallerRunsStream.start(stub.getChannel(), EXECUTE_PLAN,
        stub.getCallOptions(), request));
  }

  @Override
  public ResponseSegment reattach(OperationContext operation, String lastResponseId) {
    checkOpen();
    ReattachExecuteRequest.Builder request = envelope.stamp(ReattachExecuteRequest.newBuilder())
        .setOperationId(operation.operationId());
    if (lastResponseId != null) {
      request.setLastResponseId(lastResponseId);
    }
    SparkConnectServiceBlockingStub stub = blocking(operation);
    return open(() -> CallerRunsStream.start(stub.getChannel(), REATTACH_EXECUTE,
        stub.getCallOptions(), request.build()));
  }

  private ResponseSegment open(java.util.function.Supplier<Iterator<ExecutePlanResponse>> start) {
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    ResponseSegment segment;
    try {
      segment = new ResponseSegment(start.get(), context, envelope);
    } finally {
      context.detach(previous);
    }
    openSegments.add(segment);
    if (closed.get()) {
      segment.cancel(); // the session closed after checkOpen() let this stream start
    }
    return segment;
  }

  @Override
  public void release(OperationContext operation, String untilResponseId, boolean wait) {
    if (closed.get()) {
      return;
    }
    ReleaseExecuteRequest.Builder request = envelope.stamp(ReleaseExecuteRequest.newBuilder())
        .setOperationId(operation.operationId());
    if (untilResponseId == null) {
      request.setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance());
    } else {
      request.setReleaseUntil(ReleaseExecuteRequest.ReleaseUntil.newBuilder().setResponseId(untilResponseId));
    }
    if (wait) {
      releaseAndWait(operation, request.build());
    } else {
      releaseInBackground(operation, request.build());
    }
  }

  @Override
  public void reconnect() {
    try {
      channel.reconnect();
    } catch (RuntimeException e) {
      LOG.debug("Could not move to a new connection", e);
    }
  }

  private void releaseAndWait(OperationContext operation, ReleaseExecuteRequest request) {
    boolean interrupted = Thread.interrupted();
    try {
      blocking.withDeadlineAfter(10, TimeUnit.SECONDS).withOption(OperationContext.CALL_OPTION, operation)
          .releaseExecute(request);
    } catch (StatusRuntimeException e) {
      OperationLog.debug(LOG, operation.operationId(), "ReleaseExecute failed for {}", operation.operationId(), e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void releaseInBackground(OperationContext operation, ReleaseExecuteRequest request) {
    try {
      async.withDeadlineAfter(policies().rpcDeadline().toNanos(), TimeUnit.NANOSECONDS)
          .withExecutor(ON_TRANSPORT_THREAD)
          .withOption(OperationContext.CALL_OPTION, operation)
          .releaseExecute(request, new StreamObserver<ReleaseExecuteResponse>() {
            @Override
            public void onNext(ReleaseExecuteResponse value) {}

            @Override
            public void onError(Throwable error) {
              OperationLog.debug(LOG, operation.operationId(), "ReleaseExecute failed for {}",
                  operation.operationId(), error);
            }

            @Override
            public void onCompleted() {}
          });
    } catch (RuntimeException e) {
      OperationLog.debug(LOG, operation.operationId(), "ReleaseExecute could not be sent", e);
    }
  }

  /** The client's exception for a failed call; {@code givenUp} says why retrying stopped, if it did. */
  SparkConnectException translate(StatusRuntimeException error, String givenUp) {
    String target = channel.settings().host() + ":" + channel.settings().port();
    if (error.getCause() instanceof CredentialsException) {
      return new ConnectionException("Cannot get credentials for the Spark Connect server at " + target + ": "
          + error.getCause().getMessage(), error, false);
    }
    SparkConnectException converted = ErrorConverter.convert(error, target, this::fetchErrorDetails);
    if (converted instanceof SessionException) {
      envelope.serverSession().markLost(converted.getMessage());
    }
    if (givenUp != null && converted instanceof ConnectionException) {
      return new ConnectionException(converted.getMessage() + " (" + givenUp + ")", error, false);
    }
    return converted;
  }

  /** The server's error chain, or null when it cannot be had: the original error is reported either way. */
  private FetchErrorDetailsResponse fetchErrorDetails(String errorId) {
    OperationContext operation = OperationContext.create("FetchErrorDetails", errorId, sessionId(), Set.of(),
        null);
    try {
      return blocking(operation)
          .fetchErrorDetails(envelope.stamp(FetchErrorDetailsRequest.newBuilder()).setErrorId(errorId).build());
    } catch (RuntimeException e) {
      LOG.debug("FetchErrorDetails failed for error {}", errorId, e);
      return null;
    }
  }
}
