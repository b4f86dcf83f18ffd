package io.sparkconnect.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong with a call, as data a policy can decide on: the gRPC status code name, Spark's error class,
 * the message, and the delay the server asked for. Immutable.
 */
public final class Failure {
  /** The status code name used for a result stream that ended before the server said it was complete. */
  public static final String STREAM_ENDED = "STREAM_ENDED";
  /**
   * The status code name used for a connection whose TLS handshake failed for a reason retrying cannot fix: the
   * server's certificate is untrusted, names another host or is out of date, the server refused the client
   * certificate, the server speaks plaintext, or HTTP/2 was not agreed. The built-in policies never retry it.
   */
  public static final String TLS_HANDSHAKE_FAILED = "TLS_HANDSHAKE_FAILED";

  private final String statusCode;
  private final String errorClass;
  private final String message;
  private final Duration serverRetryDelay;
  private final boolean semantic;

  private Failure(String statusCode, String errorClass, String message, Duration serverRetryDelay,
      boolean semantic) {
    this.statusCode = Objects.requireNonNull(statusCode, "statusCode");
    this.errorClass = errorClass;
    this.message = message == null ? "" : message;
    this.serverRetryDelay = serverRetryDelay;
    this.semantic = semantic;
  }

  /**
   * A failed call.
   *
   * @param statusCode the gRPC status code name, such as {@code UNAVAILABLE}
   * @param errorClass Spark's error class, or null
   * @param message the status description, or null
   * @param serverRetryDelay the delay of a {@code google.rpc.RetryInfo} detail, or null
   * @param semantic whether the server rejected the request itself (analysis, parse or runtime error)
   */
  public static Failure of(String statusCode, String errorClass, String message, Duration serverRetryDelay,
      boolean semantic) {
    return new Failure(statusCode, errorClass, message, serverRetryDelay, semantic);
  }

  /** A result stream that ended without its completion marker, as proxies and servers do to long streams. */
  public static Failure streamEnded() {
    return new Failure(STREAM_ENDED, null, "the result stream ended before the result was complete", null, false);
  }

  public String statusCode() {
    return statusCode;
  }

  public Optional<String> errorClass() {
    return Optional.ofNullable(errorClass);
  }

  public String message() {
    return message;
  }

  public Optional<Duration> serverRetryDelay() {
    return Optional.ofNullable(serverRetryDelay);
  }

  /** Whether the server understood and rejected the request: repeating it cannot help. */
  public boolean isSemantic() {
    return semantic;
  }

  /**
   * Whether the failure is this condition, such as {@code INVALID_CURSOR.DISCONNECTED}, or one under it: by the
   * error class when the server gave one, else (older servers, errors without a class) by the message.
   */
  public boolean mentions(String condition) {
    if (errorClass != null) {
      return errorClass.equals(condition) || errorClass.startsWith(condition + ".");
    }
    return message.contains(condition);
  }

  @Override
  public String toString() {
    return statusCode + (errorClass == null ? "" : " [" + errorClass + "]") + ": " + message;
  }
}
