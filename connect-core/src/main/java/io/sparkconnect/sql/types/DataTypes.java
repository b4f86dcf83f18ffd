package io.sparkconnect.sql.types;

import java.util.List;

/** The data type singletons and factories for parameterised types. */
public final class DataTypes {
  public static final AtomicType NullType = new AtomicType("void");
  public static final AtomicType BooleanType = new AtomicType("boolean");
  public static final AtomicType ByteType = new AtomicType("tinyint");
  public static final AtomicType ShortType = new AtomicType("smallint");
  public static final AtomicType IntegerType = new AtomicType("int");
  public static final AtomicType LongType = new AtomicType("bigint");
  public static final AtomicType FloatType = new AtomicType("float");
  public static final AtomicType DoubleType = new AtomicType("double");
  public static final AtomicType StringType = new AtomicType("string");
  public static final AtomicType BinaryType = new AtomicType("binary");
  public static final AtomicType DateType = new AtomicType("date");
  public static final AtomicType TimestampType = new AtomicType("timestamp");
  public static final AtomicType TimestampNTZType = new AtomicType("timestamp_ntz");
  public static final AtomicType CalendarIntervalType = new AtomicType("interval");
  public static final AtomicType VariantType = new AtomicType("variant");

  private DataTypes() {}

  /**
   * A string type with the given collation: {@link #StringType} for the default {@code UTF8_BINARY} (or an empty
   * name), otherwise a {@link CollatedStringType}, which needs a Spark 4.0+ server.
   */
  public static DataType createStringType(String collation) {
    if (collation.isEmpty() || collation.equals("UTF8_BINARY")) {
      return StringType;
    }
    if (collation.isBlank() || !collation.strip().equals(collation)) {
      throw new IllegalArgumentException("Collation name '" + collation + "' has surrounding spaces");
    }
    return new CollatedStringType(collation);
  }

  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  public static MapType createMapType(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    return new MapType(keyType, valueType, valueContainsNull);
  }

  public static StructField createStructField(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable);
  }

  public static StructType createStructType(List<StructField> fields) {
    return new StructType(fields);
  }
}
