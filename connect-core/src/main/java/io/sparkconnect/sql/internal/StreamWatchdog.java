package io.sparkconnect.sql.internal;

import io.sparkconnect.spi.Ticker;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches one result stream's waits for a response and cuts a wait short once it passes a {@link WaitLimits}
 * limit, so a silent connection or an expired deadline cannot hold the reader. Time is read from the ticker;
 * the timer only wakes the check up. Thread-safe.
 */
final class StreamWatchdog {
  /** Runs a task after a delay; the returned future cancels it. */
  @FunctionalInterface
  interface Timer {
    Future<?> schedule(Runnable task, long delayNanos);

    /** One daemon thread for the whole JVM: checks are short and rare. */
    static Timer shared() {
      return (task, delayNanos) -> SharedTimer.INSTANCE.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private final WaitLimits limits;
  private final Ticker ticker;
  private final Timer timer;
  private boolean waiting;
  private long waitStartNanos;
  private Runnable cutWait;
  private Future<?> pending;
  private WaitLimits.Exceeded tripped = WaitLimits.Exceeded.NONE;
  private boolean stopped;

  StreamWatchdog(WaitLimits limits, Ticker ticker, Timer timer) {
    this.limits = limits;
    this.ticker = ticker;
    this.timer = timer;
  }

  /** A wait for the next response begins; {@code cutWait} ends it early if it passes a limit. */
  void begin(Runnable cutWait) {
    if (!limits.any()) {
      return;
    }
    synchronized (this) {
      waiting = true;
      waitStartNanos = ticker.nanoTime();
      this.cutWait = cutWait;
      if (pending == null && !stopped) {
        pending = timer.schedule(this::check, limits.nanosUntilDue(waitStartNanos, waitStartNanos));
      }
    }
  }

  /** The wait ended, with a response, the end of the stream, or a failure. */
  synchronized void end() {
    waiting = false;
    cutWait = null;
  }

  /** The limit that cut a wait short since the last call, or {@code NONE}; reading it clears it. */
  synchronized WaitLimits.Exceeded takeTripped() {
    WaitLimits.Exceeded result = tripped;
    tripped = WaitLimits.Exceeded.NONE;
    return result;
  }

  /** Stops watching for good. */
  synchronized void stop() {
    stopped = true;
    waiting = false;
    cutWait = null;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  private void check() {
    Runnable cut;
    synchronized (this) {
      pending = null;
      if (stopped || !waiting) {
        return;
      }
      long now = ticker.nanoTime();
      WaitLimits.Exceeded exceeded = limits.exceeded(waitStartNanos, now);
      if (exceeded == WaitLimits.Exceeded.NONE) {
        pending = timer.schedule(this::check, limits.nanosUntilDue(waitStartNanos, now));
        return;
      }
      tripped = exceeded;
      waiting = false;
      cut = cutWait;
      cutWait = null;
    }
    cut.run();
  }

  /** The JVM-wide timer thread. */
  private static final class SharedTimer {
    private static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "spark-connect-stream-watchdog");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }

    private SharedTimer() {}
  }
}
