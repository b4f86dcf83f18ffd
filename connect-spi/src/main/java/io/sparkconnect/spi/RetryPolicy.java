package io.sparkconnect.spi;

import java.time.Duration;

/**
 * Decides whether a failed call is tried again, and after how long. Implementations are stateless and
 * thread-safe: everything they need comes in the arguments.
 */
public interface RetryPolicy {
  /** The name the policy is chosen by, such as {@code default}. */
  String name();

  /**
   * Decides about one failure.
   *
   * @param failure what went wrong
   * @param retriesSoFar how many retries of this call were already made (0 after the first failure)
   * @param elapsed time since the first attempt started
   */
  RetryDecision decide(Failure failure, int retriesSoFar, Duration elapsed);

  /** The built-in policy matching the reference clients. */
  static RetryPolicy defaults() {
    return DefaultRetryPolicy.builder().build();
  }

  /** A policy that never retries. */
  static RetryPolicy none() {
    return NoRetryPolicy.INSTANCE;
  }
}
