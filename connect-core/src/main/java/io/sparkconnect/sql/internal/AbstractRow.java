package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;

/** Value equality, hashing and text shared by the row implementations. */
abstract class AbstractRow implements Row {
  @Override
  public final boolean equals(Object other) {
    return other instanceof Row && Rows.equal(this, (Row) other);
  }

  @Override
  public final int hashCode() {
    return Rows.hash(this);
  }

  @Override
  public final String toString() {
    return Rows.toString(this);
  }
}
