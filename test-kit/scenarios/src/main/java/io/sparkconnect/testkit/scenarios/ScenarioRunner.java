package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.internal.FlightRecording;
import io.sparkconnect.testkit.scenarios.internal.RunState;
import io.sparkconnect.testkit.scenarios.internal.ScenarioExecution;
import io.sparkconnect.testkit.scenarios.internal.Sessions;
import io.sparkconnect.transport.ConnectionString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs scenarios one after another against one server and collects their results. A scenario that throws fails
 * with its message; the run goes on with the next one. An unreachable server fails every scenario with the reason.
 */
public final class ScenarioRunner {
  private final String connectionString;
  private final ScenarioSettings settings;
  private final ScenarioListener listener;
  private final String command;
  private final boolean embedded;

  private ScenarioRunner(Builder builder) {
    this.connectionString = Objects.requireNonNull(builder.connectionString, "connectionString");
    this.settings = builder.settings;
    this.listener = builder.listener;
    this.command = builder.command;
    this.embedded = builder.embedded;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the scenarios in order and returns the report. */
  public RunReport run(List<Scenario> scenarios) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    List<ScenarioResult> results = new ArrayList<>();
    String serverVersion = "unknown";
    SparkSession base = Sessions.connect(connectionString);
    try (FlightRecording recording = FlightRecording.start(settings.jfrFile().orElse(null))) {
      String connectFailure = null;
      try {
        serverVersion = base.version();
      } catch (RuntimeException e) {
        connectFailure = "Could not reach the server at " + target() + ": " + ScenarioExecution.describe(e);
      }
      RunState run = new RunState(connectionString, base, serverVersion, settings, listener);
      for (int i = 0; i < scenarios.size(); i++) {
        Scenario scenario = scenarios.get(i);
        listener.started(scenario, i + 1, scenarios.size());
        ScenarioResult result = connectFailure != null
            ? new ScenarioResult(scenario, serverVersion, ScenarioStatus.FAILED, Duration.ZERO, connectFailure,
                Map.of(), null)
            : ScenarioExecution.run(scenario, run);
        results.add(result);
        listener.finished(result, i + 1, scenarios.size());
      }
    } finally {
      Sessions.closeQuietly(base);
    }
    return new RunReport(command, target(), embedded, serverVersion, startedAt,
        Duration.ofNanos(System.nanoTime() - start), settings.describe(kinds(scenarios)), results);
  }

  private static Set<ScenarioKind> kinds(List<Scenario> scenarios) {
    Set<ScenarioKind> kinds = EnumSet.noneOf(ScenarioKind.class);
    scenarios.forEach(scenario -> kinds.add(scenario.kind()));
    return kinds;
  }

  /** Runs one scenario; a convenience for tests. */
  public ScenarioResult run(Scenario scenario) {
    return run(List.of(scenario)).results().get(0);
  }

  private String target() {
    return ConnectionString.parse(connectionString).toString();
  }

  /** Builds a {@link ScenarioRunner}. */
  public static final class Builder {
    private String connectionString;
    private ScenarioSettings settings = ScenarioSettings.builder().build();
    private ScenarioListener listener = ScenarioListener.none();
    private String command = "scenarios";
    private boolean embedded;

    private Builder() {}

    /** The server under test, an {@code sc://} connection string. */
    public Builder connectionString(String connectionString) {
      ConnectionString.parse(connectionString);
      this.connectionString = connectionString;
      return this;
    }

    public Builder settings(ScenarioSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder listener(ScenarioListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** What the report calls this run, such as {@code smoke}. */
    public Builder command(String command) {
      this.command = Objects.requireNonNull(command, "command");
      return this;
    }

    /** Marks the server as started for this run, for the report. */
    public Builder embedded(boolean embedded) {
      this.embedded = embedded;
      return this;
    }

    public ScenarioRunner build() {
      return new ScenarioRunner(this);
    }
  }
}
