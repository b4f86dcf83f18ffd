package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;

/** Prints rows as RFC 4180 CSV with a header line; null is an empty field. */
final class CsvFormatter implements OutputFormat.Formatter {
  @Override
  public void write(StructType schema, Iterator<Row> rows, PrintWriter out) {
    List<String> names = schema.fieldNames();
    for (int i = 0; i < names.size(); i++) {
      out.print((i == 0 ? "" : ",") + quote(names.get(i)));
    }
    out.print("\r\n");
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        out.print((i == 0 ? "" : ",") + (value == null ? "" : quote(ValueText.of(value))));
      }
      out.print("\r\n");
    }
  }

  static String quote(String text) {
    if (text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
