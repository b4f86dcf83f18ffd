package io.sparkconnect.sql.types;

import java.util.Objects;

/**
 * A string with a collation other than the default {@code UTF8_BINARY} (Spark 4.0+), such as {@code string collate
 * UTF8_LCASE}; values are {@code String}. Get instances from {@link DataTypes#createStringType(String)}.
 */
public final class CollatedStringType extends DataType {
  private final String collation;

  CollatedStringType(String collation) {
    this.collation = Objects.requireNonNull(collation, "collation");
  }

  /** The collation's name, such as {@code UTF8_LCASE} or {@code UNICODE_CI}. */
  public String collation() {
    return collation;
  }

  @Override
  public String simpleString() {
    return "string collate " + collation;
  }

  @Override
  public String sql() {
    return "STRING COLLATE " + collation;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CollatedStringType && ((CollatedStringType) other).collation.equals(collation);
  }

  @Override
  public int hashCode() {
    return collation.hashCode();
  }
}
