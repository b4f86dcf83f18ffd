package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.internal.WaitLimits.Exceeded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle limit counts from the start of each wait, the deadline from the start of the operation. */
class WaitLimitsTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long START = 1_000 * SECOND;

  @Test
  void aWaitReachesTheIdleLimitOnlyAfterItsWholeLength() {
    WaitLimits limits = WaitLimits.of(Duration.ofSeconds(3), START, null);
    long wait = START + 100 * SECOND;
    assertEquals(Exceeded.NONE, limits.exceeded(wait, wait + 3 * SECOND - 1));
    assertEquals(Exceeded.IDLE, limits.exceeded(wait, wait + 3 * SECOND));
    assertEquals(3 * SECOND - SECOND, limits.nanosUntilDue(wait, wait + SECOND));
    assertEquals(0, limits.nanosUntilDue(wait, wait + 5 * SECOND));
  }

  @Test
  void theDeadlineCountsFromTheOperationStartAndComesFirst() {
    WaitLimits limits = WaitLimits.of(Duration.ofSeconds(3), START, Duration.ofSeconds(10));
    long lateWait = START + 9 * SECOND;
    assertEquals(SECOND, limits.nanosUntilDue(lateWait, lateWait), "the deadline is nearer than the idle limit");
    assertEquals(Exceeded.NONE, limits.exceeded(lateWait, START + 10 * SECOND - 1));
    assertEquals(Exceeded.DEADLINE, limits.exceeded(lateWait, START + 10 * SECOND));
    assertEquals(Exceeded.DEADLINE, limits.exceeded(START, START + 20 * SECOND), "both passed: the deadline wins");
    assertFalse(limits.deadlinePassed(START + 10 * SECOND - 1));
    assertTrue(limits.deadlinePassed(START + 10 * SECOND));
  }

  @Test
  void withoutLimitsNothingIsEverDue() {
    WaitLimits limits = WaitLimits.of(null, START, null);
    assertFalse(limits.any());
    assertEquals(Exceeded.NONE, limits.exceeded(START, Long.MAX_VALUE / 2));
    assertFalse(limits.deadlinePassed(Long.MAX_VALUE / 2));
    assertTrue(WaitLimits.of(null, START, Duration.ofSeconds(1)).any());
    assertTrue(WaitLimits.of(Duration.ofSeconds(1), START, null).any());
  }
}
