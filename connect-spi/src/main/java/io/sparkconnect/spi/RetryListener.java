package io.sparkconnect.spi;

import java.time.Duration;

/** Hears every retry and reattach decision, for logging and metrics. Methods must be fast and never throw. */
public interface RetryListener {
  /** A call failed and will be tried again after {@code delay}. */
  default void onRetry(String call, Failure failure, int retry, Duration delay) {}

  /** A call failed for good. */
  default void onGiveUp(String call, Failure failure, int retries, String reason) {}

  /** A result stream is resumed after {@code lastResponseId} (null: from the start). */
  default void onReattach(String operationId, String lastResponseId, int reattach, Failure cause) {}

  /** An operation the server no longer knew, before any response arrived, is executed again. */
  default void onReexecute(String operationId) {}

  static RetryListener none() {
    return new RetryListener() {};
  }
}
