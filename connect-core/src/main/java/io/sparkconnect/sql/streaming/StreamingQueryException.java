package io.sparkconnect.sql.streaming;

import io.sparkconnect.sql.QueryContext;
import io.sparkconnect.sql.SparkServerException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The error that stopped a streaming query, from {@link StreamingQuery#exception()} or thrown by {@link
 * StreamingQuery#awaitTermination()}; carries Spark's error class and, as text, the server's stack trace.
 */
public final class StreamingQueryException extends SparkServerException {
  private static final long serialVersionUID = 1L;

  private final UUID queryId;
  private final UUID runId;
  private final String serverStackTrace;

  /** An exception for the query {@code queryId}/{@code runId} with the server's message and details. */
  public StreamingQueryException(UUID queryId, UUID runId, String message, String errorClass,
      String serverStackTrace, Throwable cause) {
    super(message, cause, errorClass, null, Map.of(), List.<QueryContext>of());
    this.queryId = queryId;
    this.runId = runId;
    this.serverStackTrace = serverStackTrace;
  }

  /** The id of the query that failed. */
  public UUID queryId() {
    return queryId;
  }

  /** The run of the query that failed. */
  public UUID runId() {
    return runId;
  }

  /** The server's stack trace of the failure as text, or null when the server sent none. */
  public String serverStackTrace() {
    return serverStackTrace;
  }
}
