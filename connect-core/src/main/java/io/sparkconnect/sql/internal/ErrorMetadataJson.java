package io.sparkconnect.sql.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two JSON values in Spark's error metadata: an array of strings ({@code classes}) and an object of
 * values ({@code messageParameters}). Anything else yields an empty result rather than an error, since the
 * metadata only enriches a message the user already gets.
 */
final class ErrorMetadataJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorMetadataJson() {}

  static List<String> stringArray(String json) {
    JsonNode node = parse(json);
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    }
    return values;
  }

  static Map<String, String> stringObject(String json) {
    JsonNode node = parse(json);
    Map<String, String> values = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    }
    return values;
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
