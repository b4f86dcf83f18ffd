package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code spark-connect sql --format json} prints for each kind of value Spark returns. */
class JsonFormatterTest {
  /** A row of alternating column names and values; the formatter only looks at the names and the values. */
  private static Row row(Object... namesAndValues) {
    StructType schema = StructType.empty();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      schema = schema.add((String) namesAndValues[i], DataTypes.StringType);
      values.add(namesAndValues[i + 1]);
    }
    StructType fields = schema;
    return new Row() {
      @Override
      public int size() {
        return values.size();
      }

      @Override
      public Object get(int i) {
        return values.get(i);
      }

      @Override
      public StructType schema() {
        return fields;
      }
    };
  }

  private static String format(Row... rows) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      new JsonFormatter().write(StructType.empty(), List.of(rows).iterator(), writer);
    }
    return out.toString();
  }

  @Test
  void numbersAndBooleansStayJsonNumbersAndBooleans() {
    assertEquals("{\"n\":null,\"t\":true,\"b\":-8,\"s\":300,\"i\":70000,\"l\":9007199254740993,\"f\":1.1,"
        + "\"d\":0.1,\"whole\":2.0,\"big\":1.0E20}\n",
        format(row("n", null, "t", true, "b", (byte) -8, "s", (short) 300, "i", 70000, "l", 9007199254740993L,
            "f", 1.1f, "d", 0.1, "whole", 2.0, "big", 1e20)));
  }

  @Test
  void notANumberAndInfinitiesAreStrings() {
    assertEquals("{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\",\"d\":\"NaN\"}\n",
        format(row("a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", Float.NEGATIVE_INFINITY, "d", Float.NaN)));
  }

  @Test
  void decimalsAreNumbersInPlainNotation() {
    assertEquals("{\"a\":123.4500,\"b\":1000,\"c\":0.0000000001,\"d\":-12345678901234567890.123456789012345678}\n",
        format(row("a", new BigDecimal("123.4500"), "b", new BigDecimal("1E+3"), "c", new BigDecimal("1E-10"),
            "d", new BigDecimal("-12345678901234567890.123456789012345678"))));
  }

  @Test
  void stringsAreEscapedAndOtherTextStaysAsItIs() {
    assertEquals("{\"q\\\"t\":\"a\\\"b \\\\ \\n\\r\\t \\u0001 \\u001f é 日本 </script> & \ud83d\ude00\"}\n",
        format(row("q\"t", "a\"b \\ \n\r\t \u0001 \u001f é 日本 </script> & \ud83d\ude00")));
  }

  @Test
  void binaryIsBase64AndTimeValuesAreIsoText() {
    assertEquals("{\"bin\":\"AAH/+w==\",\"date\":\"2024-02-29\",\"ts\":\"2024-02-29T12:30:00.123456Z\","
        + "\"ntz\":\"2024-02-29T12:30\",\"dt\":\"PT1H30M\",\"ym\":\"P1Y2M\"}\n",
        format(row("bin", new byte[] {0, 1, (byte) 0xff, (byte) 0xfb}, "date", LocalDate.of(2024, 2, 29),
            "ts", Instant.parse("2024-02-29T12:30:00.123456Z"), "ntz", LocalDateTime.of(2024, 2, 29, 12, 30),
            "dt", Duration.ofMinutes(90), "ym", Period.of(1, 2, 0))));
  }

  @Test
  void arraysMapsAndStructsNest() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, List.of("x"));
    map.put(null, null);
    map.put(List.of(2, 3), Map.of("k", 2.5));
    Row struct = row("a", 1, "b", row("c", Arrays.asList(null, new byte[] {1})));
    assertEquals("{\"list\":[1,null,[2,3]],\"map\":{\"1\":[\"x\"],\"NULL\":null,\"[2, 3]\":{\"k\":2.5}},"
        + "\"struct\":{\"a\":1,\"b\":{\"c\":[null,\"AQ==\"]}},\"empty\":[]}\n",
        format(row("list", Arrays.asList(1, null, List.of(2, 3)), "map", map, "struct", struct, "empty", List.of())));
  }

  @Test
  void writesOneLinePerRowAndNothingForNoRows() {
    assertEquals("{\"id\":1,\"id\":\"dup\"}\n{}\n{\"id\":3,\"id\":null}\n",
        format(row("id", 1, "id", "dup"), row(), row("id", 3, "id", null)));
    assertEquals("", format());
  }
}
