package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/** A query failed while it ran: division by zero, a bad cast, an overflow, a user-raised error, or a failed task. */
public class SparkRuntimeException extends SparkServerException {
  private static final long serialVersionUID = 1L;

  public SparkRuntimeException(String message, Throwable cause, String errorClass, String sqlState,
      Map<String, String> messageParameters, List<QueryContext> queryContexts) {
    super(message, cause, errorClass, sqlState, messageParameters, queryContexts);
  }
}
