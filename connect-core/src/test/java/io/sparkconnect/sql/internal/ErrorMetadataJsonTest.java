package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMetadataJsonTest {
  @Test
  void readsStringArrays() {
    assertEquals(List.of("a", "b\"c", "d\\e", "\u00e9"),
        ErrorMetadataJson.stringArray("[\"a\", \"b\\\"c\",\"d\\\\e\",\"\\u00e9\"]"));
    assertEquals(List.of(), ErrorMetadataJson.stringArray("[]"));
    assertEquals(List.of(), ErrorMetadataJson.stringArray("not json"));
    assertEquals(List.of(), ErrorMetadataJson.stringArray(null));
  }

  @Test
  void readsObjectsOfValuesAsText() {
    assertEquals(Map.of("relationName", "`x`", "n", "3"),
        ErrorMetadataJson.stringObject("{\"relationName\":\"`x`\", \"n\": 3}"));
    assertEquals(Map.of(), ErrorMetadataJson.stringObject("{"));
  }
}
