package io.sparkconnect.cli;

import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.testkit.ServerStartException;
import picocli.CommandLine;

/** Prints a failure as one clear message instead of a stack trace, and picks the exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int QUERY_FAILED = 1;
  static final int SERVER_FAILED = 3;

  @Override
  public int handleExecutionException(Exception error, CommandLine command, CommandLine.ParseResult parsed) {
    String kind = error instanceof SparkConnectException ? error.getClass().getSimpleName()
        : error instanceof ServerStartException ? "Server failed to start" : error.getClass().getSimpleName();
    command.getErr().println("spark-connect: " + kind + ": " + error.getMessage());
    if (System.getenv("SPARK_CONNECT_DEBUG") != null) {
      error.printStackTrace(command.getErr());
    }
    return error instanceof ServerStartException ? SERVER_FAILED : QUERY_FAILED;
  }
}
