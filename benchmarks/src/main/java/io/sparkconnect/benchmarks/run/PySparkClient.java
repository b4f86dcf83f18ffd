package io.sparkconnect.benchmarks.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** PySpark Connect, run by {@code benchmarks/pyspark/bench.py} in the virtual environment next to it. */
final class PySparkClient implements Client {
  private static final Duration TIMEOUT = Duration.ofMinutes(60);

  private final Path python;
  private final Path script;
  private final boolean shortMode;
  private final String rows;

  /** {@code rows}: the row counts of the large results, comma-separated, or null for the script's own. */
  PySparkClient(Path python, Path script, boolean shortMode, String rows) {
    this.python = python;
    this.script = script;
    this.shortMode = shortMode;
    this.rows = rows;
  }

  @Override
  public String name() {
    return "pyspark";
  }

  @Override
  public boolean supports(Suite suite) {
    return true;
  }

  @Override
  public void run(Suite suite, int threads, String remote, Path result, Path log) {
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(),
        "--remote", remote, "--include", suite.pattern().substring(2), "--threads", Integer.toString(threads),
        "--out", result.toAbsolutePath().toString()));
    if (shortMode) {
      command.add("--short");
    }
    if (rows != null) {
      command.addAll(List.of("--rows", rows));
    }
    Processes.run(command, script.getParent(), log, TIMEOUT);
  }
}
