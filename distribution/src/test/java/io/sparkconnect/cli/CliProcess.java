package io.sparkconnect.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code bin/spark-connect} as a user would (a separate process with its own output), or any other
 * command the tests need, such as {@code docker}.
 */
final class CliProcess {
  final int exitCode;
  final String out;
  final String err;

  private CliProcess(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Path script() {
    Path script = Paths.get(System.getProperty("sparkconnect.distribution.dir"), "bin", "spark-connect");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException("The distribution was not assembled: " + script + " is missing");
    }
    return script;
  }

  static ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(script().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // No class-data archives in the user's home from tests; CliIT's own test of them turns this back on.
    builder.environment().put("SPARK_CONNECT_CDS", "off");
    String repository = System.getProperty("maven.repo.local");
    if (repository != null) {
      builder.environment().put("SPARK_CONNECT_OPTS", "-Dmaven.repo.local=" + repository);
    }
    return builder;
  }

  static CliProcess run(String... args) throws IOException, InterruptedException {
    return run(java.util.Map.of(), args);
  }

  /** Runs with these variables added to the environment. */
  static CliProcess run(java.util.Map<String, String> env, String... args) throws IOException,
      InterruptedException {
    ProcessBuilder builder = builder(args);
    builder.environment().putAll(env);
    return capture(builder, "spark-connect " + String.join(" ", args));
  }

  /** Runs any command to its end (at most 5 minutes), capturing what it printed; {@code what} names it. */
  static CliProcess capture(ProcessBuilder builder, String what) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " did not finish in 5 minutes");
      }
      return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
  }
}
