package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Without a byte limit, collect() protects a small heap: in a JVM with -Xmx64m a result of about 100 MB stops with a
 * ResultLimitException at a quarter of the heap instead of an OutOfMemoryError, and the session stays usable.
 */
class DefaultCollectLimitIT {
  private static final int HEAP_MIB = 64;

  @SparkConnectTest
  void collectStopsAtAQuarterOfASmallHeap(SparkConnectServer server) throws Exception {
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MIB + "m",
        "-cp", System.getProperty("java.class.path"), Probe.class.getName(), server.connectionString()))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("limit maxResultBytes "), output);
    assertTrue(output.contains("quarter of the maximum heap"), output);
    assertTrue(output.contains("then 3 rows"), output);
  }

  /** The child JVM: collects about 100 MB and reports the limit it met. */
  public static final class Probe {
    public static void main(String[] args) {
      try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
        try {
          List<Row> rows = spark.range(3_000_000).selectExpr("id", "repeat('x', 24) AS s").collect();
          System.out.println("collected " + rows.size() + " rows: the default limit did not hold");
          System.exit(2);
        } catch (ResultLimitException e) {
          System.out.println("limit " + e.limitName() + " " + e.limit() / (1024 * 1024) + " MiB: " + e.getMessage());
        }
        System.out.println("then " + spark.range(3).collect().size() + " rows");
      }
    }
  }
}
