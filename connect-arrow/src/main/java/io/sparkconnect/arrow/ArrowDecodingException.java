package io.sparkconnect.arrow;

/** An Arrow IPC stream from the server is malformed or uses a feature this client cannot decode. */
public class ArrowDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArrowDecodingException(String message) {
    super(message);
  }

  public ArrowDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
