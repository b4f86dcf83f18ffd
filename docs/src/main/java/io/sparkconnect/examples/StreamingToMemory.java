package io.sparkconnect.examples;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.Trigger;
import java.time.Duration;

/**
 * Runs a streaming query on the server: a rate source that emits 100 rows a micro-batch, written to the memory sink,
 * which the client queries as a table while the stream runs; stops it after 300 rows.
 */
public final class StreamingToMemory {
  private StreamingToMemory() {}

  /** {@code args[0]}: the server's address. */
  public static void main(String[] args) throws InterruptedException {
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      StreamingQuery query = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 100).load()
          .selectExpr("value", "value % 10 AS digit")
          .writeStream().format("memory").queryName("rate_rows")
          .trigger(Trigger.processingTime(Duration.ofMillis(200)))
          .start();
      try {
        long rows = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (rows < 300 && query.isActive() && System.nanoTime() < deadline) {
          Thread.sleep(200);
          rows = spark.table("rate_rows").count();
        }
      } finally {
        query.stop();
      }
      query.exception().ifPresent(e -> {
        throw e;
      });
      long rows = spark.table("rate_rows").count();
      long distinct = spark.table("rate_rows").select("value").distinct().count();
      System.out.println("The stream wrote " + (rows >= 300 ? "at least 300" : "only " + rows) + " rows, "
          + (rows == distinct ? "each value once" : (rows - distinct) + " values twice"));
      spark.sql("DROP VIEW IF EXISTS rate_rows");
    }
  }
}
