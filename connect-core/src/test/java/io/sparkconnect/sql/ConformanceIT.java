package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.types.CollatedStringType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft Spark Connect specification's client examples with expected outputs (SC-1.0: typed parameters §11,
 * null versus empty and special floating-point values §15, grouping multisets §16.6.3, pivot §16.6.4, portable
 * SQL), run through this client's API on real servers and compared exactly. docs/CONFORMANCE.md maps each
 * statement to its test.
 */
class ConformanceIT {
  private static final String SALES = "SELECT * FROM VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 3), "
      + "('b', 'x', 4) AS sales(k1, k2, v)";

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  /** Rows as a sorted multiset of their printed values, so order-free results compare exactly. */
  private static List<String> multiset(List<Row> rows) {
    List<String> printed = new ArrayList<>();
    for (Row row : rows) {
      printed.add(row.toList().toString());
    }
    printed.sort(null);
    return printed;
  }

  private static List<String> multiset(String... rows) {
    List<String> sorted = new ArrayList<>(Arrays.asList(rows));
    sorted.sort(null);
    return sorted;
  }

  @SparkConnectTest
  void typedNamedAndPositionalParameters(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Map<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("i", 7);
      arguments.put("l", 1L << 40);
      arguments.put("d", 0.5d);
      arguments.put("s", "it's");
      arguments.put("day", LocalDate.of(2024, 2, 29));
      arguments.put("flag", true);
      arguments.put("dec", new BigDecimal("12.345"));
      DataFrame named = spark.sql("SELECT :i AS i, :l AS l, :d AS d, :s AS s, :day AS day, :flag AS flag, "
          + ":dec AS dec", arguments);
      StructType schema = named.schema();
      assertEquals(List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType, DataTypes.StringType,
          DataTypes.DateType, DataTypes.BooleanType, new DecimalType(5, 3)),
          List.of(schema.field(0).dataType(), schema.field(1).dataType(), schema.field(2).dataType(),
              schema.field(3).dataType(), schema.field(4).dataType(), schema.field(5).dataType(),
              schema.field(6).dataType()));
      Row row = named.first();
      assertEquals(List.of(7, 1L << 40, 0.5d, "it's", LocalDate.of(2024, 2, 29), true, new BigDecimal("12.345")),
          row.toList());
      Row positional = spark.sql("SELECT ? + 1 AS a, upper(?) AS b, ? IS NULL AS c", 41L, "x", "y").first();
      assertEquals(List.of(42L, "X", false), positional.toList());
    }
  }

  @SparkConnectTest
  void nullIsNotEmptyForAnyType(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = spark.sql("SELECT '' AS s, X'' AS b, array() AS a, map() AS m, "
          + "named_struct('f', CAST(NULL AS INT)) AS st, 0 AS i "
          + "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL").collect();
      assertEquals(2, rows.size());
      int emptyIndex = rows.get(0).isNullAt(5) ? 1 : 0;
      Row empty = rows.get(emptyIndex);
      Row nulls = rows.get(1 - emptyIndex);
      assertEquals("", empty.getString(0));
      assertArrayEquals(new byte[0], empty.getBinary(1));
      assertEquals(List.of(), empty.getList(2));
      assertEquals(Map.of(), empty.getMap(3));
      assertTrue(empty.getStruct(4).isNullAt(0), "a struct whose field is null");
      assertEquals(0, empty.getInt(5));
      for (int i = 0; i < nulls.size(); i++) {
        assertTrue(nulls.isNullAt(i), "column " + i);
        assertNull(nulls.get(i));
      }
    }
  }

  @SparkConnectTest
  void nanInfinitiesAndNegativeZeroArriveBitForBit(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Row row = spark.sql("SELECT CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE), "
          + "CAST('-0.0' AS DOUBLE), CAST('NaN' AS FLOAT), CAST('-Infinity' AS FLOAT), CAST('-0.0' AS FLOAT)")
          .first();
      assertTrue(Double.isNaN(row.getDouble(0)));
      assertEquals(Double.POSITIVE_INFINITY, row.getDouble(1));
      assertEquals(Double.NEGATIVE_INFINITY, row.getDouble(2));
      assertEquals(Double.doubleToRawLongBits(-0.0d), Double.doubleToRawLongBits(row.getDouble(3)), "-0.0");
      assertTrue(Float.isNaN(row.getFloat(4)));
      assertEquals(Float.NEGATIVE_INFINITY, row.getFloat(5));
      assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(row.getFloat(6)), "-0.0f");
      DataFrame special = spark.sql("SELECT CAST('NaN' AS DOUBLE) AS x");
      assertEquals(1, special.filter(col("x").equalTo(lit(Double.NaN))).count(), "NaN = NaN in Spark SQL");
      assertEquals(1, spark.sql("SELECT CAST('-0.0' AS DOUBLE) AS z").filter(col("z").equalTo(lit(-0.0d)))
          .count(), "a -0.0 literal is sent as -0.0 and equals the server's");
    }
  }

  @SparkConnectTest
  void rollupCubeAndGroupingSetsGiveExactMultisets(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame sales = spark.sql(SALES);
      assertEquals(multiset("[a, x, 1, 1]", "[a, y, 2, 1]", "[b, x, 7, 2]", "[a, null, 3, 2]", "[b, null, 7, 2]",
          "[null, null, 10, 4]"),
          multiset(sales.rollup("k1", "k2").agg(sum("v"), count(lit(1))).collect()));
      assertEquals(multiset("[a, x, 1, 1]", "[a, y, 2, 1]", "[b, x, 7, 2]", "[a, null, 3, 2]", "[b, null, 7, 2]",
          "[null, x, 8, 3]", "[null, y, 2, 1]", "[null, null, 10, 4]"),
          multiset(sales.cube("k1", "k2").agg(sum("v"), count(lit(1))).collect()));
      List<String> bySets = multiset("[a, null, 3, 2]", "[b, null, 7, 2]", "[null, x, 8, 3]", "[null, y, 2, 1]");
      assertEquals(bySets, multiset(spark.sql("SELECT k1, k2, sum(v), count(1) FROM (" + SALES + ") "
          + "GROUP BY GROUPING SETS ((k1), (k2))").collect()));
      List<List<Column>> sets = List.of(List.of(col("k1")), List.of(col("k2")));
      if (spark.version().startsWith("3.")) {
        SparkConnectException error = assertThrows(SparkConnectException.class,
            () -> sales.groupingSets(sets, col("k1"), col("k2")));
        assertTrue(error.getMessage().contains("needs a Spark 4.0 or newer server; this one is 3.5"),
            error.getMessage());
        return;
      }
      assertEquals(bySets, multiset(sales.groupingSets(sets, col("k1"), col("k2")).agg(sum("v"), count(lit(1)))
          .collect()));
    }
  }

  @SparkConnectTest
  void pivotFillsMissingCellsWithNull(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame data = spark.sql("SELECT * FROM VALUES ('A', 'p1', 1), ('A', 'p2', 2), ('B', 'p1', 3) AS t(k, p, v)");
      DataFrame listed = data.groupBy("k").pivot("p", List.of("p1", "p2")).agg(sum("v")).orderBy("k");
      assertEquals(List.of("k", "p1", "p2"), listed.schema().fieldNames());
      assertEquals(List.of("[A, 1, 2]", "[B, 3, null]"), multiset(listed.collect()));
      DataFrame discovered = data.groupBy("k").pivot("p").agg(sum("v"));
      assertEquals(List.of("[A, 1, 2]", "[B, 3, null]"), multiset(discovered.collect()));
    }
  }

  @SparkConnectTest
  void portableSqlExamples(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      assertEquals(List.of("yes", 2, "ABC", 3, "ell"), spark.sql("SELECT CASE WHEN 1 > 0 THEN 'yes' ELSE 'no' END, "
          + "COALESCE(NULL, 2), UPPER('abc'), LENGTH('abc'), SUBSTRING('hello', 2, 3)").first().toList());
      assertEquals(List.of(3.5d, 3L, 1), spark.sql("SELECT 7 / 2, 7 DIV 2, 7 % 3").first().toList());
      assertEquals(List.of(LocalDate.of(2024, 3, 1), 29), spark.sql("SELECT DATE '2024-02-29' + 1, "
          + "DAY(DATE '2024-02-29')").first().toList());
      assertEquals(multiset("[1, 1]", "[2, 2]", "[3, 3]"), multiset(spark.sql(
          "SELECT v, ROW_NUMBER() OVER (ORDER BY v) FROM VALUES (3), (1), (2) AS t(v)").collect()));
      assertEquals(List.of(new BigDecimal("0.30")), spark.sql("SELECT CAST(0.1 AS DECIMAL(3,2)) + 0.2")
          .first().toList().subList(0, 1).stream().map(v -> ((BigDecimal) v).setScale(2)).toList());
      assertEquals(0, spark.sql("SELECT * FROM VALUES (1) AS t(v) WHERE v > 1").collect().size());
    }
  }

  @SparkConnectTest
  void collationsSurviveBothDirectionsOnServersThatHaveThem(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      if (spark.version().startsWith("3.")) {
        assertEquals(DataTypes.StringType, spark.sql("SELECT 'a' AS c").schema().field(0).dataType(),
            "3.5 has no collations: strings are plain");
        return;
      }
      DataFrame collated = spark.sql("SELECT 'a' COLLATE UTF8_LCASE AS c");
      assertEquals(DataTypes.createStringType("UTF8_LCASE"), collated.schema().field(0).dataType());
      assertEquals("a", collated.first().getString(0));
      DataFrame cast = spark.sql("SELECT 'B' AS c").select(col("c").cast(DataTypes.createStringType("UTF8_LCASE"))
          .alias("c"));
      assertEquals("UTF8_LCASE", ((CollatedStringType) cast.schema().field(0).dataType()).collation());
      assertEquals(1, cast.filter(col("c").equalTo(lit("b"))).count(), "the server compares case-insensitively");
    }
  }
}
