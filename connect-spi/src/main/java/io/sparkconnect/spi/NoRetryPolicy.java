package io.sparkconnect.spi;

import java.time.Duration;

/** Never retries: the first failure is the caller's. */
public final class NoRetryPolicy implements RetryPolicy {
  public static final String NAME = "none";
  static final NoRetryPolicy INSTANCE = new NoRetryPolicy();

  private NoRetryPolicy() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RetryDecision decide(Failure failure, int retriesSoFar, Duration elapsed) {
    return RetryDecision.giveUp("retries are off (retry policy 'none'): " + failure);
  }

  /** Registers the policy as {@value NoRetryPolicy#NAME}. */
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
