package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.ReportWriter;
import io.sparkconnect.testkit.scenarios.RunReport;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioRunner;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * What {@code smoke}, {@code e2e} and {@code load} share: pick the scenarios, reach the server or start each embedded
 * server version in turn, run them with progress on stderr, print the summary table, write the report, and exit 1
 * if any scenario failed.
 */
final class ScenarioCommandRunner {
  static final int SCENARIO_FAILED = 1;

  private ScenarioCommandRunner() {}

  static int run(CommandLine commandLine, ScenarioKind kind, ScenarioOptions options, ScenarioSettings settings) {
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    List<Scenario> scenarios;
    try {
      scenarios = Scenarios.select(kind, options.scenarios);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    if (options.list) {
      for (Scenario scenario : scenarios) {
        out.println(scenario.name());
        out.println("    " + scenario.description());
      }
      out.flush();
      return 0;
    }
    List<String> versions = options.target.sparkVersions(commandLine);
    List<RunReport> runs = new ArrayList<>();
    if (options.target.remote != null) {
      runs.add(runOn(options.target.remote, false, kind, scenarios, settings, err));
    } else {
      for (String version : versions) {
        try (ServerTarget target = ServerTarget.open(null, version, options.target.offline, err)) {
          runs.add(runOn(target.connectionString(), true, kind, scenarios,
              versions.size() > 1 ? recordingPerVersion(settings, version) : settings, err));
        }
      }
    }
    RunReport report = RunReport.combine(runs);
    SummaryTable.print(report, out);
    if (options.reportDirectory != null) {
      Path html = ReportWriter.write(report, options.reportDirectory);
      out.println("Report: " + html.toAbsolutePath() + " (and " + ReportWriter.JSON_FILE + ")");
    }
    out.flush();
    return report.passed() ? 0 : SCENARIO_FAILED;
  }

  private static RunReport runOn(String connectionString, boolean embedded, ScenarioKind kind,
      List<Scenario> scenarios, ScenarioSettings settings, PrintWriter err) {
    return ScenarioRunner.builder()
        .connectionString(connectionString)
        .embedded(embedded)
        .command(kind.label())
        .settings(settings)
        .listener(new ConsoleProgress(err))
        .build()
        .run(scenarios);
  }

  /** With several server versions each run records into its own file: {@code run.jfr} becomes {@code run-4.1.2.jfr}. */
  private static ScenarioSettings recordingPerVersion(ScenarioSettings settings, String version) {
    return settings.jfrFile().map(file -> {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String versioned = dot > 0 ? name.substring(0, dot) + "-" + version + name.substring(dot)
          : name + "-" + version;
      return settings.toBuilder().jfrFile(file.resolveSibling(versioned)).build();
    }).orElse(settings);
  }

  /** Turns a settings error into a usage error that names the option. */
  static ScenarioSettings settings(CommandLine commandLine, java.util.function.Supplier<ScenarioSettings> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
