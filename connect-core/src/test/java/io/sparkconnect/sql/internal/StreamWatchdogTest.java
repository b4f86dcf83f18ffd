package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.internal.WaitLimits.Exceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog cuts a wait short only once it passed a limit, on a fake clock and a hand-fired timer. */
class StreamWatchdogTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(50 * SECOND);
  private final List<Scheduled> timers = new ArrayList<>();
  private final AtomicInteger cuts = new AtomicInteger();

  /** A timer task the test fires by hand. */
  private static final class Scheduled {
    final Runnable task;
    final long delayNanos;
    final CompletableFuture<Void> future = new CompletableFuture<>();

    Scheduled(Runnable task, long delayNanos) {
      this.task = task;
      this.delayNanos = delayNanos;
    }
  }

  private StreamWatchdog watchdog(Duration idle, Duration deadline) {
    WaitLimits limits = WaitLimits.of(idle, now.get(), deadline);
    return new StreamWatchdog(limits, now::get, (task, delayNanos) -> {
      Scheduled scheduled = new Scheduled(task, delayNanos);
      timers.add(scheduled);
      return scheduled.future;
    });
  }

  private Scheduled fireLast() {
    Scheduled last = timers.get(timers.size() - 1);
    if (!last.future.isCancelled()) {
      last.task.run();
    }
    return last;
  }

  @Test
  void aWaitPastTheIdleLimitIsCutShortAndSaysWhy() {
    StreamWatchdog watchdog = watchdog(Duration.ofSeconds(3), null);
    watchdog.begin(cuts::incrementAndGet);
    assertEquals(3 * SECOND, timers.get(0).delayNanos);
    now.addAndGet(3 * SECOND);
    fireLast();
    assertEquals(1, cuts.get());
    assertEquals(Exceeded.IDLE, watchdog.takeTripped());
    assertEquals(Exceeded.NONE, watchdog.takeTripped(), "reading the verdict clears it");
  }

  @Test
  void eachResponseStartsTheIdleClockAgain() {
    StreamWatchdog watchdog = watchdog(Duration.ofSeconds(3), null);
    watchdog.begin(cuts::incrementAndGet);
    now.addAndGet(2 * SECOND);
    watchdog.end();
    watchdog.begin(cuts::incrementAndGet);
    now.addAndGet(SECOND);
    fireLast();
    assertEquals(0, cuts.get(), "the second wait lasted 1 s");
    assertEquals(2, timers.size(), "the check is due again when the second wait reaches 3 s");
    assertEquals(2 * SECOND, timers.get(1).delayNanos);
    now.addAndGet(2 * SECOND);
    fireLast();
    assertEquals(1, cuts.get());
    assertEquals(Exceeded.IDLE, watchdog.takeTripped());
  }

  @Test
  void timeSpentOutsideAWaitIsNotIdleTime() {
    StreamWatchdog watchdog = watchdog(Duration.ofSeconds(3), null);
    watchdog.begin(cuts::incrementAndGet);
    watchdog.end();
    now.addAndGet(60 * SECOND);
    fireLast();
    assertEquals(0, cuts.get(), "the reader was busy with its rows, not waiting");
    assertEquals(1, timers.size(), "nothing to watch until the next wait");
    watchdog.begin(cuts::incrementAndGet);
    assertEquals(2, timers.size());
    assertEquals(3 * SECOND, timers.get(1).delayNanos);
  }

  @Test
  void theDeadlineCutsAWaitBeforeTheIdleLimit() {
    StreamWatchdog watchdog = watchdog(Duration.ofMinutes(3), Duration.ofSeconds(5));
    now.addAndGet(4 * SECOND);
    watchdog.begin(cuts::incrementAndGet);
    assertEquals(SECOND, timers.get(0).delayNanos);
    now.addAndGet(SECOND);
    fireLast();
    assertEquals(1, cuts.get());
    assertEquals(Exceeded.DEADLINE, watchdog.takeTripped());
  }

  @Test
  void stoppingCancelsTheTimerAndWatchesNoMore() {
    StreamWatchdog watchdog = watchdog(Duration.ofSeconds(3), null);
    watchdog.begin(cuts::incrementAndGet);
    watchdog.stop();
    assertTrue(timers.get(0).future.isCancelled());
    now.addAndGet(10 * SECOND);
    timers.get(0).task.run();
    watchdog.begin(cuts::incrementAndGet);
    assertEquals(0, cuts.get());
    assertEquals(1, timers.size());
  }

  @Test
  void withoutLimitsNothingIsScheduled() {
    StreamWatchdog watchdog = watchdog(null, null);
    watchdog.begin(cuts::incrementAndGet);
    assertEquals(0, timers.size());
  }
}
