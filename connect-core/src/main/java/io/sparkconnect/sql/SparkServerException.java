package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/** An error the Spark server reported while analysing or running a request. */
public class SparkServerException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  public SparkServerException(String message, Throwable cause, String errorClass, String sqlState,
      Map<String, String> messageParameters, List<QueryContext> queryContexts) {
    super(message, cause, errorClass, sqlState, messageParameters, queryContexts);
  }
}
