package io.sparkconnect.sql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Options of a writer, with keys compared ignoring case as Spark does: setting {@code Header} after {@code header}
 * replaces it, keeping the latest spelling. Not thread-safe.
 */
final class WriteOptions {
  private final Map<String, Map.Entry<String, String>> byLowerKey = new LinkedHashMap<>();

  void put(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, () -> "value of option " + key);
    byLowerKey.put(key.toLowerCase(Locale.ROOT), Map.entry(key, value));
  }

  void putAll(Map<String, ?> options) {
    Objects.requireNonNull(options, "options").forEach((key, value) ->
        put(key, String.valueOf(Objects.requireNonNull(value, () -> "value of option " + key))));
  }

  /** The options in the order they were first set, under their latest spelling. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    byLowerKey.values().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    return map;
  }
}
