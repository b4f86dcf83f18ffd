package io.sparkconnect.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailFastRetryPolicyTest {
  private static final RetryPolicy POLICY = Policies.retryPolicy("fail-fast");
  private static final Failure REFUSED = Failure.of("UNAVAILABLE", null, "connection refused", null, false);

  /** Plays a call that fails every time, each attempt taking no time: the clock only moves by the planned waits. */
  private static List<Long> waits(Failure failure, StringBuilder giveUpReason) {
    List<Long> waits = new ArrayList<>();
    Duration clock = Duration.ZERO;
    for (int retry = 0; ; retry++) {
      RetryDecision decision = POLICY.decide(failure, retry, clock);
      if (!decision.shouldRetry()) {
        giveUpReason.append(decision.reason());
        return waits;
      }
      waits.add(decision.delay().toMillis());
      clock = clock.plus(decision.delay());
    }
  }

  private static long total(List<Long> waits) {
    return waits.stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void waits100MsDoublingAndGivesUpAfter5RetriesWithin2To6Seconds() {
    StringBuilder reason = new StringBuilder();
    List<Long> waits = waits(REFUSED, reason);
    assertEquals(List.of(100L, 200L, 400L, 800L, 1600L), waits);
    long total = total(waits);
    assertTrue(total >= 2000 && total <= 6000, "planned wait " + total + " ms");
    assertEquals("gave up after 5 retries over 3100 ms; the last failure was UNAVAILABLE: connection refused",
        reason.toString());
  }

  @Test
  void honoursTheServersRetryDelayOnlyUpTo1Second() {
    Failure shortHint = Failure.of("UNAVAILABLE", null, "busy", Duration.ofMillis(500), false);
    assertEquals(500, POLICY.decide(shortHint, 0, Duration.ZERO).delay().toMillis());
    Failure longHint = Failure.of("RESOURCE_EXHAUSTED", null, "later", Duration.ofHours(1), false);
    assertEquals(1000, POLICY.decide(longHint, 0, Duration.ZERO).delay().toMillis());
    assertEquals(1600, POLICY.decide(longHint, 4, Duration.ZERO).delay().toMillis(), "never below the backoff");
    List<Long> waits = waits(longHint, new StringBuilder());
    assertEquals(List.of(1000L, 1000L, 1000L, 1000L, 1600L), waits);
    assertTrue(total(waits) <= 6000, "a server asking for an hour is given up on within 6 s: " + waits);
  }

  @Test
  void retriesExactlyWhatTheDefaultPolicyRetries() {
    List<Failure> failures = List.of(REFUSED, Failure.streamEnded(),
        Failure.of("INTERNAL", "INVALID_CURSOR.DISCONNECTED", "x", null, false),
        Failure.of("INTERNAL", null, "x", null, false),
        Failure.of("UNKNOWN", null, "x", null, false),
        Failure.of("DEADLINE_EXCEEDED", null, "x", null, false),
        Failure.of("RESOURCE_EXHAUSTED", null, "x", null, false),
        Failure.of("RESOURCE_EXHAUSTED", null, "x", Duration.ofMillis(10), false),
        Failure.of("UNAUTHENTICATED", null, "x", null, false),
        Failure.of("UNAVAILABLE", "TABLE_OR_VIEW_NOT_FOUND", "x", Duration.ofSeconds(1), true));
    List<Boolean> retried = new ArrayList<>();
    for (Failure failure : failures) {
      boolean retries = POLICY.decide(failure, 0, Duration.ZERO).shouldRetry();
      assertEquals(RetryPolicy.defaults().decide(failure, 0, Duration.ZERO).shouldRetry(), retries,
          failure.toString());
      retried.add(retries);
    }
    assertEquals(List.of(true, true, true, false, false, false, false, true, false, false), retried);
    RetryDecision semantic = POLICY.decide(failures.get(failures.size() - 1), 0, Duration.ZERO);
    assertFalse(semantic.shouldRetry());
    assertTrue(semantic.reason().contains("not retriable"), semantic.reason());
  }
}
