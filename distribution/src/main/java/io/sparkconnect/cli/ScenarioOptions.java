package io.sparkconnect.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every scenario command takes: the target, which scenarios, and where to write the report. */
final class ScenarioOptions {
  @Mixin
  TargetOptions target;

  @Option(names = "--scenario", paramLabel = "NAME", split = ",",
      description = "Run only these scenarios (short or full names, comma-separated). Default: all of the kind.")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write report.json and report.html into this directory.")
  Path reportDirectory;

  @Option(names = "--list", description = "List the scenarios with their descriptions and exit.")
  boolean list;
}
