package io.sparkconnect.sql;

/** Makes rows, as Spark's {@code org.apache.spark.sql.RowFactory} does; the same as {@link Row#of(Object...)}. */
public final class RowFactory {
  private RowFactory() {}

  /** A row of these values, without a schema. */
  public static Row create(Object... values) {
    return Row.of(values);
  }
}
