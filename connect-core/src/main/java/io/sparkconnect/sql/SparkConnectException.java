package io.sparkconnect.sql;

import java.util.List;
import java.util.Map;

/**
 * The root of every error this client raises. Server errors carry Spark's error class, SQL state, message
 * parameters and query context where the server gives them; {@link #isRetryable()} is derived from those fields.
 */
public class SparkConnectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;
  private final Map<String, String> messageParameters;
  private final List<QueryContext> queryContexts;

  public SparkConnectException(String message) {
    this(message, null, null, null, Map.of(), List.of());
  }

  public SparkConnectException(String message, Throwable cause) {
    this(message, cause, null, null, Map.of(), List.of());
  }

  protected SparkConnectException(String message, Throwable cause, String errorClass, String sqlState,
      Map<String, String> messageParameters, List<QueryContext> queryContexts) {
    super(message, cause);
    this.errorClass = errorClass;
    this.sqlState = sqlState;
    this.messageParameters = Map.copyOf(messageParameters);
    this.queryContexts = List.copyOf(queryContexts);
  }

  /** Spark's error class, such as {@code TABLE_OR_VIEW_NOT_FOUND}, or null when the server gave none. */
  public String errorClass() {
    return errorClass;
  }

  /** The SQLSTATE, such as {@code 42P01}, or null. */
  public String sqlState() {
    return sqlState;
  }

  /** The parameters of the error class's message template. */
  public Map<String, String> messageParameters() {
    return messageParameters;
  }

  /** Where in the query the error is, when the server says. */
  public List<QueryContext> queryContexts() {
    return queryContexts;
  }

  /** Whether repeating the same request may succeed. */
  public boolean isRetryable() {
    return false;
  }
}
