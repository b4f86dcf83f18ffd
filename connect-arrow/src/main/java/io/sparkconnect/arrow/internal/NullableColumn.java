package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import java.util.BitSet;

/** A decoded column that keeps its nulls in a bit set and builds a value only when one is read. */
abstract class NullableColumn implements DecodedColumn {
  private final BitSet nulls;
  private final int size;

  /** @param nulls the null positions, or null when there are none */
  NullableColumn(BitSet nulls, int size) {
    this.nulls = nulls;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls.get(row);
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : box(row);
  }

  /** The value at a row that is not null. */
  abstract Object box(int row);
}
