package io.sparkconnect.sql;

/**
 * The server could not be reached or the connection failed: refused, reset, timed out, rejected for missing
 * credentials, or TLS could not be agreed (certificate, plaintext server, no HTTP/2). The message says which and
 * what to check.
 */
public class ConnectionException extends SparkConnectException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public ConnectionException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
