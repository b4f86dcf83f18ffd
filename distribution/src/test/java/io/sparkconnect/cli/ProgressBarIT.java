package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.ExecutionProgress;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code spark-connect sql} draws a progress bar on standard error for a query that takes a while, only when
 * standard error is a terminal: checked under a pseudo-terminal made by {@code script}, and with stderr in a file.
 */
class ProgressBarIT {
  /** About 4 s of tasks on two partitions. */
  private static final String SLOW = "SELECT count(nap) AS naps FROM (SELECT reflect('java.lang.Thread', 'sleep', "
      + "CAST(40 AS BIGINT)) AS nap FROM range(0, 200, 1, 2))";

  private static String quoted(String argument) {
    return "'" + argument.replace("'", "'\\''") + "'";
  }

  @SparkConnectTest
  void aTerminalSeesTheBarAndAFileDoesNot(SparkConnectServer server) throws Exception {
    String command = CliProcess.script() + " sql --remote " + quoted(server.connectionString()) + " "
        + quoted(SLOW);
    Path transcript = Files.createTempFile("pty", ".txt");
    ProcessBuilder underPty = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
        .redirectOutput(transcript.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    underPty.environment().putAll(CliProcess.builder().environment());
    Process process = underPty.start();
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the command finished");
    String terminal = Files.readString(transcript, StandardCharsets.UTF_8);
    Files.delete(transcript);
    assertEquals(0, process.exitValue(), terminal);
    assertTrue(terminal.contains("| 200|"), terminal);
    boolean reportsProgress = !server.sparkVersion().startsWith("3.");
    assertEquals(reportsProgress, terminal.contains(" tasks, "), "a bar on 4.x, none on 3.5 (no progress): "
        + terminal);
    if (reportsProgress) {
      assertTrue(terminal.contains("\r["), "the bar is redrawn in place: " + terminal);
      assertTrue(terminal.contains("\r\033[2K"), "the bar's line is cleared before the result");
    }

    CliProcess toFiles = CliProcess.run("sql", "--remote", server.connectionString(), SLOW);
    assertEquals(0, toFiles.exitCode, toFiles::toString);
    assertFalse(toFiles.err.contains("tasks"), toFiles.err);
  }

  @Test
  void theBarShowsTasksStagesAndBytes() {
    ExecutionProgress progress = new ExecutionProgress(List.of(
        new ExecutionProgress.StageProgress(0, 4, 4, 1048576, true),
        new ExecutionProgress.StageProgress(1, 6, 1, 0, false)), 2);
    assertEquals("[===============               ] 5/10 tasks, 2 stages, 2 running, 1.0 MiB read",
        ProgressBar.line(progress));
  }
}
