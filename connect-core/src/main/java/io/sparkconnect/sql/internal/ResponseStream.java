package io.sparkconnect.sql.internal;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryDecision;
import io.sparkconnect.sql.SparkConnectException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The responses of one execution. A reattachable execution survives broken streams: it resumes with {@code
 * ReattachExecute} after the last response received, re-executes an operation the server never started,
 * releases consumed responses as it goes, and releases the whole operation when done, closed or failed, so no
 * response is lost or repeated. Not thread-safe, except {@link #close()}.
 */
public final class ResponseStream implements Iterator<ExecutePlanResponse>, AutoCloseable {
  /** How often an operation the server does not know is executed again before giving up. */
  private static final int MAX_REEXECUTES = 3;

  private final SparkConnectClient client;
  private final ClientPolicies policies;
  private final ExecutePlanRequest request;
  private final boolean reattachable;
  private final long startNanos;
  private Iterator<ExecutePlanResponse> current;
  private Context.CancellableContext context;
  private boolean executeNext = true;
  private String lastResponseId;
  private boolean receivedAny;
  private int receivedSinceOpen;
  private boolean complete;
  private volatile boolean done;
  private int reattaches;
  private int failuresWithoutProgress;
  private int sinceRelease;
  private int reexecutes;

  ResponseStream(SparkConnectClient client, ClientPolicies policies, ExecutePlanRequest request) {
    this.client = client;
    this.policies = policies;
    this.request = request;
    this.reattachable = policies.reattach.reattachable();
    this.startNanos = policies.ticker.nanoTime();
  }

  public String operationId() {
    return request.getOperationId();
  }

  /** How many times the stream was resumed. */
  public int reattaches() {
    return reattaches;
  }

  @Override
  public boolean hasNext() {
    while (!done) {
      checkOperationDeadline();
      if (current == null) {
        open();
      }
      try {
        if (current.hasNext()) {
          return true;
        }
        closeContext();
        if (!reattachable || complete) {
          finish();
          return false;
        }
        if (!policies.reattach.shouldReattach(Failure.streamEnded(), reattaches)) {
          fail(null, "the stream ended before the result was complete and the reattach policy '"
              + policies.reattach.name() + "' does not resume it");
        }
        resumeAfter(Failure.streamEnded(), null);
      } catch (StatusRuntimeException e) {
        closeContext();
        handle(e);
      }
    }
    return false;
  }

  @Override
  public ExecutePlanResponse next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ExecutePlanResponse response = current.next();
    client.observeResponse(response);
    receivedAny = true;
    receivedSinceOpen++;
    failuresWithoutProgress = 0;
    if (!response.getResponseId().isEmpty()) {
      lastResponseId = response.getResponseId();
    }
    if (response.hasResultComplete()) {
      complete = true;
    } else if (reattachable && lastResponseId != null && ++sinceRelease >= policies.reattach.releaseEvery()) {
      client.releaseUntil(operationId(), lastResponseId);
      sinceRelease = 0;
    }
    return response;
  }

  private void open() {
    receivedSinceOpen = 0;
    SparkConnectClient.OpenStream stream = executeNext ? client.startExecute(request)
        : client.startReattach(operationId(), lastResponseId);
    current = stream.responses;
    context = stream.context;
  }

  private void handle(StatusRuntimeException error) {
    if (Thread.currentThread().isInterrupted()) {
      close();
      throw new SparkConnectException("Interrupted while reading the result of operation " + operationId()
          + "; the operation was released on the server", error);
    }
    Failure failure = Failures.of(error);
    if (reattachable && failure.mentions("INVALID_HANDLE.OPERATION_NOT_FOUND")) {
      if (receivedAny) {
        done = true;
        throw new SparkConnectException("The server lost operation " + operationId() + " after sending part of "
            + "its result (it restarted or dropped the operation); the result is incomplete, run the query again",
            error);
      }
      if (++reexecutes > MAX_REEXECUTES) {
        fail(error, "the server lost the operation " + reexecutes + " times before it sent anything");
      }
      policies.listener.onReexecute(operationId());
      executeNext = true;
      current = null;
      return;
    }
    if (executeNext && failure.mentions("INVALID_HANDLE.OPERATION_ALREADY_EXISTS")) {
      executeNext = false;
      return;
    }
    boolean resumable = reattachable ? policies.reattach.shouldReattach(failure, reattaches) : !receivedAny;
    if (!resumable) {
      fail(error, null);
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
      retryOrFail(failure, error);
    }
    if (reattachable) {
      executeNext = false;
      reattaches++;
      policies.listener.onReattach(operationId(), lastResponseId, reattaches, failure);
    }
    current = null;
  }

  private void retryOrFail(Failure failure, StatusRuntimeException error) {
    RetryDecision decision = policies.retry.decide(failure, failuresWithoutProgress, elapsed());
    if (!decision.shouldRetry()) {
      policies.listener.onGiveUp("ExecutePlan", failure, failuresWithoutProgress, decision.reason());
      fail(error, decision.reason());
    }
    failuresWithoutProgress++;
    policies.listener.onRetry("ExecutePlan", failure, failuresWithoutProgress, decision.delay());
    sleep(decision.delay());
  }

  private void fail(StatusRuntimeException error, String reason) {
    done = true;
    if (reattachable) {
      client.releaseAll(operationId());
    }
    if (error == null) {
      throw new SparkConnectException("The result stream of operation " + operationId() + " broke: " + reason);
    }
    throw client.convert(error, reason);
  }

  private void sleep(Duration delay) {
    try {
      policies.sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new SparkConnectException("Interrupted while waiting to retry operation " + operationId(), e);
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(policies.ticker.nanoTime() - startNanos);
  }

  private void checkOperationDeadline() {
    Duration deadline = policies.operationDeadline;
    if (deadline != null && elapsed().compareTo(deadline) > 0) {
      close();
      throw new SparkConnectException("Operation " + operationId() + " ran longer than its deadline of "
          + deadline + " and was interrupted on the server");
    }
  }

  private void finish() {
    done = true;
    if (reattachable) {
      client.releaseAll(operationId());
    }
  }

  private void closeContext() {
    Context.CancellableContext open = context;
    if (open != null) {
      open.cancel(null);
    }
    current = null;
    context = null;
  }

  /** Stops reading and releases the operation on the server, interrupting it if it still runs. Idempotent. */
  @Override
  public void close() {
    boolean wasDone = done;
    done = true;
    Context.CancellableContext open = context;
    if (open != null) {
      open.cancel(null);
    }
    if (!wasDone && reattachable) {
      client.releaseAllNow(operationId());
    }
  }
}
