package io.sparkconnect.spi;

/** Executions are not reattachable: a broken result stream fails the query. */
public final class NoReattachPolicy implements ReattachPolicy {
  public static final String NAME = "none";
  static final NoReattachPolicy INSTANCE = new NoReattachPolicy();

  private NoReattachPolicy() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reattachable() {
    return false;
  }

  @Override
  public boolean shouldReattach(Failure failure, int reattachesSoFar) {
    return false;
  }

  /** Registers the policy as {@value NoReattachPolicy#NAME}. */
  public static final class Provider implements ReattachPolicyProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ReattachPolicy create() {
      return INSTANCE;
    }
  }
}
