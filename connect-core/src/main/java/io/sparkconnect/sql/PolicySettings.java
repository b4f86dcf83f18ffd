package io.sparkconnect.sql;

import io.sparkconnect.spi.Policies;
import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.spi.RetryPolicy;
import io.sparkconnect.spi.Sleeper;
import io.sparkconnect.spi.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session retries failed calls, resumes broken result streams, waits and times out. Immutable; build with
 * {@link #builder()}, usually through {@link SparkConnectSettings.Builder#policies}.
 */
public final class PolicySettings {
  /** Default deadline of one call or one result-stream segment: 10 minutes. */
  public static final Duration DEFAULT_RPC_DEADLINE = Duration.ofMinutes(10);
  /** Default longest wait for the next response of a reattachable result stream: 3 minutes. */
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(3);

  private final RetryPolicy retryPolicy;
  private final ReattachPolicy reattachPolicy;
  private final RetryListener retryListener;
  private final Sleeper sleeper;
  private final Ticker ticker;
  private final Duration rpcDeadline;
  private final Duration operationDeadline;
  private final Duration streamIdleTimeout;

  private PolicySettings(Builder builder) {
    this.retryPolicy = builder.retryPolicy;
    this.reattachPolicy = builder.reattachPolicy;
    this.retryListener = builder.retryListener;
    this.sleeper = builder.sleeper;
    this.ticker = builder.ticker;
    this.rpcDeadline = builder.rpcDeadline;
    this.operationDeadline = builder.operationDeadline;
    this.streamIdleTimeout = builder.streamIdleTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.retryPolicy = retryPolicy;
    builder.reattachPolicy = reattachPolicy;
    builder.retryListener = retryListener;
    builder.sleeper = sleeper;
    builder.ticker = ticker;
    builder.rpcDeadline = rpcDeadline;
    builder.operationDeadline = operationDeadline;
    builder.streamIdleTimeout = streamIdleTimeout;
    return builder;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public ReattachPolicy reattachPolicy() {
    return reattachPolicy;
  }

  public RetryListener retryListener() {
    return retryListener;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Ticker ticker() {
    return ticker;
  }

  /** The deadline of each call and of each result-stream segment. */
  public Duration rpcDeadline() {
    return rpcDeadline;
  }

  /** The longest an operation may run, retries and reattaches included; empty for no limit. */
  public Optional<Duration> operationDeadline() {
    return Optional.ofNullable(operationDeadline);
  }

  /** The longest a reattachable result stream waits for its next response before it is resumed. */
  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  @Override
  public String toString() {
    return "PolicySettings{retry=" + retryPolicy.name() + ", reattach=" + reattachPolicy.name() + ", rpcDeadline="
        + rpcDeadline + ", streamIdleTimeout=" + streamIdleTimeout
        + (operationDeadline == null ? "" : ", operationDeadline=" + operationDeadline) + "}";
  }

  /** Builds {@link PolicySettings}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private ReattachPolicy reattachPolicy = ReattachPolicy.defaults();
    private RetryListener retryListener = RetryListener.none();
    private Sleeper sleeper = Sleeper.system();
    private Ticker ticker = Ticker.system();
    private Duration rpcDeadline = DEFAULT_RPC_DEADLINE;
    private Duration operationDeadline;
    private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

    private Builder() {}

    /** The policy for retrying failed calls; the built-in {@code default} unless set. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * A retry policy by name, found with {@link java.util.ServiceLoader}.
     *
     * @throws IllegalArgumentException listing the available names if there is none by that name
     */
    public Builder retryPolicy(String name) {
      return retryPolicy(Policies.retryPolicy(name));
    }

    /** The policy for resuming broken result streams; the built-in {@code default} unless set. */
    public Builder reattachPolicy(ReattachPolicy policy) {
      this.reattachPolicy = Objects.requireNonNull(policy, "reattachPolicy");
      return this;
    }

    public Builder reattachPolicy(String name) {
      return reattachPolicy(Policies.reattachPolicy(name));
    }

    /** Hears every retry and reattach. */
    public Builder retryListener(RetryListener listener) {
      this.retryListener = Objects.requireNonNull(listener, "retryListener");
      return this;
    }

    /** The waiting and the clock retries use; replace both in tests for exact timing. */
    public Builder clock(Sleeper sleeper, Ticker ticker) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * The deadline of each call and of each result-stream segment (default 10 minutes); a reattachable result
     * stream that reaches it is resumed, not failed.
     */
    public Builder rpcDeadline(Duration deadline) {
      this.rpcDeadline = positive(deadline, "rpcDeadline");
      return this;
    }

    /**
     * The longest an operation may run, retries and reattaches included; no limit by default. It holds while the
     * client waits on a silent server too: the wait ends at the deadline and the operation is interrupted.
     */
    public Builder operationDeadline(Duration deadline) {
      this.operationDeadline = positive(deadline, "operationDeadline");
      return this;
    }

    /**
     * The longest a reattachable result stream waits for its next response (default 3 minutes). A connection that
     * goes silent without closing, as behind a dropped NAT entry or a dead proxy, is then abandoned for a new
     * one and the stream resumed after its last response, instead of hanging until {@link #rpcDeadline}. Spark
     * servers end every reattachable stream after {@code
     * spark.connect.execute.reattachable.senderMaxStreamDuration} (default 2 minutes), even while a query sends
     * nothing, so a healthy stream is never silent longer than that: keep this somewhat above the server's value
     * and well under the RPC deadline. gRPC keepalive cannot do this job: Spark servers refuse pings more often
     * than every 5 minutes.
     */
    public Builder streamIdleTimeout(Duration timeout) {
      this.streamIdleTimeout = positive(timeout, "streamIdleTimeout");
      return this;
    }

    public PolicySettings build() {
      return new PolicySettings(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }
  }
}
