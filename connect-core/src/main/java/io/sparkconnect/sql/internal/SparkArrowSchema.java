package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.CollatedStringType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.SizedType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema local data of a Spark schema is sent in, as Spark's {@code ArrowUtils.toArrowSchema} maps it:
 * timestamps in microseconds with the time zone "UTC" (none for timestamp_ntz), decimals as 128-bit decimals with
 * their precision and scale, maps as a non-null {@code entries} struct of a non-null key and the value, and each
 * field as nullable as the Spark field.
 */
final class SparkArrowSchema {
  /** The time zone of timestamp columns; the values are UTC microseconds whatever it is. */
  static final String TIME_ZONE = "UTC";

  private static final Map<DataType, ArrowType> ATOMIC = Map.ofEntries(
      Map.entry(DataTypes.NullType, ArrowType.Null.INSTANCE),
      Map.entry(DataTypes.BooleanType, ArrowType.Bool.INSTANCE),
      Map.entry(DataTypes.ByteType, new ArrowType.Int(8, true)),
      Map.entry(DataTypes.ShortType, new ArrowType.Int(16, true)),
      Map.entry(DataTypes.IntegerType, new ArrowType.Int(32, true)),
      Map.entry(DataTypes.LongType, new ArrowType.Int(64, true)),
      Map.entry(DataTypes.FloatType, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      Map.entry(DataTypes.DoubleType, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      Map.entry(DataTypes.StringType, ArrowType.Utf8.INSTANCE),
      Map.entry(DataTypes.BinaryType, ArrowType.Binary.INSTANCE),
      Map.entry(DataTypes.DateType, new ArrowType.Date(DateUnit.DAY)),
      Map.entry(DataTypes.TimestampType, new ArrowType.Timestamp(TimeUnit.MICROSECOND, TIME_ZONE)),
      Map.entry(DataTypes.TimestampNTZType, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      Map.entry(DataTypes.CalendarIntervalType, new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)));

  private SparkArrowSchema() {}

  /**
   * The Arrow schema of {@code schema}.
   *
   * @throws IllegalArgumentException naming the column whose type cannot be sent as local data
   */
  static Schema of(StructType schema) {
    return new Schema(fields(schema, ""));
  }

  private static List<Field> fields(StructType struct, String prefix) {
    List<Field> fields = new ArrayList<>(struct.size());
    for (StructField field : struct.fields()) {
      fields.add(field(field.name(), field.dataType(), field.nullable(), prefix + field.name()));
    }
    return fields;
  }

  private static Field field(String name, DataType type, boolean nullable, String path) {
    if (type instanceof StructType) {
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null),
          fields((StructType) type, path + "."));
    }
    if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
          List.of(field("element", array.elementType(), array.containsNull(), path + ".element")));
    }
    if (type instanceof MapType) {
      MapType map = (MapType) type;
      Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
          field("key", map.keyType(), false, path + ".key"),
          field("value", map.valueType(), map.valueContainsNull(), path + ".value")));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
    }
    if (type.equals(DataTypes.VariantType)) {
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), List.of(
          new Field("value", FieldType.notNullable(ArrowType.Binary.INSTANCE), List.of()),
          new Field("metadata", new FieldType(false, ArrowType.Binary.INSTANCE, null, Map.of("variant", "true")),
              List.of())));
    }
    return new Field(name, new FieldType(nullable, leaf(type, path), null), List.of());
  }

  private static ArrowType leaf(DataType type, String path) {
    ArrowType atomic = ATOMIC.get(type);
    if (atomic != null) {
      return atomic;
    }
    if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return new ArrowType.Decimal(decimal.precision(), decimal.scale(), 128);
    }
    if (type instanceof IntervalType) {
      return ((IntervalType) type).isYearMonth() ? new ArrowType.Interval(IntervalUnit.YEAR_MONTH)
          : new ArrowType.Duration(TimeUnit.MICROSECOND);
    }
    if (type instanceof CollatedStringType) {
      return ArrowType.Utf8.INSTANCE;
    }
    if (type instanceof SizedType) {
      return type.typeName().equals("time") ? new ArrowType.Time(TimeUnit.NANOSECOND, 64) : ArrowType.Utf8.INSTANCE;
    }
    throw new IllegalArgumentException("Column '" + path + "' has type " + type.simpleString() + ", which cannot be "
        + "sent as local data; use a type of the client's type table, or cast a supported column on the server");
  }
}
