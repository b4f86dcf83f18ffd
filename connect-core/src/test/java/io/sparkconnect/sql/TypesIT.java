package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every Spark type decoded from real servers and compared exactly, with nulls and nesting. */
class TypesIT {

  private static SparkSession connect(SparkConnectServer server) {
    SparkSession spark = SparkSession.builder().remote(server.connectionString()).build();
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    return spark;
  }

  /** One row of the query, plus a second row of the same columns all null, decoded together. */
  private static List<Row> withNullRow(SparkSession spark, String selectList) {
    return spark.sql("SELECT " + selectList + " UNION ALL SELECT " + nulls(spark, selectList)).collect();
  }

  private static String nulls(SparkSession spark, String selectList) {
    StructType schema = spark.sql("SELECT " + selectList).schema();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < schema.size(); i++) {
      out.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(schema.field(i).dataType().sql())
          .append(") AS `").append(schema.field(i).name()).append('`');
    }
    return out.toString();
  }

  private static void assertSecondRowNull(List<Row> rows) {
    assertEquals(2, rows.size());
    for (int i = 0; i < rows.get(1).size(); i++) {
      assertTrue(rows.get(1).isNullAt(i), "column " + i + " of the null row");
      assertNull(rows.get(1).get(i));
    }
  }

  @SparkConnectTest
  void numericTypes(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = withNullRow(spark, "true AS b, CAST(-128 AS TINYINT) AS t, CAST(32767 AS SMALLINT) AS s, "
          + "2147483647 AS i, -9223372036854775808 AS l, CAST(1.25 AS FLOAT) AS f, CAST(-2.5e300 AS DOUBLE) AS d, "
          + "CAST('NaN' AS DOUBLE) AS nan, CAST('-Infinity' AS DOUBLE) AS inf");
      Row row = rows.get(0);
      assertEquals(true, row.get(0));
      assertEquals((byte) -128, row.get(1));
      assertEquals((short) 32767, row.get(2));
      assertEquals(Integer.MAX_VALUE, row.get(3));
      assertEquals(Long.MIN_VALUE, row.getLong(4));
      assertEquals(1.25f, row.get(5));
      assertEquals(-2.5e300, row.getDouble(6));
      assertTrue(Double.isNaN(row.getDouble(7)));
      assertEquals(Double.NEGATIVE_INFINITY, row.getDouble(8));
      StructType schema = row.schema();
      assertEquals(List.of(DataTypes.BooleanType, DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
          DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType),
          schema.fields().subList(0, 7).stream().map(f -> f.dataType()).collect(java.util.stream.Collectors.toList()));
      assertSecondRowNull(rows);
    }
  }

  @SparkConnectTest
  void decimalsUpToPrecision38(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = withNullRow(spark, "CAST('12345678901234567890.123456789012345678' AS DECIMAL(38,18)) AS big, "
          + "CAST('-0.01' AS DECIMAL(10,2)) AS small, CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0)) AS max");
      Row row = rows.get(0);
      assertEquals(new BigDecimal("12345678901234567890.123456789012345678"), row.getDecimal(0));
      assertEquals(new BigDecimal("-0.01"), row.getDecimal(1));
      assertEquals(new BigDecimal("99999999999999999999999999999999999999"), row.getDecimal("max"));
      assertEquals(new DecimalType(38, 18), row.schema().field(0).dataType());
      assertSecondRowNull(rows);
    }
  }

  @SparkConnectTest
  void stringsAndBinary(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = withNullRow(spark, "'héllo wörld ✓ 🚀' AS u, '' AS empty, X'CAFE00FF' AS bin, "
          + "CAST('ab' AS CHAR(4)) AS c, CAST('xy' AS VARCHAR(10)) AS v");
      Row row = rows.get(0);
      assertEquals("héllo wörld ✓ 🚀", row.getString(0));
      assertEquals("", row.getString(1));
      assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, (byte) 0xFF}, row.getBinary(2));
      assertEquals("ab", row.getString(3), "a cast to CHAR in an expression is not padded; only CHAR columns are");
      assertEquals("xy", row.getString(4));
      assertEquals(DataTypes.BinaryType, row.schema().field(2).dataType());
      assertSecondRowNull(rows);
    }
  }

  @SparkConnectTest
  void datesAndTimestampsInTheSessionTimeZone(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String select = "DATE'2024-02-29' AS d, DATE'0001-01-01' AS first_day, DATE'9999-12-31' AS last_day, "
          + "TIMESTAMP'2024-01-02 03:04:05.123456' AS ts, TIMESTAMP'1969-12-31 23:59:59.999999' AS before_epoch, "
          + "TIMESTAMP_NTZ'2024-01-02 03:04:05.123456' AS ntz";
      List<Row> rows = withNullRow(spark, select);
      Row row = rows.get(0);
      assertEquals(LocalDate.of(2024, 2, 29), row.getDate(0));
      assertEquals(LocalDate.of(1, 1, 1), row.getDate(1));
      assertEquals(LocalDate.of(9999, 12, 31), row.getDate(2));
      assertEquals(Instant.parse("2024-01-02T03:04:05.123456Z"), row.getTimestamp(3));
      assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), row.getTimestamp(4));
      assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), row.getLocalDateTime(5));
      assertEquals(DataTypes.TimestampType, row.schema().field(3).dataType());
      assertEquals(DataTypes.TimestampNTZType, row.schema().field(5).dataType());
      assertSecondRowNull(rows);

      spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
      Row pacific = spark.sql("SELECT TIMESTAMP'2024-01-02 03:04:05' AS ts, "
          + "TIMESTAMP_NTZ'2024-01-02 03:04:05' AS ntz").first();
      assertEquals(Instant.parse("2024-01-02T11:04:05Z"), pacific.getTimestamp(0));
      assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), pacific.getLocalDateTime(1));
    }
  }

  @SparkConnectTest
  void ansiIntervals(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = withNullRow(spark, "INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '-3' MONTH AS m, "
          + "INTERVAL '1 02:03:04.5' DAY TO SECOND AS dt, INTERVAL '-90' MINUTE AS mins");
      Row row = rows.get(0);
      assertEquals(Period.of(1, 2, 0), row.get(0));
      assertEquals(Period.ofMonths(-3), row.get(1));
      assertEquals(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500), row.get(2));
      assertEquals(Duration.ofMinutes(-90), row.get(3));
      assertEquals(IntervalType.yearMonth(0, 1), row.schema().field(0).dataType());
      assertEquals(IntervalType.dayTime(0, 3), row.schema().field(2).dataType());
      assertSecondRowNull(rows);
    }
  }

  @SparkConnectTest
  void arraysMapsAndStructsNestedWithNulls(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = withNullRow(spark, "array(1, NULL, 3) AS ints, array(array('a'), array(), NULL) AS nested, "
          + "map('x', 1, 'y', NULL) AS m, map(1, array('p', 'q')) AS m2, "
          + "named_struct('a', 1, 'b', named_struct('c', 'x', 'd', array(named_struct('e', 1.5D)))) AS deep, "
          + "array(named_struct('k', 'v', 'n', NULL)) AS structs, map('s', named_struct('z', true)) AS struct_values");
      Row row = rows.get(0);
      assertEquals(Arrays.asList(1, null, 3), row.getList(0));
      assertEquals(Arrays.asList(List.of("a"), List.of(), null), row.getList(1));
      Map<String, Integer> m = new LinkedHashMap<>();
      m.put("x", 1);
      m.put("y", null);
      assertEquals(m, row.getMap(2));
      assertEquals(List.of("x", "y"), List.copyOf(row.<String, Integer>getMap(2).keySet()), "entry order kept");
      assertEquals(Map.of(1, List.of("p", "q")), row.getMap(3));
      Row deep = row.getStruct(4);
      assertEquals(1, deep.getInt(0));
      Row b = deep.getStruct("b");
      assertEquals("x", b.getString("c"));
      Row e = (Row) b.getList("d").get(0);
      assertEquals(1.5, e.getDouble(0));
      assertEquals(List.of("e"), e.schema().fieldNames());
      Row inArray = (Row) row.getList(5).get(0);
      assertEquals("v", inArray.getString(0));
      assertTrue(inArray.isNullAt(1));
      Row inMap = (Row) row.getMap(6).get("s");
      assertEquals(true, inMap.getBoolean(0));
      assertEquals(new ArrayType(DataTypes.IntegerType, true), row.schema().field(0).dataType());
      assertTrue(row.schema().field(2).dataType() instanceof MapType);
      assertTrue(row.schema().field(4).dataType() instanceof StructType);
      assertSecondRowNull(rows);
    }
  }

  @SparkConnectTest
  void nullTypeAndEmptyResultsKeepTheirSchema(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Row row = spark.sql("SELECT NULL AS n").first();
      assertNull(row.get(0));
      assertEquals(DataTypes.NullType, row.schema().field(0).dataType());
      assertEquals(List.of(), spark.sql("SELECT 1 AS a WHERE false").collect());
    }
  }

  @SparkConnectTest
  void manyBatchesOfMixedTypes(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = spark.sql("SELECT id, IF(id % 7 = 0, NULL, CAST(id AS STRING)) AS s, "
          + "CAST(id AS DECIMAL(20,2)) / 4 AS d, array(id, id + 1) AS a FROM range(25000)").collect();
      assertEquals(25_000, rows.size());
      for (int i = 0; i < rows.size(); i += 997) {
        Row row = rows.get(i);
        assertEquals(i, row.getLong(0));
        assertEquals(i % 7 == 0 ? null : Integer.toString(i), row.getString(1));
        assertEquals(0, new BigDecimal(i).divide(new BigDecimal(4)).compareTo(row.getDecimal(2)));
        assertEquals(List.of((long) i, (long) i + 1), row.getList(3));
      }
    }
  }

  @SparkConnectTest
  void variantsOn4xRenderAsJson(SparkConnectServer server) {
    if (server.sparkVersion().startsWith("3.")) {
      try (SparkSession spark = connect(server)) {
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT parse_json('1')").collect(),
            "3.5 servers have no variant type");
      }
      return;
    }
    try (SparkSession spark = connect(server)) {
      String json = "{\"a\":1,\"b\":[true,null,\"x\",2.5],\"c\":{\"d\":-7,\"e\":\"long string that is "
          + "more than sixty-three bytes so it is not stored as a short string\"},\"f\":12345678901}";
      Row row = spark.sql("SELECT parse_json('" + json + "') AS v, parse_json('null') AS n, "
          + "CAST(NULL AS VARIANT) AS missing").first();
      assertEquals(DataTypes.VariantType, row.schema().field(0).dataType());
      Variant variant = (Variant) row.get(0);
      String expected = spark.sql("SELECT to_json(parse_json('" + json + "'))").first().getString(0);
      assertEquals(expected, variant.toJson());
      assertEquals("null", ((Variant) row.get(1)).toJson());
      assertNull(row.get(2));
    }
  }

  @SparkConnectTest
  void timeOfDayOn41WhenEnabled(SparkConnectServer server) {
    if (server.sparkVersion().compareTo("4.1") < 0) {
      try (SparkSession spark = connect(server)) {
        assertThrows(SparkServerException.class, () -> spark.sql("SELECT TIME'12:34:56' AS t").collect(),
            "servers before 4.1 have no TIME type");
      }
      return;
    }
    try (SparkSession spark = connect(server)) {
      spark.conf().set("spark.sql.timeType.enabled", "true");
      List<Row> rows = withNullRow(spark, "TIME'12:34:56.123456' AS t, TIME'00:00:00' AS midnight");
      assertEquals(java.time.LocalTime.of(12, 34, 56, 123_456_000), rows.get(0).get(0));
      assertEquals(java.time.LocalTime.MIDNIGHT, rows.get(0).get(1));
      assertEquals(io.sparkconnect.sql.types.SizedType.timeType(6), rows.get(0).schema().field(0).dataType());
      assertSecondRowNull(rows);
    }
  }
}
