package io.sparkconnect.spi;

/** A {@link CredentialsProvider} could not supply a credential; the message says why and what to fix. */
public class CredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
