package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Prints rows as a bordered table, as Spark's {@code show()} does, with full values (nothing is cut). */
final class TableFormatter implements OutputFormat.Formatter {
  @Override
  public void write(StructType schema, Iterator<Row> rows, PrintWriter out) {
    int columns = schema.size();
    List<String[]> cells = new ArrayList<>();
    cells.add(schema.fieldNames().toArray(new String[0]));
    while (rows.hasNext()) {
      Row row = rows.next();
      String[] line = new String[columns];
      for (int i = 0; i < columns; i++) {
        line[i] = ValueText.of(row.get(i));
      }
      cells.add(line);
    }
    int[] widths = new int[columns];
    for (String[] line : cells) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Math.max(3, line[i].codePointCount(0, line[i].length())));
      }
    }
    String border = border(widths);
    out.println(border);
    out.println(line(cells.get(0), widths));
    out.println(border);
    for (int r = 1; r < cells.size(); r++) {
      out.println(line(cells.get(r), widths));
    }
    out.println(border);
    int count = cells.size() - 1;
    out.println(count == 1 ? "(1 row)" : "(" + count + " rows)");
  }

  private static String border(int[] widths) {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width)).append('+');
    }
    return out.toString();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      int pad = widths[i] - cells[i].codePointCount(0, cells[i].length());
      out.append(" ".repeat(pad)).append(cells[i]).append('|');
    }
    return out.toString();
  }
}
