package io.sparkconnect.sql;

/**
 * Hears each operation of a session start and end, and each result batch before its rows are handed out: the
 * place for metrics, logging and result limits. Register with {@link SparkConnectSettings.Builder#operationListener}.
 * Called on the thread running the operation; keep the methods fast.
 */
public interface OperationListener {
  /** The operation is about to be sent. Throwing fails the operation before it reaches the server. */
  default void onStart(OperationContext operation) {}

  /**
   * A result batch arrived and was decoded, before any of its rows are returned. Throwing a {@link
   * SparkConnectException} stops the operation: it is released on the server and the exception reaches the caller.
   *
   * @param rows the rows in the batch
   * @param bytes the size of the batch as received, in bytes
   */
  default void onBatch(OperationContext operation, long rows, long bytes) {}

  /**
   * The operation ended: its result was read to the end or closed, or it failed. Exceptions thrown here are
   * logged and ignored.
   *
   * @param rows the result rows received, 0 for operations without a result
   * @param failure what made it fail, or null on success
   */
  default void onEnd(OperationContext operation, long rows, Throwable failure) {}

  /**
   * The operation ended, with its duration, bytes, retries and reattaches. By default passes on to {@link
   * #onEnd(OperationContext, long, Throwable)}; override one of the two.
   */
  default void onEnd(OperationReport report) {
    onEnd(report.operation(), report.rows(), report.failure().orElse(null));
  }
}
