package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation from several clients, first for the warm-up (unrecorded), then until the scenario's duration or
 * operation budget is spent. Unpaced, each client runs operations back to back (closed loop); with a rate
 * ({@link ScenarioSettings#targetRate} in total or {@link ScenarioSettings#ratePerClient} each) every operation has a
 * due time and its latency counts from then (open loop), so queueing behind a slow server shows. Records latencies,
 * reports progress, and fails the scenario when an error-rate, p95-latency or throughput threshold is missed or no
 * operation succeeded; an operation budget spent before the duration ended is reported, never silent.
 */
final class LoadDriver {
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int KEPT_ERRORS = 3;

  /** One operation of a client; it throws when it fails or its result is wrong. */
  @FunctionalInterface
  interface Operation {
    void run(int worker, long sequence) throws Exception;
  }

  /** The driver's time source: {@link System#nanoTime()} and sleeping, or a virtual clock in tests. */
  interface Ticker {
    Ticker SYSTEM = new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    };

    long nanoTime();

    void sleepUntil(long nanoTime) throws InterruptedException;
  }

  /**
   * The shape of one scenario's load: its clients, the p95 latency it must stay under unless the settings say
   * otherwise, what to reset when the warm-up ends, and the clock.
   */
  record Load(int clients, Duration defaultMaxP95, Runnable beforeMeasuring, Ticker ticker) {
    Load {
      if (clients < 1) {
        throw new IllegalArgumentException("a load needs at least one client, was " + clients);
      }
      Objects.requireNonNull(defaultMaxP95, "defaultMaxP95");
      Objects.requireNonNull(beforeMeasuring, "beforeMeasuring");
      Objects.requireNonNull(ticker, "ticker");
    }

    /** Simple queries: p95 under {@link ScenarioSettings#DEFAULT_MAX_P95} by default. */
    static Load simple(int clients) {
      return new Load(clients, ScenarioSettings.DEFAULT_MAX_P95, () -> {}, Ticker.SYSTEM);
    }

    /** Heavy aggregations and large reads: p95 under {@link ScenarioSettings#DEFAULT_HEAVY_MAX_P95} by default. */
    static Load heavy(int clients) {
      return new Load(clients, ScenarioSettings.DEFAULT_HEAVY_MAX_P95, () -> {}, Ticker.SYSTEM);
    }

    Load resetting(Runnable beforeMeasuring) {
      return new Load(clients, defaultMaxP95, beforeMeasuring, ticker);
    }

    Load ticking(Ticker ticker) {
      return new Load(clients, defaultMaxP95, beforeMeasuring, ticker);
    }
  }

  private LoadDriver() {}

  /** Runs the load's clients for the warm-up, then measured for the duration or operation budget. */
  static void run(ScenarioContext context, Load load, Operation operation) throws InterruptedException {
    ScenarioSettings settings = context.settings();
    Ticker ticker = load.ticker();
    Pacing pacing = new Pacing(settings, load.clients());
    if (!settings.warmup().isZero()) {
      context.progress("warming up for " + settings.warmup().toSeconds() + " s");
      Phase warmup = new Phase(settings.warmup(), Long.MAX_VALUE, pacing, ticker,
          new OperationTimings(ticker.nanoTime()));
      warmup.run(context, load.clients(), operation);
      context.metric("warmupOperations", warmup.timings.snapshot().size());
    }
    load.beforeMeasuring().run();
    Phase measured = new Phase(settings.duration(), settings.maxOperations(), pacing, ticker, context.timings());
    context.timings().restartAt(ticker.nanoTime());
    measured.run(context, load.clients(), operation);
    summarize(context, measured, load, pacing, settings);
  }

  /** When operations are due: back to back, on one schedule shared by the clients, or on one per client. */
  private record Pacing(double totalRate, double perClientRate, int clients) {
    Pacing(ScenarioSettings settings, int clients) {
      this(settings.totalRate(clients), settings.ratePerClient(), clients);
    }

    boolean paced() {
      return totalRate > 0;
    }

    /** The due time of a client's {@code local}-th operation, or of the run's {@code sequence}-th. */
    long due(long start, int worker, long local, long sequence) {
      if (perClientRate > 0) {
        return start + (long) ((local + (double) worker / clients) * 1e9 / perClientRate);
      }
      return start + (long) (sequence * 1e9 / totalRate);
    }

    String describe() {
      if (!paced()) {
        return "closed loop";
      }
      return perClientRate > 0
          ? String.format("open loop, %s/s per client, %s/s in total", round(perClientRate), round(totalRate))
          : String.format("open loop, %s/s in total", round(totalRate));
    }
  }

  /** One timed stretch of a load scenario: its clients, bounds, and what they recorded. */
  private static final class Phase {
    final Duration length;
    final long maxOperations;
    final Pacing pacing;
    final Ticker ticker;
    final OperationTimings timings;
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicLong issued = new AtomicLong();
    final AtomicLong budgetSpentAt = new AtomicLong(-1);
    long start;
    long deadline;
    long end;

    Phase(Duration length, long maxOperations, Pacing pacing, Ticker ticker, OperationTimings timings) {
      this.length = length;
      this.maxOperations = maxOperations;
      this.pacing = pacing;
      this.ticker = ticker;
      this.timings = timings;
    }

    void run(ScenarioContext context, int workers, Operation operation) throws InterruptedException {
      start = ticker.nanoTime();
      deadline = start + length.toNanos();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        Thread thread = new Thread(() -> work(worker, operation), "load-worker-" + w);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
      try {
        for (Thread thread : threads) {
          while (thread.isAlive()) {
            thread.join(500);
            if (System.nanoTime() >= nextProgress) {
              nextProgress += PROGRESS_EVERY_NANOS;
              context.progress(progressLine());
            }
          }
        }
      } finally {
        threads.forEach(Thread::interrupt);
        end = ticker.nanoTime();
      }
    }

    private void work(int worker, Operation operation) {
      long local = 0;
      while (!Thread.currentThread().isInterrupted()) {
        long now = ticker.nanoTime();
        if (now >= deadline) {
          return;
        }
        long sequence = issued.getAndIncrement();
        long due = pacing.paced() ? pacing.due(start, worker, local, sequence) : now;
        if (due >= deadline) {
          return;
        }
        if (sequence >= maxOperations) {
          budgetSpentAt.compareAndSet(-1, Math.max(now, due) - start);
          return;
        }
        local++;
        try {
          ticker.sleepUntil(due);
        } catch (InterruptedException e) {
          return;
        }
        long begin = pacing.paced() ? Math.min(due, ticker.nanoTime()) : ticker.nanoTime();
        boolean ok = true;
        try {
          operation.run(worker, sequence);
        } catch (Throwable e) {
          ok = false;
          if (errors.size() < KEPT_ERRORS) {
            errors.add(ScenarioExecution.describe(e));
          }
        }
        timings.record(begin, ticker.nanoTime(), ok);
      }
    }

    private String progressLine() {
      OperationTimings.Snapshot ops = timings.snapshot();
      double elapsed = (ticker.nanoTime() - start) / 1e9;
      return String.format("%.0f s of %d s: %d operations, %.1f/s, p99 %.1f ms, %d errors", elapsed,
          length.toSeconds(), ops.size(), ops.size() / Math.max(elapsed, 1e-9),
          ops.latencyQuantileNanos(0.99) / 1e6, ops.errors());
    }
  }

  private static void summarize(ScenarioContext context, Phase phase, Load load, Pacing pacing,
      ScenarioSettings settings) {
    OperationTimings.Snapshot ops = phase.timings.snapshot();
    long failed = ops.errors();
    long succeeded = ops.size() - failed;
    double seconds = Math.max(phase.end - phase.start, 1) / 1e9;
    double throughput = succeeded / seconds;
    long p95 = ops.latencyQuantileNanos(0.95);
    Duration maxP95 = settings.maxP95().orElse(load.defaultMaxP95());
    double minThroughput = settings.minThroughputFor(pacing.totalRate());
    context.metric("clients", load.clients());
    context.metric("pacing", pacing.describe());
    if (pacing.paced()) {
      context.metric("targetRatePerSecond", round(pacing.totalRate()));
    }
    context.metric("operations", ops.size());
    context.metric("errors", failed);
    context.metric("throughputPerSecond", round(throughput));
    context.metric("latencyAvgMillis", round(ops.latencyMeanNanos() / 1e6));
    context.metric("latencyP50Millis", round(ops.latencyQuantileNanos(0.50) / 1e6));
    context.metric("latencyP95Millis", round(p95 / 1e6));
    context.metric("latencyP99Millis", round(ops.latencyQuantileNanos(0.99) / 1e6));
    context.metric("latencyMaxMillis", round(ops.latencyQuantileNanos(1.0) / 1e6));
    context.metric("maxP95Millis", maxP95.toNanos() / 1e6);
    if (minThroughput > 0) {
      context.metric("minThroughputPerSecond", round(minThroughput));
    }
    context.metric("operationBudget", settings.maxOperations());
    long spentAt = phase.budgetSpentAt.get();
    context.metric("operationBudgetExhausted", spentAt >= 0);
    if (spentAt >= 0) {
      context.metric("operationBudgetExhaustedAtSeconds", round(spentAt / 1e9));
      context.progress(budgetNote(settings.maxOperations(), spentAt / 1e9, settings.duration()));
    }
    Check.that(succeeded > 0, () -> "no operation succeeded in " + settings.duration().toSeconds() + " s"
        + (phase.errors.isEmpty() ? "" : "; first error: " + phase.errors.peek()));
    double allowed = settings.maxErrorRate() * ops.size();
    Check.that(failed <= allowed, () -> failed + " of " + ops.size() + " operations failed (at most "
        + (long) Math.floor(allowed) + " allowed by --max-error-rate); first errors: "
        + String.join(" | ", phase.errors));
    List<String> missed = new ArrayList<>();
    if (p95 > maxP95.toNanos()) {
      missed.add(String.format("p95 latency %s ms is over the %s ms threshold; raise --max-p95 "
          + "(ScenarioSettings.maxP95) if that is acceptable", round(p95 / 1e6), maxP95.toNanos() / 1e6));
    }
    if (throughput < minThroughput) {
      missed.add(String.format("throughput %s/s is under the minimum of %s/s (%s); lower the rate, add "
          + "--concurrency, or set --min-throughput", round(throughput), round(minThroughput),
          settings.minThroughput().isPresent() ? "--min-throughput"
              : ScenarioSettings.DEFAULT_MIN_THROUGHPUT_SHARE + " of the requested " + round(pacing.totalRate())
                  + "/s"));
    }
    Check.that(missed.isEmpty(), () -> String.join("; ", missed));
  }

  /** The line that says a run ended early because its operation budget was spent. */
  static String budgetNote(long budget, double spentAtSeconds, Duration duration) {
    return String.format("the operation budget of %d operations (--max-operations) was spent after %s s of the "
        + "%d s duration, so the run ended early; raise --max-operations to run the whole duration", budget,
        round(spentAtSeconds), duration.toSeconds());
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
