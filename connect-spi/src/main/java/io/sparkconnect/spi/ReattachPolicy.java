package io.sparkconnect.spi;

/**
 * Decides whether a query's result stream is reattachable, and whether a broken stream is resumed with {@code
 * ReattachExecute}. Delays between attempts come from the {@link RetryPolicy}. Stateless and thread-safe.
 */
public interface ReattachPolicy {
  String name();

  /** Whether executions ask the server to keep results for reattaching. */
  boolean reattachable();

  /**
   * Whether to resume after this failure.
   *
   * @param failure what broke the stream, {@link Failure#streamEnded()} for a stream cut short
   * @param reattachesSoFar how many times this operation was resumed already
   */
  boolean shouldReattach(Failure failure, int reattachesSoFar);

  /** Release already-consumed responses on the server once this many have been read since the last release. */
  default int releaseEvery() {
    return 1;
  }

  static ReattachPolicy defaults() {
    return new DefaultReattachPolicy();
  }

  /** No reattaching: a broken stream fails the query. */
  static ReattachPolicy none() {
    return NoReattachPolicy.INSTANCE;
  }
}
