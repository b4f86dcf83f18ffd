package io.sparkconnect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spark-connect} command-line tool: run SQL, start servers, and print versions. */
@Command(
    name = "spark-connect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Runs SQL, smoke, E2E and load scenarios on Spark Connect servers, and starts local servers.",
    subcommands = {SqlCommand.class, SmokeCommand.class, E2eCommand.class, LoadCommand.class, ServerCommand.class,
        CacheCommand.class, VersionCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    ToolTelemetry.installIfAsked(System.getenv(), System::getProperty);
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code; for tests and embedding. */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new ErrorHandler())
        .execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: choose sql, smoke, e2e, load, server, cache or version");
  }
}
