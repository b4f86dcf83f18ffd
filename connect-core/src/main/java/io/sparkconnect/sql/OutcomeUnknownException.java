package io.sparkconnect.sql;

/**
 * A command (a write, DDL or other statement with effects) may or may not have run: the connection broke after
 * it could have reached the server, and sending it again could run it twice. Check its effect before running it
 * again. Queries are never in this state: they are re-sent, since reading twice does no harm.
 */
public class OutcomeUnknownException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
