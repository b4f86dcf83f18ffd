package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;

/** Result limits stop a result as it crosses them, release it, and leave the session usable. */
class ResultLimitsIT {

  @SparkConnectTest
  void aRowLimitStopsCollectIteratorAndArrowBatches(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder()
        .remote(server.connectionString() + (server.connectionString().contains("/;") ? ";" : "/;")
            + "max_result_rows=1000")
        .build()) {
      assertEquals(1000, spark.settings().maxResultRows().getAsLong());
      DataFrame many = spark.range(0, 100_000, 1, 4);
      ResultLimitException collected = assertThrows(ResultLimitException.class, many::collect);
      assertEquals("maxResultRows", collected.limitName());
      assertEquals(1000, collected.limit());
      assertTrue(collected.getMessage().contains("maxResultRows=1000"), collected.getMessage());

      try (CloseableIterator<Row> rows = many.toLocalIterator()) {
        ResultLimitException iterated = assertThrows(ResultLimitException.class, () -> {
          while (rows.hasNext()) {
            rows.next();
          }
        });
        assertEquals("maxResultRows", iterated.limitName());
      }
      assertThrows(ResultLimitException.class, () -> many.forEachArrowBatch(batch -> { }));

      assertEquals(1000, spark.range(1000).collect().size(), "a result at the limit passes");
      assertEquals(100_000L, many.count(), "the session stays usable");
    }
  }

  @SparkConnectTest
  void aByteLimitStopsAWideResult(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .maxResultBytes(64 * 1024).build()) {
      DataFrame wide = spark.range(200_000).selectExpr("id", "repeat('x', 100) AS s");
      ResultLimitException error = assertThrows(ResultLimitException.class, wide::collect);
      assertEquals("maxResultBytes", error.limitName());
      assertEquals(64 * 1024, error.limit());
      assertTrue(error.getMessage().contains("maxResultBytes=65536"), error.getMessage());
      assertEquals(3, spark.range(3).collect().size());
    }
  }
}
