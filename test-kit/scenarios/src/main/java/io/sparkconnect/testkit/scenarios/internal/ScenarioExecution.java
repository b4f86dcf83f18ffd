package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.OperationTimings;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import io.sparkconnect.testkit.scenarios.ScenarioSeries;
import io.sparkconnect.testkit.scenarios.ScenarioStatus;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one scenario in its own context, timing it, catching its failure and, for E2E and load scenarios, sampling the
 * client's heap, CPU and GC.
 */
public final class ScenarioExecution {
  private ScenarioExecution() {}

  public static ScenarioResult run(Scenario scenario, RunState run) {
    long start = System.nanoTime();
    String failure = null;
    ResourceSampler sampler = scenario.kind() == ScenarioKind.SMOKE ? null : new ResourceSampler();
    RunContext context = new RunContext(run, scenario, start);
    try {
      scenario.run(context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "Interrupted";
    } catch (Throwable e) {
      failure = describe(e);
    } finally {
      context.close();
    }
    Map<String, Object> metrics = context.metrics();
    OperationTimings.Snapshot operations = context.timings().snapshot();
    ScenarioSeries series = operations.size() > 0 ? SeriesBuilder.of(operations) : null;
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    if (sampler != null) {
      sampler.stopInto(metrics);
      long maxHeap = run.settings().maxHeapBytes();
      if (failure == null && scenario.kind() == ScenarioKind.LOAD && maxHeap > 0
          && sampler.liveHeapPeakBytes() > maxHeap) {
        failure = String.format("the client's heap after garbage collection peaked at %.1f MiB, over the %s "
            + "threshold; raise --max-heap (ScenarioSettings.maxHeapBytes) if that is acceptable",
            sampler.liveHeapPeakBytes() / 1048576.0,
            maxHeap % (1 << 20) == 0 ? (maxHeap >> 20) + " MiB" : maxHeap + " bytes");
      }
    }
    String message = failure;
    if (Boolean.TRUE.equals(metrics.get("operationBudgetExhausted"))) {
      String note = LoadDriver.budgetNote(((Number) metrics.get("operationBudget")).longValue(),
          ((Number) metrics.get("operationBudgetExhaustedAtSeconds")).doubleValue(), run.settings().duration());
      message = failure == null ? "Note: " + note : failure + "; note: " + note;
    }
    return new ScenarioResult(scenario, run.serverVersion(),
        failure == null ? ScenarioStatus.PASSED : ScenarioStatus.FAILED, duration, message, metrics, series);
  }

  /** A failure as one line: a check's own message, or the exception type and message with its first cause. */
  public static String describe(Throwable e) {
    if (e instanceof ScenarioFailedException) {
      return e.getMessage();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && (e.getMessage() == null
        || !e.getMessage().contains(cause.getMessage()))) {
      text += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
    return text;
  }
}
