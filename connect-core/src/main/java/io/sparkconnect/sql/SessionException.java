package io.sparkconnect.sql;

/**
 * The session can no longer be used: it was closed, released on the server, or the server restarted and lost it.
 * Create a new session to continue.
 */
public class SessionException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  public SessionException(String message) {
    super(message);
  }

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }
}
