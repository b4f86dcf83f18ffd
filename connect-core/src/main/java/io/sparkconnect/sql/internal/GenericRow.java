package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.types.StructType;

/** A row held as an array of values: struct values and rows built by the client. */
public final class GenericRow extends AbstractRow {
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
}
