package io.sparkconnect.transport;

import io.sparkconnect.spi.CredentialsProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything needed to open a gRPC channel to a Spark Connect server: address, TLS, credentials, extra headers,
 * message-size limit, keepalive, user agent and event-loop threads. Immutable; build with {@link #builder()} and
 * {@link Builder#applyConnectionString(ConnectionString)}.
 *
 * <p>Credentials (a token or any {@link CredentialsProvider}) turn TLS on unless TLS was switched off explicitly,
 * which is only accepted for loopback hosts so that a credential never crosses a network in plaintext.
 */
public final class ChannelSettings {
  /** Default maximum inbound message size: {@value} bytes (128 MiB), matching Spark's server limit. */
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 128 * 1024 * 1024;
  /** Default number of Netty event-loop threads: {@value}. */
  public static final int DEFAULT_EVENT_LOOP_THREADS = 2;
  /**
   * Smallest keepalive interval accepted: Spark's server keeps grpc's default minimum of five minutes and answers
   * more frequent pings with {@code GOAWAY too_many_pings}.
   */
  public static final Duration MIN_KEEPALIVE_TIME = Duration.ofMinutes(5);

  private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9_.\\-]+");

  private final String host;
  private final int port;
  private final TlsSettings tls;
  /** The TLS settings as set on the builder, null when derived from the credentials. */
  private final TlsSettings tlsAsSet;
  private final CredentialsProvider credentials;
  private final Map<String, String> headers;
  private final int maxInboundMessageSize;
  private final String userAgent;
  private final Duration keepAliveTime;
  private final Duration keepAliveTimeout;
  private final int eventLoopThreads;

  private ChannelSettings(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.credentials = builder.credentials;
    this.tlsAsSet = builder.tls;
    this.tls = builder.tls != null ? builder.tls
        : credentials != null ? TlsSettings.builder().enabled(true).build() : TlsSettings.plaintext();
    this.headers = Map.copyOf(builder.headers);
    this.maxInboundMessageSize = builder.maxInboundMessageSize;
    this.userAgent = builder.userAgent;
    this.keepAliveTime = builder.keepAliveTime;
    this.keepAliveTimeout = builder.keepAliveTimeout;
    this.eventLoopThreads = builder.eventLoopThreads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.host = host;
    builder.port = port;
    builder.tls = tlsAsSet;
    builder.credentials = credentials;
    builder.headers.putAll(headers);
    builder.maxInboundMessageSize = maxInboundMessageSize;
    builder.userAgent = userAgent;
    builder.keepAliveTime = keepAliveTime;
    builder.keepAliveTimeout = keepAliveTimeout;
    builder.eventLoopThreads = eventLoopThreads;
    return builder;
  }

  /** Settings from a connection string alone. */
  public static ChannelSettings of(ConnectionString connectionString) {
    return builder().applyConnectionString(connectionString).build();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public TlsSettings tls() {
    return tls;
  }

  /** What supplies each call's {@code authorization} header, if anything does. */
  public Optional<CredentialsProvider> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Extra headers sent on every call, with lower-case names. */
  public Map<String, String> headers() {
    return headers;
  }

  public int maxInboundMessageSize() {
    return maxInboundMessageSize;
  }

  /** The user's part of the user agent, sent after {@code spark-connect-java/<version>}. */
  public Optional<String> userAgent() {
    return Optional.ofNullable(userAgent);
  }

  /** The keepalive ping interval; empty means keepalive is off. */
  public Optional<Duration> keepAliveTime() {
    return Optional.ofNullable(keepAliveTime);
  }

  public Duration keepAliveTimeout() {
    return keepAliveTimeout;
  }

  public int eventLoopThreads() {
    return eventLoopThreads;
  }

  @Override
  public String toString() {
    return "ChannelSettings{" + host + ":" + port + ", " + tls
        + (credentials == null ? "" : ", credentials=" + describe(credentials))
        + ", headers=" + headers.keySet() + ", maxInboundMessageSize=" + maxInboundMessageSize + "}";
  }

  /** The provider's class, never its state: a record holding a token would print the token. */
  private static String describe(CredentialsProvider credentials) {
    String name = credentials.getClass().getSimpleName();
    return name.isEmpty() ? credentials.getClass().getName() : name;
  }

  /** Builds {@link ChannelSettings}. Setters validate at once and name the field at fault. Not thread-safe. */
  public static final class Builder {
    private String host;
    private int port = ConnectionString.DEFAULT_PORT;
    private TlsSettings tls;
    private CredentialsProvider credentials;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int maxInboundMessageSize = DEFAULT_MAX_INBOUND_MESSAGE_SIZE;
    private String userAgent;
    private Duration keepAliveTime;
    private Duration keepAliveTimeout = Duration.ofSeconds(20);
    private int eventLoopThreads = DEFAULT_EVENT_LOOP_THREADS;

    private Builder() {}

    /** Takes the address, token, TLS choice, headers, message size and user agent of a connection string. */
    public Builder applyConnectionString(ConnectionString connectionString) {
      Objects.requireNonNull(connectionString, "connectionString");
      host(connectionString.host());
      port(connectionString.port());
      connectionString.token().ifPresent(this::token);
      connectionString.useSsl().ifPresent(useSsl -> {
        if (tls == null || tls.enabled() != useSsl) {
          tls(TlsSettings.builder().enabled(useSsl).build());
        }
      });
      connectionString.headers().forEach(this::header);
      connectionString.grpcMaxMessageSize().ifPresent(this::maxInboundMessageSize);
      connectionString.userAgent().ifPresent(this::userAgent);
      return this;
    }

    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder tls(TlsSettings tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Sends {@code authorization: Bearer <token>} on every call; turns TLS on unless set otherwise. Replaces any
     * credentials set before.
     */
    public Builder token(String token) {
      return credentials(CredentialsProvider.bearer(token));
    }

    /**
     * Asks the provider for each call's {@code authorization} header, and for a fresh one when the server refuses
     * it; turns TLS on unless set otherwise.
     */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Adds a header sent on every call. Names are case-insensitive and stored in lower case. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "value of header " + name);
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HEADER_NAME.matcher(lower).matches() || lower.startsWith("grpc-")) {
        throw new IllegalArgumentException(
            "header name '" + name + "' is invalid: use letters, digits, '-', '_' or '.', not starting with grpc-");
      }
      if (lower.equals("authorization")) {
        throw new IllegalArgumentException(
            "set the 'authorization' header with token(...) or credentials(...), not as a header");
      }
      headers.put(lower, value);
      return this;
    }

    public Builder maxInboundMessageSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInboundMessageSize must be positive, got " + bytes);
      }
      this.maxInboundMessageSize = bytes;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Turns keepalive pings on at this interval, at least {@link #MIN_KEEPALIVE_TIME}; pings are only sent while
     * calls are active.
     */
    public Builder keepAlive(Duration time, Duration timeout) {
      Objects.requireNonNull(time, "keepAliveTime");
      Objects.requireNonNull(timeout, "keepAliveTimeout");
      if (time.compareTo(MIN_KEEPALIVE_TIME) < 0) {
        throw new IllegalArgumentException("keepAliveTime must be at least " + MIN_KEEPALIVE_TIME
            + ": Spark's server answers more frequent pings with GOAWAY too_many_pings; got " + time);
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("keepAliveTimeout must be positive, got " + timeout);
      }
      this.keepAliveTime = time;
      this.keepAliveTimeout = timeout;
      return this;
    }

    public Builder eventLoopThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("eventLoopThreads must be at least 1, got " + threads);
      }
      this.eventLoopThreads = threads;
      return this;
    }

    public ChannelSettings build() {
      if (host == null) {
        throw new IllegalArgumentException("host is not set; call host(...) or applyConnectionString(...)");
      }
      if (credentials != null && tls != null && !tls.enabled() && !Hosts.isLoopback(host)) {
        throw new InsecureCredentialsException(host);
      }
      return new ChannelSettings(this);
    }
  }
}
