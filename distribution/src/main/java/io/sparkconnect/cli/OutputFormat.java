package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.util.List;

/** How {@code spark-connect sql} prints rows. */
enum OutputFormat {
  table(new TableFormatter()),
  csv(new CsvFormatter()),
  json(new JsonFormatter());

  private final Formatter formatter;

  OutputFormat(Formatter formatter) {
    this.formatter = formatter;
  }

  Formatter formatter() {
    return formatter;
  }

  /** Writes a result's rows in one format. */
  interface Formatter {
    void write(StructType schema, List<Row> rows, PrintWriter out);
  }
}
