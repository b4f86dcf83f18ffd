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
    }
    return new ScenarioResult(scenario, run.serverVersion(),
        failure == null ? ScenarioStatus.PASSED : ScenarioStatus.FAILED, duration, failure, metrics, series);
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
