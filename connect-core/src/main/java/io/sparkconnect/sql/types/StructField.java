package io.sparkconnect.sql.types;

import java.util.Objects;

/** A named, typed field of a {@link StructType}, with its nullability and optional JSON metadata. */
public final class StructField {
  private final String name;
  private final DataType dataType;
  private final boolean nullable;
  private final String metadata;

  public StructField(String name, DataType dataType, boolean nullable) {
    this(name, dataType, nullable, null);
  }

  public StructField(String name, DataType dataType, boolean nullable, String metadata) {
    this.name = Objects.requireNonNull(name, "name");
    this.dataType = Objects.requireNonNull(dataType, "dataType");
    this.nullable = nullable;
    this.metadata = metadata;
  }

  public String name() {
    return name;
  }

  public DataType dataType() {
    return dataType;
  }

  public boolean nullable() {
    return nullable;
  }

  /** The field's metadata as JSON, or null. */
  public String metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StructField)) {
      return false;
    }
    StructField that = (StructField) other;
    return name.equals(that.name) && dataType.equals(that.dataType) && nullable == that.nullable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, nullable);
  }

  @Override
  public String toString() {
    return "StructField(" + name + "," + dataType.simpleString() + "," + nullable + ")";
  }
}
