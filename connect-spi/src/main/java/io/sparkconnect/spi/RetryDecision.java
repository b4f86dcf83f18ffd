package io.sparkconnect.spi;

import java.time.Duration;
import java.util.Objects;

/** A policy's answer to a failure: retry after a delay, or give up with a reason. Immutable. */
public final class RetryDecision {
  private final Duration delay;
  private final String reason;

  private RetryDecision(Duration delay, String reason) {
    this.delay = delay;
    this.reason = reason;
  }

  public static RetryDecision retryAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
    }
    return new RetryDecision(delay, null);
  }

  /** Give up; the reason ends up in the error the caller sees. */
  public static RetryDecision giveUp(String reason) {
    return new RetryDecision(null, Objects.requireNonNull(reason, "reason"));
  }

  public boolean shouldRetry() {
    return delay != null;
  }

  /** The delay before the next attempt; only for decisions that retry. */
  public Duration delay() {
    if (delay == null) {
      throw new IllegalStateException("a give-up decision has no delay");
    }
    return delay;
  }

  /** Why the policy gave up; only for decisions that give up. */
  public String reason() {
    if (reason == null) {
      throw new IllegalStateException("a retry decision has no give-up reason");
    }
    return reason;
  }

  @Override
  public String toString() {
    return delay != null ? "retry after " + delay.toMillis() + " ms" : "give up: " + reason;
  }
}
