package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.sql.OperationContext;

/** What a result stream asks of the server: start an execution, resume it, release it, and a new connection. */
interface ExecutionCalls {
  /** Sends an execution; the request is already stamped. */
  ResponseSegment execute(OperationContext operation, ExecutePlanRequest request);

  /** Resumes an execution after {@code lastResponseId} (null: from its first response). */
  ResponseSegment reattach(OperationContext operation, String lastResponseId);

  /**
   * Frees responses on the server: up to and including {@code untilResponseId}, or the whole operation when it
   * is null (interrupting it if it still runs). Never throws.
   *
   * @param wait whether to wait for the server to confirm, so the operation is gone when this returns
   */
  void release(OperationContext operation, String untilResponseId, boolean wait);

  /** Sends later calls over a new connection: the current one went silent. Never throws. */
  void reconnect();

  /** Whether the session was closed, which ends its streams. */
  default boolean isClosed() {
    return false;
  }
}
