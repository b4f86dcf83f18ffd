package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import java.util.Objects;

/** A column of a Spark {@code void} type: every value is null, so it holds nothing but its size. */
final class NullColumn implements DecodedColumn {
  private final int size;

  NullColumn(int size) {
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isNull(int row) {
    Objects.checkIndex(row, size);
    return true;
  }

  @Override
  public Object get(int row) {
    Objects.checkIndex(row, size);
    return null;
  }

  @Override
  public String typeName() {
    return "null";
  }
}
