package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import java.lang.management.ManagementFactory;

/**
 * The memory-stress load scenario: streams millions of (long, double, string) rows through one iterator, checks
 * sums over every value, and checks the heap retained after a full collection grew by less than
 * {@value #MAX_RETAINED_GROWTH_MIB} MiB, so the client held batches, not the result.
 */
final class MemoryStress {
  static final long MAX_RETAINED_GROWTH_MIB = 64;
  private static final long ROWS_PER_OPERATION = 100_000;
  private static final long ROWS_PER_PARTITION = 500_000;

  private MemoryStress() {}

  static void run(ScenarioContext context) {
    long rows = context.settings().largeResultRows();
    int partitions = (int) Math.max(1, Math.min(200, rows / ROWS_PER_PARTITION));
    SparkSession spark = context.session();
    long retainedBefore = retainedHeapBytes();
    long start = System.nanoTime();
    long chunkStart = start;
    long count = 0;
    long idSum = 0;
    double halfSum = 0;
    long textLength = 0;
    long peakHeap = 0;
    try (CloseableIterator<Row> it = spark.range(0, rows, 1, partitions)
        .selectExpr("id", "CAST(id AS DOUBLE) * 0.5 AS x", "concat('row-', id) AS s").toLocalIterator()) {
      while (it.hasNext()) {
        Row row = it.next();
        idSum += row.getLong(0);
        halfSum += row.getDouble(1);
        textLength += row.getString(2).length();
        count++;
        if (count % ROWS_PER_OPERATION == 0) {
          long now = System.nanoTime();
          context.timings().record(chunkStart, now, true);
          chunkStart = now;
          peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
          if (count % (ROWS_PER_OPERATION * 10) == 0) {
            context.progress(String.format("%,d of %,d rows", count, rows));
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long retainedGrowth = retainedHeapBytes() - retainedBefore;
    long expectedIds = rows * (rows - 1) / 2;
    Check.equal("rows streamed", rows, count);
    Check.equal("sum of ids", expectedIds, idSum);
    Check.equal("sum of id * 0.5", expectedIds / 2.0, halfSum);
    Check.equal("total length of the strings", expectedTextLength(rows), textLength);
    long streamedBytes = 16 * rows + textLength;
    context.metric("rows", count);
    context.metric("streamedMiB", LoadDriver.round(streamedBytes / 1048576.0));
    context.metric("rowsPerSecond", Math.round(count / Math.max(seconds, 1e-9)));
    context.metric("streamHeapPeakMiB", LoadDriver.round(peakHeap / 1048576.0));
    context.metric("retainedGrowthMiB", LoadDriver.round(retainedGrowth / 1048576.0));
    Check.that(retainedGrowth < MAX_RETAINED_GROWTH_MIB * 1048576, () -> String.format(
        "the heap retained %.1f MiB more after streaming %.1f MiB; the iterator should hold one batch at a time",
        retainedGrowth / 1048576.0, streamedBytes / 1048576.0));
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

  /** Heap in use after a full collection: what the client retains. Used only by this scenario, on purpose. */
  private static long retainedHeapBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
