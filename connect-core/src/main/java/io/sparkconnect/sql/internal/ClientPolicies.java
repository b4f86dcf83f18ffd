package io.sparkconnect.sql.internal;

import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.spi.RetryPolicy;
import io.sparkconnect.spi.Sleeper;
import io.sparkconnect.spi.Ticker;
import java.time.Duration;
import java.util.Objects;

/** How a session retries, reattaches, waits and times out; immutable, shared by the sessions of a builder. */
public final class ClientPolicies {
  /** Default deadline of one unary call or one result-stream segment. */
  public static final Duration DEFAULT_RPC_DEADLINE = Duration.ofMinutes(10);

  final RetryPolicy retry;
  final ReattachPolicy reattach;
  final RetryListener listener;
  final Sleeper sleeper;
  final Ticker ticker;
  final Duration rpcDeadline;
  final Duration operationDeadline;

  public ClientPolicies(RetryPolicy retry, ReattachPolicy reattach, RetryListener listener, Sleeper sleeper,
      Ticker ticker, Duration rpcDeadline, Duration operationDeadline) {
    this.retry = Objects.requireNonNull(retry, "retryPolicy");
    this.reattach = Objects.requireNonNull(reattach, "reattachPolicy");
    this.listener = Objects.requireNonNull(listener, "retryListener");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.rpcDeadline = Objects.requireNonNull(rpcDeadline, "rpcDeadline");
    this.operationDeadline = operationDeadline;
  }

  public static ClientPolicies defaults() {
    return new ClientPolicies(RetryPolicy.defaults(), ReattachPolicy.defaults(), RetryListener.none(),
        Sleeper.system(), Ticker.system(), DEFAULT_RPC_DEADLINE, null);
  }

  public RetryPolicy retry() {
    return retry;
  }

  public ReattachPolicy reattach() {
    return reattach;
  }
}
