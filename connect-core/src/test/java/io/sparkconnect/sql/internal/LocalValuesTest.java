package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values checked against their schema and turned into the encoder's values; the JSON and Arrow forms of schemas. */
class LocalValuesTest {
  private static final StructType INNER = StructType.empty().add("x", DataTypes.IntegerType, false)
      .add("tags", new ArrayType(DataTypes.StringType, false));
  private static final StructType SCHEMA = StructType.empty()
      .add("id", DataTypes.LongType, false)
      .add("price", new DecimalType(5, 2))
      .add("day", DataTypes.DateType)
      .add("at", DataTypes.TimestampType)
      .add("ym", IntervalType.yearMonth(0, 1))
      .add("nums", DataTypes.createArrayType(DataTypes.IntegerType))
      .add("m", new MapType(DataTypes.StringType, INNER, true))
      .add("s", INNER);

  private final LocalValues values = new LocalValues(SCHEMA);

  @Test
  void valuesAreConvertedToTheEncodersForms() {
    Map<String, Row> map = new LinkedHashMap<>();
    map.put("k", Row.of(1, List.of("a")));
    map.put("n", null);
    Object[] row = values.row(Row.of(7L, new BigDecimal("1.005"), java.sql.Date.valueOf("2024-02-29"),
        java.sql.Timestamp.from(Instant.ofEpochSecond(5, 123_000)), Period.ofYears(2), new int[] {1, 2}, map,
        Row.of(3, new String[] {"b"})), 0);
    assertEquals(7L, row[0]);
    assertEquals(new BigDecimal("1.01"), row[1]);
    assertEquals(LocalDate.of(2024, 2, 29), row[2]);
    assertEquals(Instant.ofEpochSecond(5, 123_000), row[3]);
    assertEquals(List.of(1, 2), row[5]);
    Map<?, ?> converted = (Map<?, ?>) row[6];
    assertEquals(List.of("k", "n"), List.copyOf(converted.keySet()));
    assertArrayEquals(new Object[] {1, List.of("a")}, (Object[]) converted.get("k"));
    assertArrayEquals(new Object[] {3, List.of("b")}, (Object[]) row[7]);
    assertEquals(new BigDecimal("12.00"), values.row(Row.of(1L, BigInteger.valueOf(12), null, null, null, null,
        null, null), 0)[1]);
  }

  @Test
  void mismatchesNameRowColumnAndTypes() {
    assertBad(Row.of(1, null, null, null, null, null, null, null),
        "Row 4, column 'id' (bigint): expected java.lang.Long, got java.lang.Integer (1)");
    assertBad(Row.of(null, null, null, null, null, null, null, null),
        "Row 4, column 'id' (bigint) is not nullable, but its value is null");
    assertBad(Row.of(1L, new BigDecimal("1000"), null, null, null, null, null, null),
        "Row 4, column 'price' (decimal(5,2)): 1000 needs more than the 5 digits of decimal(5,2)");
    assertBad(Row.of(1L, 1.5, null, null, null, null, null, null),
        "Row 4, column 'price' (decimal(5,2)): expected java.math.BigDecimal or java.math.BigInteger, got "
            + "java.lang.Double (1.5)");
    assertBad(Row.of(1L, null, "2024-01-01", null, null, null, null, null),
        "Row 4, column 'day' (date): expected java.time.LocalDate or java.sql.Date, got java.lang.String "
            + "(2024-01-01)");
    assertBad(Row.of(1L, null, null, null, Period.ofDays(3), null, null, null),
        "Row 4, column 'ym' (interval year to month): P3D has days, which a year-month interval cannot hold; use "
            + "Period.ofMonths or Period.ofYears");
    assertBad(Row.of(1L, null, null, null, null, Arrays.asList(1, 2L), null, null),
        "Row 4, column 'nums[1]' (int): expected java.lang.Integer, got java.lang.Long (2)");
    assertBad(Row.of(1L, null, null, null, null, null, Map.of("k", Row.of(1, Arrays.asList("a", null))), null),
        "Row 4, column 'm[k].tags[1]' (string) is not nullable, but its value is null");
    assertBad(Row.of(1L, null, null, null, null, null, Map.of(5, Row.of(1, List.of())), null),
        "Row 4, column 'm.key' (string): expected java.lang.String, got java.lang.Integer (5)");
    assertBad(Row.of(1L, null, null, null, null, null, null, Row.of(null, List.of())),
        "Row 4, column 's.x' (int) is not nullable, but its value is null");
    assertBad(Row.of(1L, null, null, null, null, null, null, List.of(1, List.of())),
        "Row 4, column 's' (struct<x:int,tags:array<string>>): expected a Row, got "
            + "java.util.ImmutableCollections$List12 ([1, []])");
    assertBad(Row.of(1L, null, null, null, null, null, null, Row.of(1)),
        "Row 4, column 's' (struct<x:int,tags:array<string>>): expected a Row of 2 values, got one of 1");
    assertBad(Row.of(1L), "Row 4 has 1 values, but the schema has 8 columns [id, price, day, at, ym, nums, m, s]");
  }

  @Test
  void schemasInJsonAndArrow() {
    assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,"
        + "\"metadata\":{}},{\"name\":\"price\",\"type\":\"decimal(5,2)\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"day\",\"type\":\"date\",\"nullable\":true,\"metadata\":{}},{\"name\":\"at\",\"type\":"
        + "\"timestamp\",\"nullable\":true,\"metadata\":{}},{\"name\":\"ym\",\"type\":\"interval year to month\","
        + "\"nullable\":true,\"metadata\":{}},{\"name\":\"nums\",\"type\":{\"type\":\"array\",\"elementType\":"
        + "\"integer\",\"containsNull\":true},\"nullable\":true,\"metadata\":{}},{\"name\":\"m\",\"type\":{\"type\":"
        + "\"map\",\"keyType\":\"string\",\"valueType\":{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":"
        + "\"integer\",\"nullable\":false,\"metadata\":{}},{\"name\":\"tags\",\"type\":{\"type\":\"array\","
        + "\"elementType\":\"string\",\"containsNull\":false},\"nullable\":true,\"metadata\":{}}]},"
        + "\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}},{\"name\":\"s\",\"type\":{\"type\":"
        + "\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}},"
        + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":false},"
        + "\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}]}", SchemaJson.of(SCHEMA));
    assertEquals("Schema<id: Int(64, true) not null, price: Decimal(5, 2, 128), day: Date(DAY), "
        + "at: Timestamp(MICROSECOND, UTC), ym: Interval(YEAR_MONTH), nums: List<element: Int(32, true)>, "
        + "m: Map(false)<entries: Struct<key: Utf8 not null, value: Struct<x: Int(32, true) not null, "
        + "tags: List<element: Utf8 not null>>> not null>, s: Struct<x: Int(32, true) not null, "
        + "tags: List<element: Utf8 not null>>>", SparkArrowSchema.of(SCHEMA).toString());
    assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"a \\\"q\\\"\",\"type\":\"void\",\"nullable\":true,"
        + "\"metadata\":{\"comment\":\"c\"}}]}", SchemaJson.of(new StructType(List.of(
            new io.sparkconnect.sql.types.StructField("a \"q\"", DataTypes.NullType, true, "{\"comment\":\"c\"}")))));
    assertEquals("Column 's.v' has type geometry(0), which cannot be sent as local data; use a type of the "
        + "client's type table, or cast a supported column on the server",
        assertThrows(IllegalArgumentException.class, () -> SparkArrowSchema.of(StructType.empty().add("s",
            StructType.empty().add("v", new io.sparkconnect.sql.types.OtherType("geometry(0)"))))).getMessage());
  }

  private void assertBad(Row row, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> values.row(row, 4)).getMessage());
  }
}
