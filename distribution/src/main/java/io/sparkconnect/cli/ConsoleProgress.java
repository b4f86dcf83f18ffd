package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioListener;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import java.io.PrintWriter;

/** Prints a run's progress on standard error: each scenario as it starts and ends, and long ones' progress. */
final class ConsoleProgress implements ScenarioListener {
  private final PrintWriter err;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void note(String message) {
    print("  " + message);
  }

  @Override
  public void started(Scenario scenario, int index, int total) {
    print(String.format("[%d/%d] %s", index, total, scenario.name()));
  }

  @Override
  public void progress(Scenario scenario, String message) {
    print("  " + message);
  }

  @Override
  public void finished(ScenarioResult result, int index, int total) {
    String seconds = String.format("%.1f s", result.duration().toMillis() / 1000.0);
    print(result.passed() ? "  passed in " + seconds
        : "  FAILED in " + seconds + ": " + result.message().orElse("(no message)"));
  }

  private synchronized void print(String line) {
    err.println(line);
    err.flush();
  }
}
