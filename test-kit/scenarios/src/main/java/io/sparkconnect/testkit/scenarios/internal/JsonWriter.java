package io.sparkconnect.testkit.scenarios.internal;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON text for reports: objects from maps, arrays from iterables and primitive arrays, numbers, strings,
 * booleans and null. Escapes {@code <}, {@code >} and {@code &} too, so the text can sit inside an HTML script tag.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value);
    return writer.out.toString();
  }

  private void value(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string((String) value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      number(((Number) value).doubleValue());
    } else if (value instanceof Number) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Map) {
      object((Map<?, ?>) value);
    } else if (value instanceof Iterable) {
      array(((Iterable<?>) value).iterator());
    } else if (value instanceof double[]) {
      double[] numbers = (double[]) value;
      out.append('[');
      for (int i = 0; i < numbers.length; i++) {
        out.append(i == 0 ? "" : ",");
        number(numbers[i]);
      }
      out.append(']');
    } else if (value instanceof long[]) {
      long[] numbers = (long[]) value;
      out.append('[');
      for (int i = 0; i < numbers.length; i++) {
        out.append(i == 0 ? "" : ",").append(numbers[i]);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private void number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
  }

  private void object(Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      string(String.valueOf(entry.getKey()));
      out.append(':');
      value(entry.getValue());
    }
    out.append('}');
  }

  private void array(Iterator<?> items) {
    out.append('[');
    boolean first = true;
    while (items.hasNext()) {
      out.append(first ? "" : ",");
      first = false;
      value(items.next());
    }
    out.append(']');
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
