package io.sparkconnect.sql.internal;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.Iterator;

/**
 * One open server stream of an execution, from {@code ExecutePlan} or one {@code ReattachExecute}, until it ends,
 * breaks or is cancelled. Every response is checked against the session's server-side session id.
 */
final class ResponseSegment {
  private final Iterator<ExecutePlanResponse> responses;
  private final Context.CancellableContext context;
  private final RequestEnvelope envelope;

  ResponseSegment(Iterator<ExecutePlanResponse> responses, Context.CancellableContext context,
      RequestEnvelope envelope) {
    this.responses = responses;
    this.context = context;
    this.envelope = envelope;
  }

  /**
   * Blocks until the next response or the end.
   *
   * @throws StatusRuntimeException when the stream breaks, also for a transport that was shut down under it
   */
  boolean hasNext() {
    try {
      return responses.hasNext();
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw broken(e);
    }
  }

  /** The next response; on a {@code StatusRuntimeException} it is lost, and resuming the stream sends it again. */
  ExecutePlanResponse next() {
    ExecutePlanResponse response;
    try {
      response = responses.next();
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw broken(e);
    }
    envelope.observe(response.getServerSideSessionId());
    return response;
  }

  private static StatusRuntimeException broken(RuntimeException cause) {
    return Status.UNAVAILABLE.withDescription("the connection's transport stopped: " + cause)
        .withCause(cause).asRuntimeException();
  }

  /** Cancels the stream; a thread blocked in {@link #hasNext()} gets a {@code CANCELLED} failure. Thread-safe. */
  void cancel() {
    context.cancel(null);
  }
}
