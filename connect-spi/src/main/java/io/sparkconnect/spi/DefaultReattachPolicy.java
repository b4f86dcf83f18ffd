package io.sparkconnect.spi;

/**
 * The built-in reattach policy: executions are reattachable; a stream cut short, or broken by a retriable
 * failure, is resumed from the last response received; consumed responses are released one by one.
 */
public final class DefaultReattachPolicy implements ReattachPolicy {
  public static final String NAME = "default";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reattachable() {
    return true;
  }

  @Override
  public boolean shouldReattach(Failure failure, int reattachesSoFar) {
    return DefaultRetryPolicy.isRetriable(failure) || failure.statusCode().equals("DEADLINE_EXCEEDED");
  }

  /** Registers the policy as {@value DefaultReattachPolicy#NAME}. */
  public static final class Provider implements ReattachPolicyProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ReattachPolicy create() {
      return new DefaultReattachPolicy();
    }
  }
}
