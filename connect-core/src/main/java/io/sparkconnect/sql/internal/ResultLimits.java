package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.ResultLimitException;

/** The most rows and bytes one result may bring; checked as each batch arrives, before its rows are handed out. */
final class ResultLimits {
  static final ResultLimits NONE = new ResultLimits(Long.MAX_VALUE, Long.MAX_VALUE, null);

  private final long maxRows;
  private final long maxBytes;
  private final String bytesHint;

  /** @param bytesHint how to raise the byte limit, for the message; null for the settings' own limit */
  ResultLimits(long maxRows, long maxBytes, String bytesHint) {
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.bytesHint = bytesHint;
  }

  /**
   * Checks the result so far.
   *
   * @throws ResultLimitException naming the limit when the result passed it
   */
  void check(OperationContext operation, long rows, long bytes) {
    if (rows > maxRows) {
      throw new ResultLimitException("The result of operation " + operation.operationId() + " passed maxResultRows="
          + maxRows + " (" + rows + " rows so far) and was stopped on the server; raise the limit with "
          + "SparkConnectSettings.Builder.maxResultRows(...) or max_result_rows in the connection string, or add a "
          + "limit() to the query", "maxResultRows", maxRows);
    }
    if (bytes > maxBytes) {
      throw new ResultLimitException("The result of operation " + operation.operationId()
          + " passed maxResultBytes=" + maxBytes + " (" + bytes + " bytes of Arrow data so far) and was stopped on "
          + "the server; " + (bytesHint != null ? bytesHint : "raise the limit with "
          + "SparkConnectSettings.Builder.maxResultBytes(...) or max_result_bytes in the connection string"),
          "maxResultBytes", maxBytes);
    }
  }
}
