package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation from several workers, first for the warm-up (unrecorded), then until the scenario's duration or
 * operation budget is spent, optionally paced to a rate; records each operation's latency, reports progress every
 * few seconds, and fails the scenario when more operations fail than the settings allow.
 */
final class LoadDriver {
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int KEPT_ERRORS = 3;

  /** One operation of a worker; it throws when it fails or its result is wrong. */
  @FunctionalInterface
  interface Operation {
    void run(int worker, long sequence) throws Exception;
  }

  private LoadDriver() {}

  /** Runs {@code workers} workers, unpaced. */
  static void run(ScenarioContext context, int workers, Operation operation) throws InterruptedException {
    run(context, workers, 0, operation);
  }

  /** Runs {@code workers} workers, paced to {@code rate} operations per second when it is positive. */
  static void run(ScenarioContext context, int workers, double rate, Operation operation)
      throws InterruptedException {
    run(context, workers, rate, operation, () -> {});
  }

  /**
   * Runs {@code workers} workers; a positive {@code rate} spreads operations evenly at that many per second, and a
   * paced operation's latency counts from when it was due, so a slow server's queueing shows in the percentiles.
   * {@code beforeMeasuring} runs once the warm-up is over, for scenarios that count their own figures.
   */
  static void run(ScenarioContext context, int workers, double rate, Operation operation, Runnable beforeMeasuring)
      throws InterruptedException {
    ScenarioSettings settings = context.settings();
    if (!settings.warmup().isZero()) {
      context.progress("warming up for " + settings.warmup().toSeconds() + " s");
      Phase warmup = new Phase(settings.warmup(), Long.MAX_VALUE, rate, new OperationTimings(System.nanoTime()));
      warmup.run(context, workers, operation);
      context.metric("warmupOperations", warmup.timings.snapshot().size());
    }
    beforeMeasuring.run();
    context.timings().restartAt(System.nanoTime());
    Phase measured = new Phase(settings.duration(), settings.maxOperations(), rate, context.timings());
    measured.run(context, workers, operation);
    summarize(context, context.timings().snapshot(), System.nanoTime() - measured.start, measured.errors,
        settings);
  }

  /** One timed stretch of a load scenario: its workers, bounds, and what they recorded. */
  private static final class Phase {
    final Duration length;
    final long maxOperations;
    final double rate;
    final OperationTimings timings;
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicLong issued = new AtomicLong();
    long start;
    long deadline;

    Phase(Duration length, long maxOperations, double rate, OperationTimings timings) {
      this.length = length;
      this.maxOperations = maxOperations;
      this.rate = rate;
      this.timings = timings;
    }

    void run(ScenarioContext context, int workers, Operation operation) throws InterruptedException {
      start = System.nanoTime();
      deadline = start + length.toNanos();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        Thread thread = new Thread(() -> work(worker, operation, this), "load-worker-" + w);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      long nextProgress = start + PROGRESS_EVERY_NANOS;
      try {
        for (Thread thread : threads) {
          while (thread.isAlive()) {
            thread.join(500);
            if (System.nanoTime() >= nextProgress) {
              nextProgress += PROGRESS_EVERY_NANOS;
              context.progress(progressLine(timings.snapshot(), start, length));
            }
          }
        }
      } finally {
        threads.forEach(Thread::interrupt);
      }
    }
  }

  private static void work(int worker, Operation operation, Phase phase) {
    while (!Thread.currentThread().isInterrupted()) {
      long sequence = phase.issued.getAndIncrement();
      if (sequence >= phase.maxOperations || System.nanoTime() >= phase.deadline) {
        return;
      }
      if (phase.rate > 0) {
        long due = phase.start + (long) (sequence * 1e9 / phase.rate);
        if (due >= phase.deadline) {
          return;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(wait);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
      long begin = System.nanoTime();
      if (phase.rate > 0) {
        begin = Math.min(begin, phase.start + (long) (sequence * 1e9 / phase.rate));
      }
      boolean ok = true;
      try {
        operation.run(worker, sequence);
      } catch (Throwable e) {
        ok = false;
        if (phase.errors.size() < KEPT_ERRORS) {
          phase.errors.add(ScenarioExecution.describe(e));
        }
      }
      phase.timings.record(begin, System.nanoTime(), ok);
    }
  }

  private static String progressLine(OperationTimings.Snapshot ops, long start, Duration length) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    return String.format("%.0f s of %d s: %d operations, %.1f/s, p99 %.1f ms, %d errors", elapsed,
        length.toSeconds(), ops.size(), ops.size() / Math.max(elapsed, 1e-9),
        ops.latencyQuantileNanos(0.99) / 1e6, ops.errors());
  }

  private static void summarize(ScenarioContext context, OperationTimings.Snapshot ops, long elapsedNanos,
      ConcurrentLinkedQueue<String> errors, ScenarioSettings settings) {
    long failed = ops.errors();
    long succeeded = ops.size() - failed;
    double seconds = elapsedNanos / 1e9;
    context.metric("operations", ops.size());
    context.metric("errors", failed);
    context.metric("throughputPerSecond", round(succeeded / seconds));
    context.metric("latencyP50Millis", round(ops.latencyQuantileNanos(0.50) / 1e6));
    context.metric("latencyP95Millis", round(ops.latencyQuantileNanos(0.95) / 1e6));
    context.metric("latencyP99Millis", round(ops.latencyQuantileNanos(0.99) / 1e6));
    context.metric("latencyMaxMillis", round(ops.latencyQuantileNanos(1.0) / 1e6));
    Check.that(succeeded > 0, () -> "no operation succeeded in " + settings.duration().toSeconds() + " s"
        + (errors.isEmpty() ? "" : "; first error: " + errors.peek()));
    double allowed = settings.maxErrorRate() * ops.size();
    Check.that(failed <= allowed, () -> failed + " of " + ops.size() + " operations failed (at most "
        + (long) Math.floor(allowed) + " allowed); first errors: " + String.join(" | ", errors));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
