package io.sparkconnect.testkit;

/**
 * A Spark Connect server could not be started or did not become ready; the message carries the tail of the
 * server's log so the cause is visible in the test report.
 */
public class ServerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerStartException(String message) {
    super(message);
  }

  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
