package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;

/** A row held as an array of values: struct values and rows built by the client. */
public final class GenericRow implements Row {
  private final StructType schema;
  private final Object[] values;

  public GenericRow(StructType schema, Object[] values) {
    if (schema.size() != values.length) {
      throw new IllegalArgumentException(values.length + " values for a schema of " + schema.size() + " fields");
    }
    this.schema = schema;
    this.values = values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row && Rows.equal(this, (Row) other);
  }

  @Override
  public int hashCode() {
    return Rows.hash(this);
  }

  @Override
  public String toString() {
    return Rows.toString(this);
  }
}
