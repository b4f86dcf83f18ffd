package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {
  @Test
  void readsStringArrays() {
    assertEquals(List.of("a", "b\"c", "d\\e", "\u00e9"), MiniJson.stringArray("[\"a\", \"b\\\"c\",\"d\\\\e\",\"\\u00e9\"]"));
    assertEquals(List.of(), MiniJson.stringArray("[]"));
    assertEquals(List.of(), MiniJson.stringArray("not json"));
    assertEquals(List.of(), MiniJson.stringArray(null));
  }

  @Test
  void readsFlatObjects() {
    assertEquals(Map.of("relationName", "`x`", "n", "3"), MiniJson.stringObject("{\"relationName\":\"`x`\", \"n\": 3}"));
    assertEquals(Map.of(), MiniJson.stringObject("{"));
  }
}
