package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/** The SQL text, a DDL string or an expression string cannot be parsed. */
public class ParseException extends AnalysisException {
  private static final long serialVersionUID = 1L;

  public ParseException(String message, Throwable cause, String errorClass, String sqlState,
      Map<String, String> messageParameters, List<QueryContext> queryContexts) {
    super(message, cause, errorClass, sqlState, messageParameters, queryContexts);
  }
}
