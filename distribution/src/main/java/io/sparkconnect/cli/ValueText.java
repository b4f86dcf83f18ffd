package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders values as Spark's {@code show()} does: NULL, [a, b], {k -> v}, {a, b} for structs, hex for binary. */
final class ValueText {
  private ValueText() {}

  static String of(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[]) {
      return "[" + HexFormat.ofDelimiter(" ").withUpperCase().formatHex((byte[]) value) + "]";
    }
    if (value instanceof List) {
      return join((List<?>) value, "[", "]");
    }
    if (value instanceof Map) {
      StringBuilder out = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        out.append(of(entry.getKey())).append(" -> ").append(of(entry.getValue()));
        if (entries.hasNext()) {
          out.append(", ");
        }
      }
      return out.append('}').toString();
    }
    if (value instanceof Row) {
      return join(((Row) value).toList(), "{", "}");
    }
    return value.toString();
  }

  private static String join(List<?> values, String open, String close) {
    StringBuilder out = new StringBuilder(open);
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(of(values.get(i)));
    }
    return out.append(close).toString();
  }
}
