package io.sparkconnect.testkit.scenarios.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonpCharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes JSON text for reports with Jackson: objects from maps, arrays from iterables and primitive arrays, numbers,
 * strings, booleans and null. Whole doubles below 10^15 are written as integers, non-finite ones as null. Escapes
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 too, so the text can sit inside an HTML script tag.
 */
final class JsonWriter {
  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .characterEscapes(new ScriptSafeEscapes())
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();

  private JsonWriter() {}

  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      value(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to a string failed", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Double || value instanceof Float) {
      number(json, ((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.longValue());
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        value(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof double[] numbers) {
      json.writeStartArray();
      for (double number : numbers) {
        number(json, number);
      }
      json.writeEndArray();
    } else if (value instanceof long[] numbers) {
      json.writeArray(numbers, 0, numbers.length);
    } else {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private static void number(JsonGenerator json, double value) throws IOException {
    if (!Double.isFinite(value)) {
      json.writeNull();
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.writeNumber((long) value);
    } else {
      json.writeNumber(value);
    }
  }

  /** Jackson's JSONP escapes (U+2028 and U+2029) plus {@code <}, {@code >} and {@code &}. */
  private static final class ScriptSafeEscapes extends JsonpCharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }
  }
}
