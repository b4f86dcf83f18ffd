package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Results at their edges on real servers: no rows at all, and Arrow batches counted against collected rows. */
class ResultEdgeCasesIT {
  private static final String COLUMNS = "id, CAST(id AS STRING) AS s, CAST(id AS DECIMAL(10, 2)) AS d, "
      + "ARRAY(id) AS a";

  @SparkConnectTest
  void aResultWithoutRowsKeepsItsSchemaOnEveryPath(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      DataFrame empty = spark.sql("SELECT " + COLUMNS + " FROM range(10) WHERE id < 0");
      assertEquals(List.of(), empty.collect());
      try (CloseableIterator<Row> rows = empty.toLocalIterator()) {
        assertFalse(rows.hasNext());
      }
      List<List<Field>> schemas = new ArrayList<>();
      long rows = empty.forEachArrowBatch(root -> {
        assertEquals(0, root.getRowCount());
        schemas.add(root.getSchema().getFields());
      });
      assertEquals(0, rows);
      assertFalse(schemas.isEmpty(), "the server's empty batch reaches the consumer with its schema");
      for (List<Field> fields : schemas) {
        assertEquals(List.of("id", "s", "d", "a"), fields.stream().map(Field::getName).toList());
        assertEquals(new ArrowType.Int(64, true), fields.get(0).getType());
        assertEquals(ArrowType.Utf8.INSTANCE, fields.get(1).getType());
        assertEquals(new ArrowType.Decimal(10, 2, 128), fields.get(2).getType());
        assertEquals(ArrowType.List.INSTANCE, fields.get(3).getType());
      }
      List<Row> first = spark.sql("SELECT " + COLUMNS + " FROM range(10) WHERE id < 0 UNION ALL SELECT "
          + COLUMNS + " FROM range(7, 8)").collect();
      assertEquals(empty.schema(), first.get(0).schema(), "rows after an empty batch carry the result schema");
    }
  }

  @SparkConnectTest
  void forEachArrowBatchCountsTheRowsCollectReturns(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).arrowChunkSize(4096)
        .build()) {
      DataFrame df = spark.sql("SELECT id, CONCAT('row-', id) AS s FROM range(0, 25003, 1, 3)");
      List<Row> collected = df.collect();
      long[] seen = new long[2];
      long rows = df.forEachArrowBatch(root -> {
        BigIntVector ids = (BigIntVector) root.getVector("id");
        VarCharVector strings = (VarCharVector) root.getVector("s");
        for (int i = 0; i < root.getRowCount(); i++) {
          seen[0]++;
          seen[1] += ids.get(i);
          assertEquals("row-" + ids.get(i), strings.getObject(i).toString());
        }
      });
      assertEquals(25003, collected.size());
      assertEquals(collected.size(), rows);
      assertEquals(rows, seen[0]);
      assertEquals(25002L * 25003 / 2, seen[1]);
      long sum = 0;
      for (Row row : collected) {
        sum += row.getLong(0);
      }
      assertEquals(seen[1], sum);
      assertTrue(collected.get(0).schema().size() == 2);
    }
  }
}
