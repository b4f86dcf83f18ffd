package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;

/** A column of Java objects: strings, decimals, temporal values, lists, maps and structs. */
final class ObjectColumn implements DecodedColumn {
  private final Object[] values;
  private final String typeName;

  ObjectColumn(Object[] values, String typeName) {
    this.values = values;
    this.typeName = typeName;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int row) {
    return values[row] == null;
  }

  @Override
  public Object get(int row) {
    return values[row];
  }

  @Override
  public String typeName() {
    return typeName;
  }
}
