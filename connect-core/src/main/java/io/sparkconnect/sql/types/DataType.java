package io.sparkconnect.sql.types;

/**
 * A Spark SQL data type. Instances are immutable values; compare them with {@link #equals(Object)}. {@link
 * #simpleString()} gives Spark's SQL spelling, such as {@code bigint} or {@code array<string>}.
 */
public abstract class DataType {
  DataType() {}

  /** Spark's short name of the type, such as {@code bigint}, {@code decimal(10,2)} or {@code struct<a:int>}. */
  public abstract String simpleString();

  /** The type name without parameters, such as {@code decimal} or {@code array}. */
  public String typeName() {
    String simple = simpleString();
    int paren = simple.indexOf('(');
    int angle = simple.indexOf('<');
    int end = paren < 0 ? angle : angle < 0 ? paren : Math.min(paren, angle);
    return end < 0 ? simple : simple.substring(0, end);
  }

  /** The DDL spelling of the type, as used in {@code CREATE TABLE}. */
  public String sql() {
    return simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return simpleString();
  }
}
