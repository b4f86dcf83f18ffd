package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The load driver's bounds, warm-up, pacing, due-time latency, thresholds and operation budget, with operations that
 * need no server; most run on a virtual clock that an operation advances by the time it "takes".
 */
class LoadDriverTest {
  private static final long MS = 1_000_000;

  @Test
  void stopsAtTheOperationBudgetExcludesTheWarmUpAndSaysTheRunEndedEarly() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(30))
        .warmup(Duration.ofSeconds(1)).maxOperations(500).build());
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger measuredCalls = new AtomicInteger();
    AtomicInteger resets = new AtomicInteger();
    LoadDriver.run(context, LoadDriver.Load.simple(4).resetting(() -> {
      resets.incrementAndGet();
      measuredCalls.set(0);
    }), (worker, sequence) -> {
      calls.incrementAndGet();
      measuredCalls.incrementAndGet();
      Thread.sleep(1);
    });
    assertEquals(1, resets.get());
    assertEquals(500, measuredCalls.get());
    assertEquals(500, context.count("operations"));
    assertEquals(calls.get() - 500L, context.count("warmupOperations"));
    assertEquals(500, context.timings.snapshot().size());
    assertTrue(context.timings.snapshot().startNanos(0) >= 0, "measured offsets start after the warm-up");
    assertEquals(true, context.metrics.get("operationBudgetExhausted"));
    assertTrue(context.progress.stream().anyMatch(line -> line.startsWith("the operation budget of 500 operations "
        + "(--max-operations) was spent after ") && line.contains("of the 30 s duration")), context.progress::toString);
  }

  @Test
  void anExhaustedBudgetIsRecordedWithWhenItRanOut() throws Exception {
    VirtualClock clock = new VirtualClock();
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(10))
        .maxOperations(5).build());
    LoadDriver.run(context, LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> clock.advance(10 * MS));
    assertEquals(5, context.count("operations"));
    assertEquals(true, context.metrics.get("operationBudgetExhausted"));
    assertEquals(0.05, context.metrics.get("operationBudgetExhaustedAtSeconds"));
  }

  @Test
  void aRunThatUsesItsWholeDurationDidNotExhaustItsBudget() throws Exception {
    VirtualClock clock = new VirtualClock();
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1)).build());
    LoadDriver.run(context, LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> clock.advance(100 * MS));
    assertEquals(10, context.count("operations"));
    assertEquals(false, context.metrics.get("operationBudgetExhausted"));
    assertEquals("closed loop", context.metrics.get("pacing"));
    assertEquals(10.0, context.metrics.get("throughputPerSecond"));
  }

  @Test
  void pacedOperationsRunOnScheduleAndReportAverageAndPercentiles() throws Exception {
    VirtualClock clock = new VirtualClock();
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2))
        .targetRate(10).build());
    List<Long> starts = new ArrayList<>();
    LoadDriver.run(context, LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> {
      starts.add(clock.nanoTime() - VirtualClock.ORIGIN);
      clock.advance(20 * MS);
    });
    assertEquals(20, context.count("operations"), "due at 0, 100, ..., 1900 ms");
    assertEquals(1900 * MS, starts.get(19));
    assertEquals(20.0, (double) context.metrics.get("latencyAvgMillis"), 0.02);
    assertEquals(20.0, (double) context.metrics.get("latencyP95Millis"), 0.02);
    assertEquals(10.0, context.metrics.get("targetRatePerSecond"));
    assertEquals(8.0, context.metrics.get("minThroughputPerSecond"), "0.8 of the requested rate by default");
    assertTrue((double) context.metrics.get("throughputPerSecond") >= 10, context.metrics::toString);
  }

  @Test
  void pacedLatencyCountsFromTheDueTimeSoQueueingShowsAndTheMissedRateFails() {
    VirtualClock clock = new VirtualClock();
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2))
        .targetRate(10).build());
    ScenarioFailedException missed = assertThrows(ScenarioFailedException.class, () -> LoadDriver.run(context,
        LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> clock.advance(250 * MS)));
    assertEquals(8, context.count("operations"), "operations of 250 ms back to back from 0 to 1750 ms");
    assertEquals(1300.0, (double) context.metrics.get("latencyMaxMillis"), 1.3, "the 8th was due at 700 ms, "
        + "ended at 2000 ms");
    assertEquals(775.0, (double) context.metrics.get("latencyAvgMillis"), 0.8);
    assertEquals(700.0, (double) context.metrics.get("latencyP50Millis"), 0.7);
    assertEquals("throughput 4.0/s is under the minimum of 8.0/s (0.8 of the requested 10.0/s); lower the rate, "
        + "add --concurrency, or set --min-throughput", missed.getMessage());

    VirtualClock closedClock = new VirtualClock();
    FakeContext closed = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2)).build());
    assertDoesNotThrow(() -> LoadDriver.run(closed, LoadDriver.Load.simple(1).ticking(closedClock),
        (worker, sequence) -> closedClock.advance(250 * MS)));
    assertEquals(250.0, (double) closed.metrics.get("latencyMaxMillis"), 0.25, "closed loop hides the queueing");
  }

  @Test
  void eachClientRunsAtTheRatePerClient() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2))
        .ratePerClient(25).build());
    LoadDriver.run(context, LoadDriver.Load.simple(2), (worker, sequence) -> { });
    long operations = context.count("operations");
    assertTrue(operations >= 80 && operations <= 100, "2 clients at 25/s for 2 s ran " + operations);
    assertEquals(50.0, context.metrics.get("targetRatePerSecond"));
    assertEquals("open loop, 25.0/s per client, 50.0/s in total", context.metrics.get("pacing"));
  }

  @Test
  void pacesToTheTargetRate() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2))
        .targetRate(50).build());
    LoadDriver.run(context, LoadDriver.Load.simple(2), (worker, sequence) -> { });
    long operations = context.count("operations");
    assertTrue(operations >= 80 && operations <= 100, "50/s for 2 s ran " + operations);
  }

  @Test
  void aP95OverTheThresholdFailsNamingTheOption() {
    VirtualClock clock = new VirtualClock();
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1))
        .maxP95(Duration.ofMillis(50)).build());
    ScenarioFailedException missed = assertThrows(ScenarioFailedException.class, () -> LoadDriver.run(context,
        LoadDriver.Load.heavy(1).ticking(clock), (worker, sequence) -> clock.advance(100 * MS)));
    assertTrue(missed.getMessage().startsWith("p95 latency 100."), missed.getMessage());
    assertTrue(missed.getMessage().contains("over the 50.0 ms threshold; raise --max-p95"), missed.getMessage());
    assertEquals(50.0, context.metrics.get("maxP95Millis"));
  }

  @Test
  void simpleQueriesDefaultToAFiveSecondP95AndHeavyOnesToThirty() {
    ScenarioSettings settings = ScenarioSettings.builder().duration(Duration.ofSeconds(1)).build();
    VirtualClock clock = new VirtualClock();
    FakeContext simple = new FakeContext(settings);
    ScenarioFailedException missed = assertThrows(ScenarioFailedException.class, () -> LoadDriver.run(simple,
        LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> clock.advance(6000 * MS)));
    assertTrue(missed.getMessage().contains("over the 5000.0 ms threshold"), missed.getMessage());
    VirtualClock heavyClock = new VirtualClock();
    FakeContext heavy = new FakeContext(settings);
    assertDoesNotThrow(() -> LoadDriver.run(heavy, LoadDriver.Load.heavy(1).ticking(heavyClock),
        (worker, sequence) -> heavyClock.advance(6000 * MS)));
    assertEquals(30000.0, heavy.metrics.get("maxP95Millis"));
  }

  @Test
  void aMinimumThroughputIsAThresholdWithoutARateToo() throws Exception {
    ScenarioSettings settings = ScenarioSettings.builder().duration(Duration.ofSeconds(1)).build();
    VirtualClock clock = new VirtualClock();
    FakeContext tooSlow = new FakeContext(settings.toBuilder().minThroughput(20).build());
    ScenarioFailedException missed = assertThrows(ScenarioFailedException.class, () -> LoadDriver.run(tooSlow,
        LoadDriver.Load.simple(1).ticking(clock), (worker, sequence) -> clock.advance(100 * MS)));
    assertEquals("throughput 10.0/s is under the minimum of 20.0/s (--min-throughput); lower the rate, add "
        + "--concurrency, or set --min-throughput", missed.getMessage());
    VirtualClock fastClock = new VirtualClock();
    FakeContext fastEnough = new FakeContext(settings.toBuilder().minThroughput(5).build());
    LoadDriver.run(fastEnough, LoadDriver.Load.simple(1).ticking(fastClock),
        (worker, sequence) -> fastClock.advance(100 * MS));
    assertEquals(10.0, fastEnough.metrics.get("throughputPerSecond"));
    FakeContext unpaced = new FakeContext(settings);
    LoadDriver.run(unpaced, LoadDriver.Load.simple(1).ticking(new VirtualClock()), (worker, sequence) -> { });
    assertFalse(unpaced.metrics.containsKey("minThroughputPerSecond"), "no minimum without a rate");
  }

  @Test
  void failsWhenMoreOperationsFailThanAllowedNamingTheFirstErrors() {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1))
        .maxOperations(100).maxErrorRate(0.05).build());
    ScenarioFailedException error = assertThrows(ScenarioFailedException.class,
        () -> LoadDriver.run(context, LoadDriver.Load.simple(1), (worker, sequence) -> {
          if (sequence % 10 == 0) {
            throw new IllegalStateException("wrong answer " + sequence);
          }
        }));
    assertEquals(10, context.count("errors"));
    assertTrue(error.getMessage().startsWith("10 of 100 operations failed (at most 5 allowed by --max-error-rate)"),
        error.getMessage());
    assertTrue(error.getMessage().contains("IllegalStateException: wrong answer 0"), error.getMessage());
  }

  @Test
  void toleratesErrorsWithinTheAllowedRateAndCountsErrorsOfAnyKind() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1))
        .maxOperations(100).maxErrorRate(0.1).build());
    LoadDriver.run(context, LoadDriver.Load.simple(1), (worker, sequence) -> {
      if (sequence % 10 == 0) {
        throw new StackOverflowError("deep");
      }
    });
    assertEquals(10, context.count("errors"));
    assertEquals(100, context.count("operations"));
  }

  /** A clock that moves only when an operation advances it or the driver sleeps until a due time. */
  private static final class VirtualClock implements LoadDriver.Ticker {
    static final long ORIGIN = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(ORIGIN);

    @Override
    public long nanoTime() {
      return now.get();
    }

    @Override
    public void sleepUntil(long nanoTime) {
      now.accumulateAndGet(nanoTime, Math::max);
    }

    void advance(long nanos) {
      now.addAndGet(nanos);
    }
  }

  private static final class FakeContext implements ScenarioContext {
    final Map<String, Object> metrics = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    final OperationTimings timings = new OperationTimings(System.nanoTime());
    private final ScenarioSettings settings;

    FakeContext(ScenarioSettings settings) {
      this.settings = settings;
    }

    synchronized long count(String metric) {
      return ((Number) metrics.get(metric)).longValue();
    }

    @Override
    public SparkSession session() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SparkSession newSession() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SparkSession openConnection() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String connectionString() {
      return "sc://unused";
    }

    @Override
    public String serverVersion() {
      return "4.1.2";
    }

    @Override
    public ScenarioSettings settings() {
      return settings;
    }

    @Override
    public TaxiDataset taxi() {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T shared(String key, Supplier<T> factory) {
      return factory.get();
    }

    @Override
    public synchronized void metric(String name, Object value) {
      metrics.put(name, value);
    }

    @Override
    public OperationTimings timings() {
      return timings;
    }

    @Override
    public void progress(String message) {
      progress.add(message);
    }

    @Override
    public String uniqueName(String prefix) {
      return prefix + "_test";
    }
  }
}
