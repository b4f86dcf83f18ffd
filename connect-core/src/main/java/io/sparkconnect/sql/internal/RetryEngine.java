package io.sparkconnect.sql.internal;

import io.grpc.StatusRuntimeException;
import io.sparkconnect.spi.CredentialsException;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryDecision;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.PolicySettings;
import io.sparkconnect.sql.SparkConnectException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one retry loop: asks the retry policy whether and when a failed call is tried again, tells the retry
 * listener, waits, and turns a final failure into the client's exception. Unary calls run through {@link
 * #call}; result streams ask {@link #awaitRetry} before re-opening. Thread-safe.
 */
final class RetryEngine {
  /** Turns a failed call into the client's exception; {@code givenUp} says why retrying stopped, or is null. */
  interface Translator {
    SparkConnectException translate(StatusRuntimeException error, String givenUp);
  }

  private final PolicySettings policies;
  private final Translator translator;

  RetryEngine(PolicySettings policies, Translator translator) {
    this.policies = policies;
    this.translator = translator;
  }

  PolicySettings policies() {
    return policies;
  }

  /** Runs a unary call, retrying transient failures as the retry policy says. */
  <T> T call(OperationContext operation, Function<OperationContext, T> attempt) {
    long start = policies.ticker().nanoTime();
    for (int retries = 0; ; retries++) {
      try {
        return attempt.apply(operation.withAttempt(retries));
      } catch (StatusRuntimeException e) {
        Failure failure = Failures.of(e);
        String givenUp = awaitRetry(operation.kind(), failure, e, retries, since(start), false);
        if (givenUp != null) {
          boolean unreachable = failure.statusCode().equals(io.grpc.Status.Code.UNAVAILABLE.name());
          throw translate(e, retries > 0 || unreachable ? givenUp : null);
        }
      }
    }
  }

  /**
   * Waits before the next attempt of a call that failed, as the retry policy says. A call the credentials provider
   * gave no credential for was never sent and is not retried: the provider retries itself if that makes sense.
   *
   * @param cause the failed call's exception, or null when a stream ended early
   * @param retries how many times the call was retried already
   * @param reportFirstGiveUp whether the listener hears a give-up without any retry before it (streams: yes)
   * @return null once it is time to try again, or the policy's reason for giving up
   * @throws SparkConnectException if the thread is interrupted
   */
  String awaitRetry(String call, Failure failure, Throwable cause, int retries, Duration elapsed,
      boolean reportFirstGiveUp) {
    if (Thread.currentThread().isInterrupted()) {
      throw new SparkConnectException("Interrupted during " + call, cause);
    }
    if (cause != null && cause.getCause() instanceof CredentialsException) {
      return "the credentials provider gave no credential";
    }
    RetryDecision decision = policies.retryPolicy().decide(failure, retries, elapsed);
    if (!decision.shouldRetry()) {
      if (retries > 0 || reportFirstGiveUp) {
        policies.retryListener().onGiveUp(call, failure, retries, decision.reason());
      }
      return decision.reason();
    }
    policies.retryListener().onRetry(call, failure, retries + 1, decision.delay());
    try {
      policies.sleeper().sleep(decision.delay());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkConnectException("Interrupted while waiting to retry " + call, e);
    }
    return null;
  }

  SparkConnectException translate(StatusRuntimeException error, String givenUp) {
    return translator.translate(error, givenUp);
  }

  /** The time since {@code startNanos} on the policies' ticker. */
  Duration since(long startNanos) {
    return Duration.ofNanos(policies.ticker().nanoTime() - startNanos);
  }
}
