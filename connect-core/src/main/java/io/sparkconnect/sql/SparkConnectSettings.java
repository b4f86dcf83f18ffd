package io.sparkconnect.sql;

import io.grpc.ClientInterceptor;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectionString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Everything a {@link SparkSession} is made of: the channel (address, TLS, credentials, headers, limits), who the user
 * is, the session id, the retry and reattach policies, the Arrow chunk size, and the interceptors and listeners
 * that see each call. Immutable; {@link SparkSession#settings()} returns a session's, and {@link
 * SparkSession#newSession()} derives from them.
 *
 * <pre>{@code
 * SparkConnectSettings settings = SparkConnectSettings.builder()
 *     .policies(p -> p.retryPolicy("fail-fast"))
 *     .applyConnectionString("sc://spark.example:443/;token=...")   // overrides what was set before
 *     .interceptor(myInterceptor)
 *     .build();
 * try (SparkSession spark = SparkSession.create(settings)) { ... }
 * }</pre>
 */
public final class SparkConnectSettings {
  private final ChannelSettings channel;
  private final PolicySettings policies;
  private final String userId;
  private final String userName;
  private final UUID sessionId;
  private final int arrowChunkSize;
  private final long maxResultRows;
  private final long maxResultBytes;
  private final List<ClientInterceptor> interceptors;
  private final List<OperationListener> operationListeners;
  private final OpenTelemetry openTelemetry;
  private final List<ProgressListener> progressListeners;

  private SparkConnectSettings(Builder builder) {
    this.channel = builder.channel.build();
    this.policies = builder.policies.build();
    this.userId = builder.userId != null ? builder.userId : System.getProperty("user.name", "");
    this.userName = builder.userName;
    this.sessionId = builder.sessionId;
    this.arrowChunkSize = builder.arrowChunkSize;
    this.maxResultRows = builder.maxResultRows;
    this.maxResultBytes = builder.maxResultBytes;
    this.interceptors = List.copyOf(builder.interceptors);
    this.operationListeners = List.copyOf(builder.operationListeners);
    this.openTelemetry = builder.openTelemetry;
    this.progressListeners = List.copyOf(builder.progressListeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.channel = channel.toBuilder();
    builder.policies = policies.toBuilder();
    builder.userId = userId;
    builder.userName = userName;
    builder.sessionId = sessionId;
    builder.arrowChunkSize = arrowChunkSize;
    builder.maxResultRows = maxResultRows;
    builder.maxResultBytes = maxResultBytes;
    builder.interceptors.addAll(interceptors);
    builder.operationListeners.addAll(operationListeners);
    builder.openTelemetry = openTelemetry;
    builder.progressListeners.addAll(progressListeners);
    return builder;
  }

  /** Address, TLS, credentials, headers, message-size limit, keepalive and event-loop threads. */
  public ChannelSettings channel() {
    return channel;
  }

  /** Retries, reattaches, deadlines and the clock. */
  public PolicySettings policies() {
    return policies;
  }

  /** The user id sent in every request's user context; the {@code user.name} system property by default. */
  public String userId() {
    return userId;
  }

  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /** A fixed client-side session id, to join an existing server session; a random one per session when empty. */
  public Optional<UUID> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** The size 4.1+ servers should cut large Arrow batches into, in bytes; 0 for the server's default. */
  public int arrowChunkSize() {
    return arrowChunkSize;
  }

  /** The most rows one result may bring, whether collected, iterated or read as Arrow batches; empty: no limit. */
  public OptionalLong maxResultRows() {
    return maxResultRows == 0 ? OptionalLong.empty() : OptionalLong.of(maxResultRows);
  }

  /**
   * The most bytes of Arrow data one result may bring, whether collected, iterated or read as Arrow batches. When
   * empty, {@link DataFrame#collect()} alone is limited to a quarter of the JVM's maximum heap.
   */
  public OptionalLong maxResultBytes() {
    return maxResultBytes == 0 ? OptionalLong.empty() : OptionalLong.of(maxResultBytes);
  }

  /**
   * The user's gRPC interceptors in the order added; the first added sees each call first. Each call's {@link
   * OperationContext} is in its call options.
   */
  public List<ClientInterceptor> interceptors() {
    return interceptors;
  }

  public List<OperationListener> operationListeners() {
    return operationListeners;
  }

  /** The listeners that hear the progress of every query of the session. */
  public List<ProgressListener> progressListeners() {
    return progressListeners;
  }

  /**
   * Where the session's spans and metrics go: the instance set on the builder, else {@link
   * GlobalOpenTelemetry#get()} (a no-op until an SDK is installed).
   */
  public OpenTelemetry openTelemetry() {
    return openTelemetry != null ? openTelemetry : GlobalOpenTelemetry.get();
  }

  @Override
  public String toString() {
    return "SparkConnectSettings{" + channel + ", " + policies + ", user " + userId
        + (sessionId == null ? "" : ", session " + sessionId)
        + (arrowChunkSize == 0 ? "" : ", arrowChunkSize=" + arrowChunkSize)
        + (maxResultRows == 0 ? "" : ", maxResultRows=" + maxResultRows)
        + (maxResultBytes == 0 ? "" : ", maxResultBytes=" + maxResultBytes)
        + (interceptors.isEmpty() ? "" : ", " + interceptors.size() + " interceptors")
        + (operationListeners.isEmpty() ? "" : ", " + operationListeners.size() + " listeners") + "}";
  }

  /**
   * Builds {@link SparkConnectSettings}. Each call takes effect where it is made: {@link #applyConnectionString}
   * overrides what was set before it and is overridden by what follows. Not thread-safe.
   */
  public static final class Builder {
    private ChannelSettings.Builder channel = ChannelSettings.builder();
    private PolicySettings.Builder policies = PolicySettings.builder();
    private String userId;
    private String userName;
    private UUID sessionId;
    private int arrowChunkSize;
    private long maxResultRows;
    private long maxResultBytes;
    private final List<ClientInterceptor> interceptors = new ArrayList<>();
    private final List<OperationListener> operationListeners = new ArrayList<>();
    private OpenTelemetry openTelemetry;
    private final List<ProgressListener> progressListeners = new ArrayList<>();

    private Builder() {}

    /**
     * Takes everything a connection string says: address, TLS, token, headers, message size, user agent, user,
     * session id, policy names and result limits.
     *
     * @throws IllegalArgumentException if the string or a policy name in it is invalid
     */
    public Builder applyConnectionString(String connectionString) {
      return applyConnectionString(ConnectionString.parse(connectionString));
    }

    public Builder applyConnectionString(ConnectionString connectionString) {
      Objects.requireNonNull(connectionString, "connectionString");
      channel.applyConnectionString(connectionString);
      connectionString.userId().ifPresent(this::userId);
      connectionString.userName().ifPresent(this::userName);
      connectionString.sessionId().ifPresent(this::sessionId);
      connectionString.retryPolicy().ifPresent(policies::retryPolicy);
      connectionString.reattachPolicy().ifPresent(policies::reattachPolicy);
      connectionString.maxResultRows().ifPresent(this::maxResultRows);
      connectionString.maxResultBytes().ifPresent(this::maxResultBytes);
      return this;
    }

    /** Changes transport settings: host, port, TLS, token or credentials, headers, keepalive, event-loop threads. */
    public Builder channel(Consumer<ChannelSettings.Builder> customizer) {
      customizer.accept(channel);
      return this;
    }

    /** Changes the retry and reattach policies, deadlines and clock. */
    public Builder policies(Consumer<PolicySettings.Builder> customizer) {
      customizer.accept(policies);
      return this;
    }

    public Builder userId(String userId) {
      this.userId = Objects.requireNonNull(userId, "userId");
      return this;
    }

    public Builder userName(String userName) {
      this.userName = Objects.requireNonNull(userName, "userName");
      return this;
    }

    /** A fixed client-side session id, to rejoin a server session; random by default. */
    public Builder sessionId(UUID sessionId) {
      this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
      return this;
    }

    /**
     * The size in bytes that 4.1+ servers should cut large Arrow batches into; the server's default (about 120
     * MiB) when not set. The client reassembles the chunks.
     */
    public Builder arrowChunkSize(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("arrowChunkSize must be at least 1024 bytes, got " + bytes);
      }
      this.arrowChunkSize = bytes;
      return this;
    }

    /**
     * The most rows one result may bring; a result passing it stops with a {@link ResultLimitException} and is
     * released on the server.
     */
    public Builder maxResultRows(long rows) {
      this.maxResultRows = positive(rows, "maxResultRows");
      return this;
    }

    /**
     * The most bytes of Arrow data one result may bring; a result passing it stops with a {@link
     * ResultLimitException} and is released on the server. Replaces {@code collect()}'s default heap guard.
     */
    public Builder maxResultBytes(long bytes) {
      this.maxResultBytes = positive(bytes, "maxResultBytes");
      return this;
    }

    private static long positive(long value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + value);
      }
      return value;
    }

    /** Adds a gRPC interceptor to every call of the session, after those added before. */
    public Builder interceptor(ClientInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    public Builder operationListener(OperationListener listener) {
      operationListeners.add(Objects.requireNonNull(listener, "operationListener"));
      return this;
    }

    /** Adds a listener for the progress of every query of the session (reported by 4.0+ servers). */
    public Builder progressListener(ProgressListener listener) {
      progressListeners.add(Objects.requireNonNull(listener, "progressListener"));
      return this;
    }

    /** Sends the session's spans and metrics to this OpenTelemetry instead of {@link GlobalOpenTelemetry}. */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if no host was set or the settings contradict each other
     */
    public SparkConnectSettings build() {
      return new SparkConnectSettings(this);
    }
  }
}
