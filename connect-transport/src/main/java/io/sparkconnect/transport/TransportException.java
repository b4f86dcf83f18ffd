package io.sparkconnect.transport;

/** The channel to a Spark Connect server could not be set up, for example because TLS material is unusable. */
public class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
