package io.sparkconnect.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one command of the benchmark run to its end, its output into a log file. */
final class Processes {
  private Processes() {}

  /**
   * Runs {@code command} in {@code directory}, writing its output to {@code log}.
   *
   * @throws BenchmarkRunException when it fails, times out or cannot start, naming the log
   */
  static void run(List<String> command, Path directory, Path log, Duration timeout) {
    String shown = String.join(" ", command.subList(0, Math.min(4, command.size())));
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new BenchmarkRunException(shown + " ran longer than " + timeout.toMinutes() + " minutes and was stopped; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new BenchmarkRunException(shown + " failed with exit code " + process.exitValue() + "; see " + log);
      }
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkRunException("Interrupted while running " + command.get(0), e);
    }
  }
}
