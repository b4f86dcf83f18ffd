package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The load driver's bounds, warm-up, pacing and error threshold, with operations that need no server. */
class LoadDriverTest {
  @Test
  void stopsAtTheOperationBudgetAndExcludesTheWarmUp() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(30))
        .warmup(Duration.ofSeconds(1)).maxOperations(500).build());
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger measuredCalls = new AtomicInteger();
    AtomicInteger resets = new AtomicInteger();
    LoadDriver.run(context, 4, 0, (worker, sequence) -> {
      calls.incrementAndGet();
      measuredCalls.incrementAndGet();
      Thread.sleep(1);
    }, () -> {
      resets.incrementAndGet();
      measuredCalls.set(0);
    });
    assertEquals(1, resets.get());
    assertEquals(500, measuredCalls.get());
    assertEquals(500, context.count("operations"));
    assertEquals(calls.get() - 500L, context.count("warmupOperations"));
    assertEquals(500, context.timings.snapshot().size());
    assertTrue(context.timings.snapshot().startNanos(0) >= 0, "measured offsets start after the warm-up");
  }

  @Test
  void pacesToTheTargetRate() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(2)).build());
    LoadDriver.run(context, 2, 50, (worker, sequence) -> { });
    long operations = context.count("operations");
    assertTrue(operations >= 80 && operations <= 100, "50/s for 2 s ran " + operations);
  }

  @Test
  void failsWhenMoreOperationsFailThanAllowedNamingTheFirstErrors() {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1))
        .maxOperations(100).maxErrorRate(0.05).build());
    ScenarioFailedException error = assertThrows(ScenarioFailedException.class,
        () -> LoadDriver.run(context, 1, (worker, sequence) -> {
          if (sequence % 10 == 0) {
            throw new IllegalStateException("wrong answer " + sequence);
          }
        }));
    assertEquals(10, context.count("errors"));
    assertTrue(error.getMessage().startsWith("10 of 100 operations failed (at most 5 allowed)"), error.getMessage());
    assertTrue(error.getMessage().contains("IllegalStateException: wrong answer 0"), error.getMessage());
  }

  @Test
  void toleratesErrorsWithinTheAllowedRateAndCountsErrorsOfAnyKind() throws Exception {
    FakeContext context = new FakeContext(ScenarioSettings.builder().duration(Duration.ofSeconds(1))
        .maxOperations(100).maxErrorRate(0.1).build());
    LoadDriver.run(context, 1, (worker, sequence) -> {
      if (sequence % 10 == 0) {
        throw new StackOverflowError("deep");
      }
    });
    assertEquals(10, context.count("errors"));
    assertEquals(100, context.count("operations"));
  }

  private static final class FakeContext implements ScenarioContext {
    final Map<String, Object> metrics = new LinkedHashMap<>();
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
    public void progress(String message) {}

    @Override
    public String uniqueName(String prefix) {
      return prefix + "_test";
    }
  }
}
