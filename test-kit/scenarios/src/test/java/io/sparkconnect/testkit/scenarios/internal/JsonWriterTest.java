package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void nonFiniteNumbersBecomeNull() {
    assertEquals("[null,null]", JsonWriter.write(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
  }

  @Test
  void refusesUnknownTypes() {
    assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
  }
}
