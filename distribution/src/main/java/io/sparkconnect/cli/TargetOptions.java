package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --remote} and {@code --spark} options shared by commands that talk to a server. */
final class TargetOptions {
  @Option(names = "--remote", paramLabel = "sc://...",
      description = "The server to use. Default: an embedded server started for this command and stopped after.")
  String remote;

  @Option(names = "--spark", paramLabel = "VERSION", defaultValue = "4.1",
      description = "Spark version of the embedded server: 3.5, 4.0, 4.1 or 4.2 (default: ${DEFAULT-VALUE}); scenario "
          + "commands take several, such as 3.5,4.1, and run on each in turn.")
  String sparkVersion;

  @Option(names = "--offline",
      description = "Use only server jars already cached (the tool's repository or the Maven local repository); "
          + "fail naming the missing ones instead of downloading. Also on with <offline>true</offline> in "
          + "~/.m2/settings.xml.")
  boolean offline;

  /** Rejects --spark with --remote, unknown versions and more than one version, as usage errors. */
  void validate(CommandLine commandLine) {
    if (sparkVersions(commandLine).size() > 1) {
      throw new CommandLine.ParameterException(commandLine, "--spark takes one version for this command");
    }
  }

  /**
   * The embedded servers' versions, several when comma-separated ({@code 3.5,4.1}).
   *
   * @throws CommandLine.ParameterException for --spark with --remote, or an unknown version
   */
  List<String> sparkVersions(CommandLine commandLine) {
    if (remote != null && commandLine.getParseResult().hasMatchedOption("--spark")) {
      throw new CommandLine.ParameterException(commandLine,
          "--spark picks the embedded server's version and cannot be used with --remote");
    }
    List<String> versions = new ArrayList<>();
    for (String part : sparkVersion.split(",")) {
      try {
        String version = SparkVersions.resolve(part);
        if (!versions.contains(version)) {
          versions.add(version);
        }
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, e.getMessage());
      }
    }
    return versions;
  }
}
