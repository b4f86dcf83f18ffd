package io.sparkconnect.cli;

import io.sparkconnect.sql.ExecutionProgress;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws a query's progress on one line of a terminal's standard error, redrawn in place, once the query has run
 * longer than a moment; {@link #close()} clears the line. Only for terminals: see {@link #stderrIsTerminal()}.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
  private static final long QUIET_NANOS = 500_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long startNanos = System.nanoTime();
  private boolean drawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** Whether standard error is a terminal (Linux: file descriptor 2 is a tty or pseudo-terminal). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public synchronized void onProgress(OperationContext operation, ExecutionProgress progress) {
    if (System.nanoTime() - startNanos < QUIET_NANOS || progress.totalTasks() == 0) {
      return;
    }
    err.print("\r" + line(progress));
    err.flush();
    drawn = true;
  }

  static String line(ExecutionProgress progress) {
    long total = progress.totalTasks();
    long done = Math.min(progress.completedTasks(), total);
    int filled = total == 0 ? 0 : (int) (WIDTH * done / total);
    return "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " tasks, "
        + progress.stages().size() + " stages, " + progress.inflightTasks() + " running, "
        + String.format("%.1f MiB read", progress.inputBytesRead() / 1048576.0);
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r\033[2K");
      err.flush();
    }
  }
}
