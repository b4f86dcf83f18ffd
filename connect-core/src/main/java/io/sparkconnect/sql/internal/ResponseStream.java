package io.sparkconnect.sql.internal;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The responses of one {@code ExecutePlan}, checked for the server-side session and with failures converted.
 * Closing it cancels the call if it is still running.
 */
public final class ResponseStream implements Iterator<ExecutePlanResponse>, AutoCloseable {
  private final String operationId;
  private final Iterator<ExecutePlanResponse> responses;
  private final Context.CancellableContext context;
  private final SparkConnectClient client;
  private boolean done;

  ResponseStream(String operationId, Iterator<ExecutePlanResponse> responses, Context.CancellableContext context,
      SparkConnectClient client) {
    this.operationId = operationId;
    this.responses = responses;
    this.context = context;
    this.client = client;
  }

  public String operationId() {
    return operationId;
  }

  @Override
  public boolean hasNext() {
    if (done) {
      return false;
    }
    try {
      if (responses.hasNext()) {
        return true;
      }
      done = true;
      return false;
    } catch (StatusRuntimeException e) {
      done = true;
      context.cancel(null);
      throw client.convert(e);
    }
  }

  @Override
  public ExecutePlanResponse next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ExecutePlanResponse response = responses.next();
    client.observeResponse(response);
    return response;
  }

  @Override
  public void close() {
    done = true;
    context.cancel(null);
  }
}
