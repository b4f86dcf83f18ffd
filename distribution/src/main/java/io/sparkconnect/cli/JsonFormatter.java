package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints rows as JSON Lines: one object per row, keyed by column name. Numbers and booleans stay JSON numbers and
 * booleans, binary is base64, dates and timestamps are ISO-8601 strings.
 */
final class JsonFormatter implements OutputFormat.Formatter {
  @Override
  public void write(StructType schema, List<Row> rows, PrintWriter out) {
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      appendRow(line, row);
      out.println(line);
    }
  }

  private static void appendRow(StringBuilder out, Row row) {
    out.append('{');
    List<String> names = row.schema().fieldNames();
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(out, names.get(i));
      out.append(':');
      appendValue(out, row.get(i));
    }
    out.append('}');
  }

  private static void appendValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Byte || value instanceof Short
        || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        out.append(value);
      } else {
        appendString(out, value.toString());
      }
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toPlainString());
    } else if (value instanceof byte[]) {
      appendString(out, Base64.getEncoder().encodeToString((byte[]) value));
    } else if (value instanceof Row) {
      appendRow(out, (Row) value);
    } else if (value instanceof List) {
      out.append('[');
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendValue(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        appendString(out, ValueText.of(entry.getKey()));
        out.append(':');
        appendValue(out, entry.getValue());
        if (entries.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else {
      appendString(out, value.toString());
    }
  }

  static void appendString(StringBuilder out, String text) {
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
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
