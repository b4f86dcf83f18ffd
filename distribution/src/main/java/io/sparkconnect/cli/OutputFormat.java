package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.util.Iterator;

/** How {@code spark-connect sql} prints rows. */
enum OutputFormat {
  /** Holds the rows it shows to size its columns, so it shows 1,000 by default. */
  table(new TableFormatter(), 1000),
  /** Streams every row unless {@code --max-rows} is given. */
  csv(new CsvFormatter(), Long.MAX_VALUE),
  /** Streams every row unless {@code --max-rows} is given. */
  json(new JsonFormatter(), Long.MAX_VALUE);

  private final Formatter formatter;
  private final long defaultMaxRows;

  OutputFormat(Formatter formatter, long defaultMaxRows) {
    this.formatter = formatter;
    this.defaultMaxRows = defaultMaxRows;
  }

  Formatter formatter() {
    return formatter;
  }

  /** The most rows printed when {@code --max-rows} is not given. */
  long defaultMaxRows() {
    return defaultMaxRows;
  }

  /** Writes a result's rows in one format, consuming them as they come. */
  interface Formatter {
    void write(StructType schema, Iterator<Row> rows, PrintWriter out);
  }
}
