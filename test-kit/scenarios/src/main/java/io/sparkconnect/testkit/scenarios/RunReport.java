package io.sparkconnect.testkit.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything a run produced: where and when it ran, with which settings, and each scenario's result. */
public final class RunReport {
  private final String command;
  private final String target;
  private final boolean embedded;
  private final String serverVersion;
  private final Instant startedAt;
  private final Duration duration;
  private final Map<String, Object> settings;
  private final List<ScenarioResult> results;

  public RunReport(String command, String target, boolean embedded, String serverVersion, Instant startedAt,
      Duration duration, Map<String, Object> settings, List<ScenarioResult> results) {
    this.command = command;
    this.target = target;
    this.embedded = embedded;
    this.serverVersion = serverVersion;
    this.startedAt = startedAt;
    this.duration = duration;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    this.results = List.copyOf(results);
  }

  /**
   * One report of several runs of the same command, such as one per server version: their results in order, the
   * targets and server versions joined, the first start and the summed duration.
   *
   * @throws IllegalArgumentException if {@code runs} is empty
   */
  public static RunReport combine(List<RunReport> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("There are no runs to combine");
    }
    if (runs.size() == 1) {
      return runs.get(0);
    }
    List<ScenarioResult> results = new ArrayList<>();
    Duration duration = Duration.ZERO;
    for (RunReport run : runs) {
      results.addAll(run.results());
      duration = duration.plus(run.duration());
    }
    RunReport first = runs.get(0);
    return new RunReport(first.command(), join(runs, RunReport::target), first.embedded(),
        join(runs, RunReport::serverVersion), first.startedAt(), duration, first.settings(), results);
  }

  private static String join(List<RunReport> runs, Function<RunReport, String> part) {
    return runs.stream().map(part).distinct().collect(Collectors.joining(", "));
  }

  /** What was run, such as {@code smoke} or {@code e2e}. */
  public String command() {
    return command;
  }

  /** The server's connection string, with any token masked. */
  public String target() {
    return target;
  }

  /** True when the tool started the server itself. */
  public boolean embedded() {
    return embedded;
  }

  public String serverVersion() {
    return serverVersion;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Duration duration() {
    return duration;
  }

  public Map<String, Object> settings() {
    return settings;
  }

  public List<ScenarioResult> results() {
    return results;
  }

  public long passedCount() {
    return results.stream().filter(ScenarioResult::passed).count();
  }

  /** True when every scenario passed (and there was at least one). */
  public boolean passed() {
    return !results.isEmpty() && passedCount() == results.size();
  }
}
