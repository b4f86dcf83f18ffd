package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/** A query refers to something that does not exist or cannot be resolved: a missing table, column or function, or a type mismatch. */
public class AnalysisException extends SparkServerException {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message, Throwable cause, String errorClass, String sqlState,
      Map<String, String> messageParameters, List<QueryContext> queryContexts) {
    super(message, cause, errorClass, sqlState, messageParameters, queryContexts);
  }
}
