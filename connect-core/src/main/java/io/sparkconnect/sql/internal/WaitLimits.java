package io.sparkconnect.sql.internal;

import java.time.Duration;

/**
 * How long a result stream may wait: each wait for the next response up to the stream idle limit, and the
 * whole operation up to its deadline. Pure arithmetic on ticker readings; immutable.
 */
final class WaitLimits {
  /** Which limit a wait passed, if any. */
  enum Exceeded { NONE, IDLE, DEADLINE }

  private static final long NONE = Long.MAX_VALUE;

  private final long idleNanos;
  private final long operationStartNanos;
  private final long deadlineNanos;

  private WaitLimits(long idleNanos, long operationStartNanos, long deadlineNanos) {
    this.idleNanos = idleNanos;
    this.operationStartNanos = operationStartNanos;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * The limits of one operation.
   *
   * @param idle the longest wait for one response, or null for none
   * @param operationStartNanos the ticker reading when the operation started
   * @param deadline the longest the whole operation may take, or null for none
   */
  static WaitLimits of(Duration idle, long operationStartNanos, Duration deadline) {
    return new WaitLimits(idle == null ? NONE : idle.toNanos(), operationStartNanos,
        deadline == null ? NONE : deadline.toNanos());
  }

  /** Whether any limit applies; without one, waits need no watching. */
  boolean any() {
    return idleNanos != NONE || deadlineNanos != NONE;
  }

  /** Whether the operation has reached its deadline at {@code nowNanos}. */
  boolean deadlinePassed(long nowNanos) {
    return deadlineNanos != NONE && nowNanos - operationStartNanos >= deadlineNanos;
  }

  /** The limit a wait that began at {@code waitStartNanos} has reached at {@code nowNanos}; the deadline first. */
  Exceeded exceeded(long waitStartNanos, long nowNanos) {
    if (deadlinePassed(nowNanos)) {
      return Exceeded.DEADLINE;
    }
    if (idleNanos != NONE && nowNanos - waitStartNanos >= idleNanos) {
      return Exceeded.IDLE;
    }
    return Exceeded.NONE;
  }

  /** Nanoseconds from {@code nowNanos} until the wait begun at {@code waitStartNanos} reaches a limit; at least 0. */
  long nanosUntilDue(long waitStartNanos, long nowNanos) {
    long due = NONE;
    if (idleNanos != NONE) {
      due = idleNanos - (nowNanos - waitStartNanos);
    }
    if (deadlineNanos != NONE) {
      due = Math.min(due, deadlineNanos - (nowNanos - operationStartNanos));
    }
    return Math.max(0, due);
  }
}
