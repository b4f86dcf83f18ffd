package io.sparkconnect.sql;

import io.sparkconnect.sql.internal.ValuesRow;
import io.sparkconnect.sql.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One row of a result, with its schema. {@link #get(int)} returns the Java value of the column's type (see the
 * README's type table); the typed getters read primitives without boxing and fail with a clear message on null
 * or on a type mismatch. Rows are immutable.
 *
 * <p>Rows for {@link SparkSession#createDataFrame(List, StructType)} are made with {@link #of(Object...)}:
 *
 * <pre>{@code
 * StructType schema = StructType.empty().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
 * DataFrame df = spark.createDataFrame(List.of(Row.of(1L, "a"), Row.of(2L, null)), schema);
 * }</pre>
 */
public interface Row {
  /**
   * A row of these values, by position and without a schema (as Spark's {@code RowFactory.create} and {@code
   * Row(...)} make them): {@link #schema()} is null and values are read by index. Nested structs are rows too.
   * The array is copied.
   */
  static Row of(Object... values) {
    return new ValuesRow(java.util.Objects.requireNonNull(values, "values"));
  }

  /** A row of the values of a list, as {@link #of(Object...)}; Spark's {@code Row.fromSeq}. */
  static Row fromList(List<?> values) {
    return new ValuesRow(java.util.Objects.requireNonNull(values, "values").toArray());
  }

  /** The number of columns. */
  int size();

  /** The value at {@code index}, or null. */
  Object get(int index);

  /** The row's schema; null for rows made by {@link #of(Object...)}, which have none. */
  StructType schema();

  default int length() {
    return size();
  }

  /** The position of the column with this name. */
  default int fieldIndex(String name) {
    return schema().fieldIndex(name);
  }

  default Object get(String name) {
    return get(fieldIndex(name));
  }

  default boolean isNullAt(int index) {
    return get(index) == null;
  }

  default boolean isNullAt(String name) {
    return isNullAt(fieldIndex(name));
  }

  default boolean getBoolean(int index) {
    return (Boolean) nonNull(index);
  }

  default byte getByte(int index) {
    return (Byte) nonNull(index);
  }

  default short getShort(int index) {
    return ((Number) nonNull(index)).shortValue();
  }

  default int getInt(int index) {
    return ((Number) nonNull(index)).intValue();
  }

  default long getLong(int index) {
    return ((Number) nonNull(index)).longValue();
  }

  default float getFloat(int index) {
    return (Float) nonNull(index);
  }

  default double getDouble(int index) {
    return ((Number) nonNull(index)).doubleValue();
  }

  default String getString(int index) {
    Object value = get(index);
    return value == null ? null : value.toString();
  }

  default BigDecimal getDecimal(int index) {
    return (BigDecimal) get(index);
  }

  default LocalDate getDate(int index) {
    return (LocalDate) get(index);
  }

  /** A {@code timestamp} value: an instant. */
  default Instant getTimestamp(int index) {
    return (Instant) get(index);
  }

  /** A {@code timestamp_ntz} value: a local date-time without a zone. */
  default LocalDateTime getLocalDateTime(int index) {
    return (LocalDateTime) get(index);
  }

  default byte[] getBinary(int index) {
    return (byte[]) get(index);
  }

  @SuppressWarnings("unchecked")
  default <T> List<T> getList(int index) {
    return (List<T>) get(index);
  }

  @SuppressWarnings("unchecked")
  default <K, V> Map<K, V> getMap(int index) {
    return (Map<K, V>) get(index);
  }

  default Row getStruct(int index) {
    return (Row) get(index);
  }

  @SuppressWarnings("unchecked")
  default <T> T getAs(int index) {
    return (T) get(index);
  }

  @SuppressWarnings("unchecked")
  default <T> T getAs(String name) {
    return (T) get(name);
  }

  default long getLong(String name) {
    return getLong(fieldIndex(name));
  }

  default int getInt(String name) {
    return getInt(fieldIndex(name));
  }

  default double getDouble(String name) {
    return getDouble(fieldIndex(name));
  }

  default boolean getBoolean(String name) {
    return getBoolean(fieldIndex(name));
  }

  default String getString(String name) {
    return getString(fieldIndex(name));
  }

  default BigDecimal getDecimal(String name) {
    return getDecimal(fieldIndex(name));
  }

  default Row getStruct(String name) {
    return getStruct(fieldIndex(name));
  }

  default <T> List<T> getList(String name) {
    return getList(fieldIndex(name));
  }

  default <K, V> Map<K, V> getMap(String name) {
    return getMap(fieldIndex(name));
  }

  /** The values as a list, in column order. */
  default List<Object> toList() {
    Object[] values = new Object[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(values));
  }

  private Object nonNull(int index) {
    Object value = get(index);
    if (value == null) {
      throw new NullPointerException("Value at column " + index
          + (schema() == null ? "" : " ('" + schema().field(index).name() + "')") + " is null; check isNullAt("
          + index + ") first or use get(" + index + ")");
    }
    return value;
  }
}
