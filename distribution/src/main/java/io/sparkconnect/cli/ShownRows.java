package io.sparkconnect.cli;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** The rows {@code spark-connect sql} prints: at most {@code --max-rows} of a result, noting whether more followed. */
final class ShownRows implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final long cap;
  private long taken;
  private Row first;

  ShownRows(Iterator<Row> rows, long cap) {
    this.rows = rows;
    this.cap = cap;
  }

  /** The schema of the first row, read ahead, or {@code whenEmpty}'s for a result without rows; call it first. */
  StructType schema(Supplier<StructType> whenEmpty) {
    if (rows.hasNext()) {
      first = rows.next();
      return first.schema();
    }
    return whenEmpty.get();
  }

  @Override
  public boolean hasNext() {
    return taken < cap && (first != null || rows.hasNext());
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    taken++;
    if (first != null) {
      Row row = first;
      first = null;
      return row;
    }
    return rows.next();
  }

  /** Whether the result had rows beyond the cap. */
  boolean more() {
    return taken >= cap && (first != null || rows.hasNext());
  }
}
