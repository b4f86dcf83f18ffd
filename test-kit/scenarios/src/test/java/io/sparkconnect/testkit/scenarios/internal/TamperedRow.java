package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;

/** A row of a server's answer with one value replaced, as a test tampers with it. */
final class TamperedRow implements Row {
  private final Row row;
  private final int index;
  private final Object value;

  TamperedRow(Row row, int index, Object value) {
    this.row = row;
    this.index = index;
    this.value = value;
  }

  @Override
  public int size() {
    return row.size();
  }

  @Override
  public Object get(int i) {
    return i == index ? value : row.get(i);
  }

  @Override
  public StructType schema() {
    return row.schema();
  }

  @Override
  public String toString() {
    return row + " with value " + index + " tampered to " + value;
  }
}
