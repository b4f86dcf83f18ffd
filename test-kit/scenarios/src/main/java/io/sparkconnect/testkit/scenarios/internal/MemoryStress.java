package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The memory-stress load scenario, in two parts. First a soak: for the whole duration the clients repeat large
 * streamed reads (up to {@value #SOAK_READ_ROWS} rows each, checked) in this JVM, paced like every load scenario,
 * while {@link HeapTrend} samples the live heap; the trend fails the scenario when it rises (see {@link HeapTrend}).
 * Then a client in a child JVM with a {@value #CLIENT_HEAP_MIB} MiB heap streams the configured rows (20 million by
 * default, some 600 MiB of long, double and string values) once through one iterator and checks sums over every
 * value. It passes only if the client never held more than {@value #MAX_LIVE_HEAP_MIB} MiB live while streaming
 * (measured after a full collection every million rows) and retained less than {@value #MAX_RETAINED_MIB} MiB at the
 * end: a client that kept its batches would run out of heap.
 */
final class MemoryStress {
  static final int CLIENT_HEAP_MIB = 96;
  static final long MAX_LIVE_HEAP_MIB = 48;
  static final long MAX_RETAINED_MIB = 32;
  static final long SOAK_READ_ROWS = 1_000_000;
  private static final int TREND_SAMPLES = 40;
  private static final long MIB = 1 << 20;
  private static final long CHILD_TIMEOUT_MINUTES = 5;

  private MemoryStress() {}

  /** Soaks, then streams once in a small heap even if the soak failed, so the report has both; fails if either did. */
  static void run(ScenarioContext context) throws InterruptedException {
    ScenarioFailedException soakFailed = null;
    try {
      soak(context);
    } catch (ScenarioFailedException e) {
      soakFailed = e;
    }
    try {
      streamOnceInASmallHeap(context);
    } catch (ScenarioFailedException | IllegalStateException e) {
      if (soakFailed != null) {
        throw new ScenarioFailedException(soakFailed.getMessage() + "; and streaming once: "
            + ScenarioExecution.describe(e));
      }
      throw e;
    }
    if (soakFailed != null) {
      throw soakFailed;
    }
  }

  private static void soak(ScenarioContext context) throws InterruptedException {
    long rows = Math.min(SOAK_READ_ROWS, context.settings().largeResultRows());
    SparkSession spark = context.session();
    DataFrame read = spark.range(0, rows, 1, (int) Math.max(1, rows / 250_000))
        .selectExpr("id", "CAST(id AS DOUBLE) * 0.5 AS x", "concat('row-', id) AS s");
    long expectedIds = rows * (rows - 1) / 2;
    long expectedText = expectedTextLength(rows);
    HeapTrend[] trend = new HeapTrend[1];
    HeapTrend.Summary[] summary = new HeapTrend.Summary[1];
    try {
      LoadDriver.run(context, LoadDriver.Load.heavy(context.settings().concurrency())
          .resetting(() -> trend[0] = HeapTrend.start(context.settings().duration(), TREND_SAMPLES)),
          (worker, sequence) -> {
            long count = 0;
            long ids = 0;
            long text = 0;
            try (CloseableIterator<Row> it = read.toLocalIterator()) {
              while (it.hasNext()) {
                Row row = it.next();
                count++;
                ids += row.getLong(0);
                text += row.getString(2).length();
              }
            }
            Check.equal("rows of a soak read", rows, count);
            Check.equal("sum of ids of a soak read", expectedIds, ids);
            Check.equal("length of the strings of a soak read", expectedText, text);
          });
    } finally {
      if (trend[0] != null) {
        summary[0] = trend[0].stop();
        recordTrend(context, rows, summary[0]);
      }
    }
    HeapTrend.Summary heap = summary[0];
    Check.that(!heap.rising(), () -> String.format("the live heap rose from %.1f MiB in the first quarter of the "
        + "soak to %.1f MiB in the last (%.1f MiB/min), more than the %.1f MiB allowed; the client keeps something "
        + "per read", heap.firstQuarterMiB(), heap.lastQuarterMiB(), heap.slopeMiBPerMinute(),
        heap.allowedGrowthMiB()));
  }

  private static void recordTrend(ScenarioContext context, long rows, HeapTrend.Summary heap) {
    context.metric("soakReadRows", rows);
    context.metric("heapTrendSamples", heap.samples().size());
    context.metric("heapTrendFirstQuarterMiB", LoadDriver.round(heap.firstQuarterMiB()));
    context.metric("heapTrendLastQuarterMiB", LoadDriver.round(heap.lastQuarterMiB()));
    context.metric("heapTrendPeakMiB", LoadDriver.round(heap.peakMiB()));
    context.metric("heapTrendSlopeMiBPerMinute", LoadDriver.round(heap.slopeMiBPerMinute()));
    context.metric("heapTrendRising", heap.rising());
  }

  private static void streamOnceInASmallHeap(ScenarioContext context) throws InterruptedException {
    long rows = context.settings().largeResultRows();
    context.progress(String.format("streaming %,d rows in a client JVM with -Xmx%dm", rows, CLIENT_HEAP_MIB));
    long start = System.nanoTime();
    Map<String, String> result = stream(context.connectionString(), rows, false);
    double seconds = (System.nanoTime() - start) / 1e9;
    long expectedIds = rows * (rows - 1) / 2;
    Check.equal("rows streamed", rows, Long.parseLong(result.get("rows")));
    Check.equal("sum of ids", expectedIds, Long.parseLong(result.get("idSum")));
    Check.equal("sum of id * 0.5", expectedIds / 2.0, Double.parseDouble(result.get("halfSum")));
    long textLength = Long.parseLong(result.get("textLength"));
    Check.equal("total length of the strings", expectedTextLength(rows), textLength);
    long livePeak = Long.parseLong(result.get("livePeakBytes"));
    long retained = Long.parseLong(result.get("retainedBytes"));
    long streamedBytes = 16 * rows + textLength;
    context.metric("rows", rows);
    context.metric("clientHeapMiB", CLIENT_HEAP_MIB);
    context.metric("streamedMiB", LoadDriver.round(streamedBytes / (double) MIB));
    context.metric("streamSeconds", LoadDriver.round(seconds));
    context.metric("rowsPerSecond", Math.round(rows / Math.max(seconds, 1e-9)));
    context.metric("liveHeapPeakMiB", LoadDriver.round(livePeak / (double) MIB));
    context.metric("retainedMiB", LoadDriver.round(retained / (double) MIB));
    Check.that(livePeak < MAX_LIVE_HEAP_MIB * MIB, () -> String.format("the client held %.1f MiB live while "
        + "streaming %.1f MiB; the iterator should hold one batch at a time", livePeak / (double) MIB,
        streamedBytes / (double) MIB));
    Check.that(retained < MAX_RETAINED_MIB * MIB, () -> String.format("the client retained %.1f MiB after "
        + "streaming", retained / (double) MIB));
  }

  /**
   * Runs {@link StreamingProbe} in a child JVM with a {@value #CLIENT_HEAP_MIB} MiB heap and returns what it
   * printed; the connection string travels in its environment, never on its command line. The child exits on its
   * first {@code OutOfMemoryError}: a JVM out of heap can lose any thread (Netty's event loop among them) and then
   * wait forever, which is how a keeping client once hung CI instead of failing. A child still running after
   * {@value #CHILD_TIMEOUT_MINUTES} minutes fails with its threads' stacks.
   *
   * @param keep whether the child keeps every row, as a client that held its batches would
   * @throws IllegalStateException when the child fails, with its output
   */
  static Map<String, String> stream(String remote, long rows, boolean keep) throws InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    try {
      Path log = Files.createTempFile("streaming-probe", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx" + CLIENT_HEAP_MIB + "m",
            "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
            StreamingProbe.class.getName(), Long.toString(rows), keep ? "keep" : "stream"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("SPARK_REMOTE", remote);
        Process process = builder.start();
        if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          String threads = threadDump(process);
          process.destroyForcibly();
          process.waitFor(1, TimeUnit.MINUTES);
          throw new IllegalStateException("the streaming client did not finish within " + CHILD_TIMEOUT_MINUTES
              + " minutes; its threads then:\n" + threads + "\nits output:\n"
              + whatFailed(Files.readString(log, StandardCharsets.UTF_8)));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException("the streaming client with -Xmx" + CLIENT_HEAP_MIB + "m failed (exit "
              + process.exitValue() + "): " + whatFailed(output));
        }
        Map<String, String> values = new HashMap<>();
        String[] lines = output.strip().split("\n");
        for (String pair : lines[lines.length - 1].split(" ")) {
          int equals = pair.indexOf('=');
          if (equals > 0) {
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
          }
        }
        if (!values.containsKey("rows")) {
          throw new IllegalStateException("the streaming client printed no result: " + whatFailed(output));
        }
        return values;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run the streaming client JVM", e);
    }
  }

  /** The stacks of a hung child's threads, by {@code jcmd Thread.print}, or why they could not be taken. */
  private static String threadDump(Process process) throws InterruptedException {
    Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true).start();
      byte[] out = dump.getInputStream().readAllBytes();
      dump.waitFor(1, TimeUnit.MINUTES);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no thread dump: " + e.getMessage() + ")";
    }
  }

  /**
   * The lines of a failed child's output that say what failed: those naming an exception (a stack trace may end in
   * another thread's frames, far from its headline), then the last lines.
   */
  private static String whatFailed(String output) {
    List<String> lines = List.of(output.strip().split("\n"));
    List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
    List<String> kept = new java.util.ArrayList<>();
    for (String line : lines.subList(0, lines.size() - tail.size())) {
      if (line.startsWith("Exception in thread") || line.startsWith("Caused by:")) {
        kept.add(line);
      }
    }
    if (!kept.isEmpty()) {
      kept.add("...");
    }
    kept.addAll(tail);
    return String.join("\n", kept);
  }

  /** Length of "row-" followed by each id from 0 to rows - 1, counted by decimal width. */
  static long expectedTextLength(long rows) {
    long total = 4 * rows;
    long width = 1;
    for (long low = 0, high = 10; low < rows; low = high, high *= 10, width++) {
      total += width * (Math.min(rows, high) - low);
    }
    return total;
  }
}
