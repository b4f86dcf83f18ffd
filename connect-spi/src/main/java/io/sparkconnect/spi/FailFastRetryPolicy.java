package io.sparkconnect.spi;

import java.time.Duration;

/**
 * A built-in retry policy for tools and tests that should fail fast on an unreachable server: it retries the same
 * failures as {@link DefaultRetryPolicy} ({@code UNAVAILABLE}, {@code INTERNAL} with {@code
 * INVALID_CURSOR.DISCONNECTED}, anything with a server retry delay; never a semantic error), but waits 100 ms, then
 * twice as long each time, and gives up after 5 retries: 100 + 200 + 400 + 800 + 1600 ms, 3.1 s of waiting in all,
 * about 3.5 s on a server that refuses connections. A server's {@code RetryInfo} delay is honoured up to 1 s only,
 * so even a server that asks for long delays is given up on after at most 5.6 s of waiting. No jitter. Chosen by
 * the name {@value #NAME}: {@code retry_policy=fail-fast} in a connection string, or {@code
 * SparkSession.builder().retryPolicy("fail-fast")}. Immutable.
 */
public final class FailFastRetryPolicy implements RetryPolicy {
  public static final String NAME = "fail-fast";

  private static final RetryPolicy SCHEDULE = DefaultRetryPolicy.builder()
      .maxRetries(5)
      .initialBackoff(Duration.ofMillis(100))
      .multiplier(2.0)
      .jitter(Duration.ZERO)
      .maxServerRetryDelay(Duration.ofSeconds(1))
      .build();

  static final FailFastRetryPolicy INSTANCE = new FailFastRetryPolicy();

  private FailFastRetryPolicy() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RetryDecision decide(Failure failure, int retriesSoFar, Duration elapsed) {
    return SCHEDULE.decide(failure, retriesSoFar, elapsed);
  }

  /** Registers the policy as {@value FailFastRetryPolicy#NAME}. */
  public static final class Provider implements RetryPolicyProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public RetryPolicy create() {
      return INSTANCE;
    }
  }
}
