package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void writesNestedValues() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2.5);
    map.put("c", List.of(true, "x"));
    map.put("d", null);
    map.put("e", new double[] {1.0, 0.25});
    map.put("f", Arrays.asList(new long[] {3, 4}));
    assertEquals("{\"a\":1,\"b\":2.5,\"c\":[true,\"x\"],\"d\":null,\"e\":[1,0.25],\"f\":[[3,4]]}",
        JsonWriter.write(map));
  }

  @Test
  void escapesTextSoItCanSitInsideAScriptTag() {
    assertEquals("\"\\u003c/script\\u003e \\\"q\\\" \\\\ \\n \\u0026 \\u0001\"",
        JsonWriter.write("</script> \"q\" \\ \n & \u0001"));
  }

  @Test
  void escapesKeysAndLineSeparatorsButNotOtherText() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("<k>", "\u2028 \u2029 é 日本 /");
    map.put(7, List.of());
    map.put("m", Map.of());
    assertEquals("{\"\\u003ck\\u003e\":\"\\u2028 \\u2029 é 日本 /\",\"7\":[],\"m\":{}}", JsonWriter.write(map));
  }

  @Test
  void wholeDoublesBelow1e15AreWrittenAsIntegersOtherNumbersAsJavaPrintsThem() {
    assertEquals("[1,0,-3,123456789012345,1.0E15,1.0E-7,0.5,0.10000000149011612,-2.5E20]",
        JsonWriter.write(List.of(1.0, -0.0, -3.0, 123456789012345.0, 1e15, 1e-7, 0.5f, 0.1f, -2.5e20)));
    assertEquals("[9223372036854775807,-7,300,2]",
        JsonWriter.write(List.of(Long.MAX_VALUE, -7, (short) 300, new BigDecimal("2.5"))));
    assertEquals("[[],[-1,0]]", JsonWriter.write(List.of(new long[0], new long[] {-1, 0})));
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    assertEquals("[null,null]", JsonWriter.write(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
    assertEquals("[null,1]", JsonWriter.write(new double[] {Double.NEGATIVE_INFINITY, 1.0}));
  }

  @Test
  void refusesUnknownTypes() {
    assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
  }
}
