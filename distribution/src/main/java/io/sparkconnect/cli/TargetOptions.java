package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --remote} and {@code --spark} options shared by commands that talk to a server. */
final class TargetOptions {
  @Option(names = "--remote", paramLabel = "sc://...",
      description = "The server to test. Default: an embedded server started for this command and stopped after.")
  String remote;

  @Option(names = "--spark", paramLabel = "VERSION", defaultValue = "4.1",
      description = "Spark version of the embedded server: 3.5 or 4.1 (default: ${DEFAULT-VALUE}).")
  String sparkVersion;

  /** Rejects --spark with --remote and unknown versions, as usage errors. */
  void validate(CommandLine commandLine) {
    if (remote != null && commandLine.getParseResult().hasMatchedOption("--spark")) {
      throw new CommandLine.ParameterException(commandLine,
          "--spark picks the embedded server's version and cannot be used with --remote");
    }
    try {
      SparkVersions.resolve(sparkVersion);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
