package io.sparkconnect.sql.types;

import java.util.Objects;

/** An array of one element type; values are {@code java.util.List}. */
public final class ArrayType extends DataType {
  private final DataType elementType;
  private final boolean containsNull;

  public ArrayType(DataType elementType, boolean containsNull) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
    this.containsNull = containsNull;
  }

  public DataType elementType() {
    return elementType;
  }

  public boolean containsNull() {
    return containsNull;
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }

  @Override
  public String sql() {
    return "ARRAY<" + elementType.sql() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArrayType && ((ArrayType) other).elementType.equals(elementType)
        && ((ArrayType) other).containsNull == containsNull;
  }

  @Override
  public int hashCode() {
    return elementType.hashCode() * 31 + Boolean.hashCode(containsNull);
  }
}
