package io.sparkconnect.sql.types;

import java.util.Objects;

/** A map from keys to values; values are {@code java.util.Map} in the server's entry order. */
public final class MapType extends DataType {
  private final DataType keyType;
  private final DataType valueType;
  private final boolean valueContainsNull;

  public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
    this.valueContainsNull = valueContainsNull;
  }

  public DataType keyType() {
    return keyType;
  }

  public DataType valueType() {
    return valueType;
  }

  public boolean valueContainsNull() {
    return valueContainsNull;
  }

  @Override
  public String simpleString() {
    return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
  }

  @Override
  public String sql() {
    return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MapType)) {
      return false;
    }
    MapType that = (MapType) other;
    return keyType.equals(that.keyType) && valueType.equals(that.valueType)
        && valueContainsNull == that.valueContainsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyType, valueType, valueContainsNull);
  }
}
