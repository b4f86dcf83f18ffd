package io.sparkconnect.transport;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A parsed Spark Connect connection string, {@code sc://host[:port]/;key=value;...}.
 *
 * <p>Known keys are {@value #USE_SSL}, {@value #TOKEN}, {@value #USER_ID}, {@value #USER_NAME}, {@value
 * #SESSION_ID}, {@value #USER_AGENT} and {@value #GRPC_MAX_MESSAGE_SIZE}; every other key is a gRPC header sent on
 * each call. Keys and values may be percent-encoded, and a value may contain {@code =}. Instances are immutable and
 * {@link #toString()} never reveals the token or a header's value.
 */
public final class ConnectionString {
  /** The port used when the connection string names none. */
  public static final int DEFAULT_PORT = 15002;

  public static final String USE_SSL = "use_ssl";
  public static final String TOKEN = "token";
  public static final String USER_ID = "user_id";
  public static final String USER_NAME = "user_name";
  public static final String SESSION_ID = "session_id";
  public static final String USER_AGENT = "user_agent";
  public static final String GRPC_MAX_MESSAGE_SIZE = "grpc_max_message_size";
  public static final String RETRY_POLICY = "retry_policy";
  public static final String REATTACH_POLICY = "reattach_policy";
  public static final String MAX_RESULT_ROWS = "max_result_rows";
  public static final String MAX_RESULT_BYTES = "max_result_bytes";

  private final String host;
  private final int port;
  private final Boolean useSsl;
  private final String token;
  private final String userId;
  private final String userName;
  private final UUID sessionId;
  private final String userAgent;
  private final Integer grpcMaxMessageSize;
  private final String retryPolicy;
  private final String reattachPolicy;
  private final Long maxResultRows;
  private final Long maxResultBytes;
  private final Map<String, String> headers;

  ConnectionString(
      String host,
      int port,
      Boolean useSsl,
      String token,
      String userId,
      String userName,
      UUID sessionId,
      String userAgent,
      Integer grpcMaxMessageSize,
      String retryPolicy,
      String reattachPolicy,
      Long maxResultRows,
      Long maxResultBytes,
      Map<String, String> headers) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.useSsl = useSsl;
    this.token = token;
    this.userId = userId;
    this.userName = userName;
    this.sessionId = sessionId;
    this.userAgent = userAgent;
    this.grpcMaxMessageSize = grpcMaxMessageSize;
    this.retryPolicy = retryPolicy;
    this.reattachPolicy = reattachPolicy;
    this.maxResultRows = maxResultRows;
    this.maxResultBytes = maxResultBytes;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Parses {@code sc://host[:port]/;key=value;...}.
   *
   * @throws IllegalArgumentException naming the offending part and the expected form
   */
  public static ConnectionString parse(String connectionString) {
    return ConnectionStringParser.parse(connectionString);
  }

  /** The host name or IP literal, without brackets for IPv6. */
  public String host() {
    return host;
  }

  /** The port, {@value #DEFAULT_PORT} unless the string names another. */
  public int port() {
    return port;
  }

  /** Whether {@code use_ssl} was given, and its value. */
  public Optional<Boolean> useSsl() {
    return Optional.ofNullable(useSsl);
  }

  /** The bearer token, if any. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  public Optional<UUID> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  public Optional<String> userAgent() {
    return Optional.ofNullable(userAgent);
  }

  /** The client's maximum inbound gRPC message size in bytes, if given. */
  public OptionalInt grpcMaxMessageSize() {
    return grpcMaxMessageSize == null ? OptionalInt.empty() : OptionalInt.of(grpcMaxMessageSize);
  }

  /** The name of the retry policy to use ({@code default}, {@code none} or a plugged-in one), if given. */
  public Optional<String> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** The name of the reattach policy to use, if given. */
  public Optional<String> reattachPolicy() {
    return Optional.ofNullable(reattachPolicy);
  }

  /** The most rows one result may bring, if given. */
  public OptionalLong maxResultRows() {
    return maxResultRows == null ? OptionalLong.empty() : OptionalLong.of(maxResultRows);
  }

  /** The most bytes of Arrow data one result may bring, if given. */
  public OptionalLong maxResultBytes() {
    return maxResultBytes == null ? OptionalLong.empty() : OptionalLong.of(maxResultBytes);
  }

  /** Every key that is not a known option, with its value; each is sent as a gRPC header. */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The connection string in canonical form, with the token and every header value masked as {@code ***}: headers
   * often carry credentials such as API keys.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("sc://");
    out.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port).append('/');
    if (useSsl != null) {
      out.append(';').append(USE_SSL).append('=').append(useSsl);
    }
    if (token != null) {
      out.append(';').append(TOKEN).append("=***");
    }
    appendIfSet(out, USER_ID, userId);
    appendIfSet(out, USER_NAME, userName);
    appendIfSet(out, SESSION_ID, sessionId);
    appendIfSet(out, USER_AGENT, userAgent);
    appendIfSet(out, GRPC_MAX_MESSAGE_SIZE, grpcMaxMessageSize);
    appendIfSet(out, RETRY_POLICY, retryPolicy);
    appendIfSet(out, REATTACH_POLICY, reattachPolicy);
    appendIfSet(out, MAX_RESULT_ROWS, maxResultRows);
    appendIfSet(out, MAX_RESULT_BYTES, maxResultBytes);
    headers.keySet().forEach(key -> out.append(';').append(key).append("=***"));
    return out.toString();
  }

  private static void appendIfSet(StringBuilder out, String key, Object value) {
    if (value != null) {
      out.append(';').append(key).append('=').append(value);
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ConnectionString)) {
      return false;
    }
    ConnectionString that = (ConnectionString) other;
    return port == that.port
        && host.equals(that.host)
        && Objects.equals(useSsl, that.useSsl)
        && Objects.equals(token, that.token)
        && Objects.equals(userId, that.userId)
        && Objects.equals(userName, that.userName)
        && Objects.equals(sessionId, that.sessionId)
        && Objects.equals(userAgent, that.userAgent)
        && Objects.equals(grpcMaxMessageSize, that.grpcMaxMessageSize)
        && Objects.equals(retryPolicy, that.retryPolicy)
        && Objects.equals(reattachPolicy, that.reattachPolicy)
        && Objects.equals(maxResultRows, that.maxResultRows)
        && Objects.equals(maxResultBytes, that.maxResultBytes)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, useSsl, token, userId, sessionId, headers);
  }
}
