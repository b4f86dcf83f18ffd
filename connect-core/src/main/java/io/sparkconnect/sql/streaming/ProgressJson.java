package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkconnect.sql.SparkConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reads the JSON Spark writes for progress reports and listener events; absent numbers read as NaN or -1. */
final class ProgressJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressJson() {}

  static JsonNode parse(String json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new SparkConnectException("The server sent " + what + " that is not a JSON object: " + json);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SparkConnectException("The server sent " + what + " that is not valid JSON: " + json, e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static UUID uuid(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : UUID.fromString(text);
  }

  static long longValue(JsonNode node, String field, long absent) {
    JsonNode value = node.get(field);
    return value == null || !value.isNumber() ? absent : value.asLong();
  }

  /** Spark leaves out NaN and infinite rates, so a missing rate is NaN. */
  static double doubleValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Double.NaN;
    }
    return value.isNumber() ? value.asDouble() : parseDouble(value.asText());
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A nested JSON value (offsets, metrics) as compact JSON text; null when absent. */
  static String raw(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  static Map<String, Long> longs(JsonNode node, String field) {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonNode map = node.get(field);
    if (map != null && map.isObject()) {
      map.properties().forEach(entry -> out.put(entry.getKey(), entry.getValue().asLong()));
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, String> texts(JsonNode node, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode map = node.get(field);
    if (map != null && map.isObject()) {
      map.properties().forEach(entry -> out.put(entry.getKey(),
          entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()));
    }
    return Collections.unmodifiableMap(out);
  }

  static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
    List<T> out = new ArrayList<>();
    JsonNode array = node.get(field);
    if (array != null && array.isArray()) {
      array.forEach(item -> out.add(element.apply(item)));
    }
    return Collections.unmodifiableList(out);
  }
}
