package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory-stress scenario's client, run in a child JVM with a small {@code -Xmx}: streams {@code range(rows)} as
 * (long, double, string) rows from the server named by {@code SPARK_REMOTE}, sums every value, and prints one line of
 * {@code key=value} pairs: what it counted, the largest live heap (after a full collection every million rows) while streaming, and the
 * heap retained at the end. With {@code keep} as its second argument it holds every row, as a client that keeps
 * every batch would.
 */
public final class StreamingProbe {
  private static final long SAMPLE_EVERY_ROWS = 1_000_000;
  private static final long ROWS_PER_PARTITION = 500_000;

  private StreamingProbe() {}

  /** {@code args}: rows to stream, then {@code stream} or {@code keep}. */
  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    boolean keep = args.length > 1 && args[1].equals("keep");
    int partitions = (int) Math.max(1, Math.min(200, rows / ROWS_PER_PARTITION));
    List<Row> kept = new ArrayList<>();
    long count = 0;
    long idSum = 0;
    double halfSum = 0;
    long textLength = 0;
    long livePeak = 0;
    try (SparkSession spark = SparkSession.builder().build();
        CloseableIterator<Row> it = spark.range(0, rows, 1, partitions)
            .selectExpr("id", "CAST(id AS DOUBLE) * 0.5 AS x", "concat('row-', id) AS s").toLocalIterator()) {
      while (it.hasNext()) {
        Row row = it.next();
        idSum += row.getLong(0);
        halfSum += row.getDouble(1);
        textLength += row.getString(2).length();
        if (keep) {
          kept.add(row);
        }
        if (++count % SAMPLE_EVERY_ROWS == 0) {
          livePeak = Math.max(livePeak, liveHeap());
        }
      }
      livePeak = Math.max(livePeak, liveHeap());
    }
    long retained = liveHeap();
    System.out.printf("rows=%d idSum=%d halfSum=%s textLength=%d livePeakBytes=%d retainedBytes=%d "
            + "maxHeapBytes=%d kept=%d%n", count, idSum, Double.toString(halfSum), textLength, livePeak, retained,
        Runtime.getRuntime().maxMemory(), kept.size());
  }

  /** Heap in use after a full collection: what the client really holds at this moment. */
  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
