package io.sparkconnect.arrow;

/**
 * One column of a decoded batch, detached from Arrow memory. Primitive columns keep primitive arrays, so the
 * typed getters never box; {@link #get(int)} returns the Java value of its {@link FieldKind} (boxed primitives,
 * {@code String}, {@code BigDecimal}, {@code java.time} values, {@code List}, {@code Map}, and for structs and
 * variants what the {@link ValueFactory} built).
 */
public interface DecodedColumn {
  int size();

  boolean isNull(int row);

  /** The value at {@code row}, or null. */
  Object get(int row);

  default boolean getBoolean(int row) {
    throw wrongType("boolean");
  }

  default byte getByte(int row) {
    throw wrongType("byte");
  }

  default short getShort(int row) {
    throw wrongType("short");
  }

  default int getInt(int row) {
    throw wrongType("int");
  }

  default long getLong(int row) {
    throw wrongType("long");
  }

  default float getFloat(int row) {
    throw wrongType("float");
  }

  default double getDouble(int row) {
    throw wrongType("double");
  }

  /** A short name of the column's Java representation, for error messages. */
  String typeName();

  private ClassCastException wrongType(String requested) {
    return new ClassCastException("column of type " + typeName() + " cannot be read as " + requested);
  }
}
