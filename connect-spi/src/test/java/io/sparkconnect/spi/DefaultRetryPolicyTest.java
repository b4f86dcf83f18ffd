package io.sparkconnect.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRetryPolicyTest {
  private static final Failure UNAVAILABLE = Failure.of("UNAVAILABLE", null, "connection refused", null, false);

  private static List<Long> delays(RetryPolicy policy, Failure failure) {
    List<Long> delays = new ArrayList<>();
    for (int retry = 0; ; retry++) {
      RetryDecision decision = policy.decide(failure, retry, Duration.ZERO);
      if (!decision.shouldRetry()) {
        return delays;
      }
      delays.add(decision.delay().toMillis());
    }
  }

  @Test
  void backsOffExponentiallyTo60SecondsFor15Retries() {
    RetryPolicy policy = DefaultRetryPolicy.builder().random(() -> 0.0).build();
    assertEquals(List.of(50L, 200L, 800L, 3200L, 12800L, 51200L, 60000L, 60000L, 60000L, 60000L, 60000L, 60000L,
        60000L, 60000L, 60000L), delays(policy, UNAVAILABLE));
    long total = delays(policy, UNAVAILABLE).stream().mapToLong(Long::longValue).sum();
    assertTrue(total >= 600_000, "at least ten minutes of patience, got " + total);
  }

  @Test
  void jitterIsAddedOnlyToWaitsOfTwoSecondsOrMoreAndStaysUnder500Ms() {
    RetryPolicy almostMax = DefaultRetryPolicy.builder().random(() -> 0.999).build();
    List<Long> delays = delays(almostMax, UNAVAILABLE);
    assertEquals(List.of(50L, 200L, 800L), delays.subList(0, 3));
    assertEquals(3200 + 499, delays.get(3));
    assertEquals(60000 + 499, delays.get(14));
    RetryPolicy random = RetryPolicy.defaults();
    for (int i = 0; i < 200; i++) {
      long delay = random.decide(UNAVAILABLE, 6, Duration.ZERO).delay().toMillis();
      assertTrue(delay >= 60000 && delay < 60500, "delay " + delay);
    }
  }

  @Test
  void honoursTheServersRetryDelayUpTo10Minutes() {
    RetryPolicy policy = DefaultRetryPolicy.builder().random(() -> 0.0).build();
    Failure shortHint = Failure.of("UNAVAILABLE", null, "busy", Duration.ofSeconds(5), false);
    assertEquals(5000, policy.decide(shortHint, 0, Duration.ZERO).delay().toMillis());
    Failure longHint = Failure.of("RESOURCE_EXHAUSTED", null, "later", Duration.ofHours(1), false);
    assertEquals(600_000, policy.decide(longHint, 0, Duration.ZERO).delay().toMillis());
    Failure smallHint = Failure.of("UNAVAILABLE", null, "x", Duration.ofMillis(1), false);
    assertEquals(800, policy.decide(smallHint, 2, Duration.ZERO).delay().toMillis(), "never below the backoff");
  }

  @Test
  void retriesOnlyTransportFailuresAndDisconnectedCursors() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertTrue(policy.decide(UNAVAILABLE, 0, Duration.ZERO).shouldRetry());
    assertTrue(policy.decide(Failure.of("INTERNAL", "INVALID_CURSOR.DISCONNECTED", "x", null, false), 0,
        Duration.ZERO).shouldRetry());
    assertTrue(policy.decide(Failure.of("INTERNAL", null, "[INVALID_CURSOR.DISCONNECTED] gone", null, false), 0,
        Duration.ZERO).shouldRetry());
    for (String code : List.of("INTERNAL", "UNKNOWN", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "UNIMPLEMENTED",
        "UNAUTHENTICATED", "INVALID_ARGUMENT")) {
      assertFalse(policy.decide(Failure.of(code, null, "x", null, false), 0, Duration.ZERO).shouldRetry(), code);
    }
  }

  @Test
  void neverRetriesSemanticErrorsEvenWithAHint() {
    Failure analysis = Failure.of("UNAVAILABLE", "TABLE_OR_VIEW_NOT_FOUND", "missing", Duration.ofSeconds(1), true);
    RetryDecision decision = RetryPolicy.defaults().decide(analysis, 0, Duration.ZERO);
    assertFalse(decision.shouldRetry());
    assertTrue(decision.reason().contains("not retriable"), decision.reason());
  }

  @Test
  void exhaustionSaysHowManyRetriesOverHowLong() {
    RetryPolicy policy = DefaultRetryPolicy.builder().maxRetries(3).build();
    RetryDecision decision = policy.decide(UNAVAILABLE, 3, Duration.ofMillis(1050));
    assertFalse(decision.shouldRetry());
    assertEquals("gave up after 3 retries over 1050 ms; the last failure was UNAVAILABLE: connection refused",
        decision.reason());
  }

  @Test
  void builderRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> DefaultRetryPolicy.builder().maxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> DefaultRetryPolicy.builder().multiplier(0.5));
    assertThrows(IllegalArgumentException.class, () -> DefaultRetryPolicy.builder().initialBackoff(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryDecision.retryAfter(Duration.ofMillis(-1)));
  }

  @Test
  void noneNeverRetries() {
    RetryDecision decision = RetryPolicy.none().decide(UNAVAILABLE, 0, Duration.ZERO);
    assertFalse(decision.shouldRetry());
    assertTrue(decision.reason().contains("'none'"));
  }
}
