package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.types.StructType;

/** A row of values without a schema, as {@code Row.of} makes it; values are read by position. */
public final class ValuesRow extends AbstractRow {
  private final Object[] values;

  /** A row of a copy of {@code values}. */
  public ValuesRow(Object[] values) {
    this.values = values.clone();
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  /** Null: the row has no schema. */
  @Override
  public StructType schema() {
    return null;
  }

  @Override
  public int fieldIndex(String name) {
    throw new UnsupportedOperationException("This row was made by Row.of and has no schema, so it has no field '"
        + name + "'; read its values by position");
  }
}
