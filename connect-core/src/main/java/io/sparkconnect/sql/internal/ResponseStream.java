package io.sparkconnect.sql.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.spi.ErrorConditions;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OutcomeUnknownException;
import io.sparkconnect.sql.PolicySettings;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.NoSuchElementException;

/**
 * The responses of one execution. A reattachable execution survives broken streams: it resumes with {@code
 * ReattachExecute} after the last response received, re-executes an operation the server never started,
 * releases consumed responses as it goes, and releases the whole operation when done, closed or failed, so no
 * response is lost or repeated. A command (a plan with effects) is sent again only while it surely never reached
 * the server; otherwise its outcome is unknown and the caller gets an {@link OutcomeUnknownException}. A {@link StreamWatchdog} ends a wait that passes the stream idle limit (the
 * connection went silent: resumed on a new one) or the operation deadline. It reaches the server only through
 * {@link ExecutionCalls}. Not thread-safe, except {@link #close()}: a thread blocked reading then gets a {@link
 * SparkConnectException}.
 */
final class ResponseStream implements AutoCloseable {
  /** How often an operation the server does not know is executed again before giving up. */
  private static final int MAX_REEXECUTES = 3;

  private final ExecutionCalls calls;
  private final java.util.function.Consumer<ExecutePlanResponse> observer;
  private final RetryEngine retries;
  private final PolicySettings policies;
  private final ReattachPolicy reattach;
  private final OperationContext operation;
  private final ExecutePlanRequest request;
  private final boolean reattachable;
  private final boolean command;
  private final long startNanos;
  private final WaitLimits limits;
  private final StreamWatchdog watchdog;
  private volatile ResponseSegment current;
  private volatile boolean done;
  private volatile boolean closed;
  private boolean executeNext = true;
  private String lastResponseId;
  private boolean receivedAny;
  private int receivedSinceOpen;
  private boolean complete;
  private int attempts;
  private int reattaches;
  private int failuresWithoutProgress;
  private int sinceRelease;
  private int reexecutes;
  private boolean mayHaveReachedServer;

  ResponseStream(ExecutionCalls calls, RetryEngine retries, OperationContext operation,
      ExecutePlanRequest request) {
    this(calls, retries, operation, request, ExecutionObserver.NONE);
  }

  /** With {@code observer} seeing each response as it arrives, before the reader does. */
  ResponseStream(ExecutionCalls calls, RetryEngine retries, OperationContext operation,
      ExecutePlanRequest request, java.util.function.Consumer<ExecutePlanResponse> observer) {
    this.observer = observer;
    this.calls = calls;
    this.retries = retries;
    this.policies = retries.policies();
    this.reattach = policies.reattachPolicy();
    this.operation = operation;
    this.request = request;
    this.reattachable = reattach.reattachable();
    this.command = request.getPlan().hasCommand();
    this.startNanos = policies.ticker().nanoTime();
    this.limits = WaitLimits.of(reattachable ? policies.streamIdleTimeout() : null, startNanos,
        policies.operationDeadline().orElse(null));
    this.watchdog = new StreamWatchdog(limits, policies.ticker(), StreamWatchdog.Timer.shared());
  }

  OperationContext operation() {
    return operation;
  }

  /** Blocks until the next response or the end of the result. */
  boolean hasNext() {
    while (!done) {
      checkOperationDeadline();
      if (current == null) {
        open();
      }
      try {
        if (awaitNext(current)) {
          return true;
        }
        endSegment();
        if (!reattachable || complete) {
          finish();
          return false;
        }
        if (!reattach.shouldReattach(Failure.streamEnded(), reattaches)) {
          fail(null, "the stream ended before the result was complete and the reattach policy '"
              + reattach.name() + "' does not resume it");
        }
        resumeAfter(Failure.streamEnded(), null);
      } catch (StatusRuntimeException e) {
        endSegment();
        handle(e);
      }
    }
    return false;
  }

  ExecutePlanResponse next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ExecutePlanResponse response;
    try {
      response = current.next();
    } catch (StatusRuntimeException e) {
      endSegment();
      handle(e);
      return next();
    }
    receivedAny = true;
    receivedSinceOpen++;
    observer.accept(response);
    failuresWithoutProgress = 0;
    if (!response.getResponseId().isEmpty()) {
      lastResponseId = response.getResponseId();
    }
    if (response.hasResultComplete()) {
      complete = true;
    } else if (reattachable && lastResponseId != null && ++sinceRelease >= reattach.releaseEvery()) {
      calls.release(operation, lastResponseId, false);
      sinceRelease = 0;
    }
    return response;
  }

  private boolean awaitNext(ResponseSegment segment) {
    watchdog.begin(segment::cancel);
    try {
      return segment.hasNext();
    } finally {
      watchdog.end();
    }
  }

  private void open() {
    receivedSinceOpen = 0;
    watchdog.takeTripped();
    OperationContext attempt = operation.withAttempt(attempts++);
    ResponseSegment segment = executeNext ? calls.execute(attempt, request)
        : calls.reattach(attempt, lastResponseId);
    current = segment;
    if (closed) {
      segment.cancel();
    }
  }

  private void handle(StatusRuntimeException error) {
    if (closed) {
      throw closedError(error);
    }
    if (calls.isClosed()) {
      finish();
      throw new SessionException("The session was closed while the result of operation " + operationId()
          + " was being read; create a new session to run it again", error);
    }
    if (Thread.currentThread().isInterrupted()) {
      close();
      throw new SparkConnectException("Interrupted while reading the result of operation " + operationId()
          + "; the operation was released on the server", error);
    }
    WaitLimits.Exceeded exceeded = watchdog.takeTripped();
    if (exceeded != WaitLimits.Exceeded.NONE) {
      calls.reconnect();
      if (exceeded == WaitLimits.Exceeded.DEADLINE) {
        throw deadlineExceeded();
      }
      error = silentConnection(error);
    }
    Failure failure = Failures.of(error);
    if (executeNext && !neverSent(error)) {
      mayHaveReachedServer = true;
    }
    if (reattachable && failure.mentions(ErrorConditions.OPERATION_NOT_FOUND)) {
      if (receivedAny) {
        done = true;
        watchdog.stop();
        throw new SparkConnectException("The server lost operation " + operationId() + " after sending part of "
            + "its result (it restarted or dropped the operation); the result is incomplete, run the query again",
            error);
      }
      if (command && mayHaveReachedServer) {
        throw outcomeUnknown(error, "the server no longer knows the operation (it may have restarted or dropped it)");
      }
      if (++reexecutes > MAX_REEXECUTES) {
        fail(error, "the server lost the operation " + reexecutes + " times before it sent anything");
      }
      policies.retryListener().onReexecute(operationId());
      executeNext = true;
      return;
    }
    if (executeNext && failure.mentions(ErrorConditions.OPERATION_ALREADY_EXISTS)) {
      executeNext = false;
      return;
    }
    boolean resumable = reattachable ? reattach.shouldReattach(failure, reattaches) : !receivedAny;
    if (!resumable) {
      fail(error, null);
    }
    if (command && !reattachable && mayHaveReachedServer && !failure.isSemantic()) {
      throw outcomeUnknown(error, "the call broke after it could have reached the server, and without "
          + "reattachable execution it cannot be resumed");
    }
    resumeAfter(failure, error);
  }

  /**
   * Resumes a stream that ended early or broke: at once when it made progress (or the segment deadline passed
   * while the server worked), otherwise after the retry policy's delay, or not at all when the policy gives up.
   */
  private void resumeAfter(Failure failure, StatusRuntimeException error) {
    boolean deadline = failure.statusCode().equals(Status.Code.DEADLINE_EXCEEDED.name());
    if (receivedSinceOpen == 0 && !deadline) {
      String givenUp = retries.awaitRetry("ExecutePlan", failure, error, failuresWithoutProgress,
          retries.since(startNanos), true);
      if (givenUp != null) {
        fail(error, givenUp);
      }
      if (closed) {
        throw closedError(error);
      }
      failuresWithoutProgress++;
    }
    if (reattachable) {
      executeNext = false;
      reattaches++;
      policies.retryListener().onReattach(operationId(), lastResponseId, reattaches, failure);
    }
  }

  /** Whether the call surely never left the client: the connection to the server could not even be made. */
  private static boolean neverSent(StatusRuntimeException error) {
    if (error.getStatus().getCode() != Status.Code.UNAVAILABLE) {
      return false;
    }
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private OutcomeUnknownException outcomeUnknown(StatusRuntimeException error, String what) {
    finish();
    return new OutcomeUnknownException("Command operation " + operationId() + " may or may not have run: " + what
        + ". It is not sent again, since it could run twice; check its effect (the table, files or catalog it "
        + "changes) before running it again", retries.translate(error, null));
  }

  /** A wait cut short by the idle limit, as the connection loss it is. */
  private StatusRuntimeException silentConnection(StatusRuntimeException cancelled) {
    String what = "no response for " + policies.streamIdleTimeout()
        + " (streamIdleTimeout): the connection went silent without closing";
    SocketTimeoutException timeout = new SocketTimeoutException(what);
    timeout.initCause(cancelled);
    return Status.UNKNOWN.withDescription(what).withCause(timeout).asRuntimeException();
  }

  private void fail(StatusRuntimeException error, String reason) {
    finish();
    if (error == null) {
      throw new SparkConnectException("The result stream of operation " + operationId() + " broke: " + reason);
    }
    throw retries.translate(error, reason);
  }

  private SparkConnectException closedError(Throwable cause) {
    return new SparkConnectException("The result of operation " + operationId()
        + " was closed while it was being read", cause);
  }

  private void checkOperationDeadline() {
    if (limits.deadlinePassed(policies.ticker().nanoTime())) {
      throw deadlineExceeded();
    }
  }

  private SparkConnectException deadlineExceeded() {
    close();
    return new SparkConnectException("Operation " + operationId() + " ran longer than its deadline of "
        + policies.operationDeadline().orElseThrow() + " and was interrupted on the server");
  }

  /** Ends the stream and releases the operation on the server (nothing once the session is closed). */
  private void finish() {
    done = true;
    watchdog.stop();
    if (reattachable) {
      calls.release(operation, null, false);
    }
  }

  private void endSegment() {
    ResponseSegment segment = current;
    if (segment != null) {
      segment.cancel();
    }
    current = null;
  }

  private String operationId() {
    return operation.operationId();
  }

  /**
   * Stops reading and releases the operation on the server, interrupting it if it still runs. Idempotent; safe
   * from any thread: a thread blocked reading gets a {@link SparkConnectException} saying the result was closed.
   */
  @Override
  public void close() {
    boolean wasDone = done;
    closed = true;
    done = true;
    watchdog.stop();
    ResponseSegment segment = current;
    if (segment != null) {
      segment.cancel();
    }
    if (!wasDone && reattachable) {
      calls.release(operation, null, true);
    }
  }
}
