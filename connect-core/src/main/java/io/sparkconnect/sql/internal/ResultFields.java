package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.FieldKind;
import io.sparkconnect.arrow.ResultField;
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

/** Describes a result's Spark schema to the decoder, which checks the Arrow data against it and decodes by it. */
final class ResultFields {
  private static final Map<DataType, FieldKind> ATOMIC = Map.ofEntries(
      Map.entry(DataTypes.NullType, FieldKind.NULL),
      Map.entry(DataTypes.BooleanType, FieldKind.BOOLEAN),
      Map.entry(DataTypes.ByteType, FieldKind.BYTE),
      Map.entry(DataTypes.ShortType, FieldKind.SHORT),
      Map.entry(DataTypes.IntegerType, FieldKind.INT),
      Map.entry(DataTypes.LongType, FieldKind.LONG),
      Map.entry(DataTypes.FloatType, FieldKind.FLOAT),
      Map.entry(DataTypes.DoubleType, FieldKind.DOUBLE),
      Map.entry(DataTypes.StringType, FieldKind.STRING),
      Map.entry(DataTypes.BinaryType, FieldKind.BINARY),
      Map.entry(DataTypes.DateType, FieldKind.DATE),
      Map.entry(DataTypes.TimestampType, FieldKind.TIMESTAMP),
      Map.entry(DataTypes.TimestampNTZType, FieldKind.TIMESTAMP_NTZ),
      Map.entry(DataTypes.CalendarIntervalType, FieldKind.CALENDAR_INTERVAL),
      Map.entry(DataTypes.VariantType, FieldKind.VARIANT));

  private ResultFields() {}

  static List<ResultField> of(StructType schema) {
    List<ResultField> fields = new ArrayList<>(schema.size());
    for (StructField field : schema.fields()) {
      fields.add(field(field.name(), field.dataType()));
    }
    return fields;
  }

  private static ResultField field(String name, DataType type) {
    if (type instanceof StructType) {
      return ResultField.of(name, FieldKind.STRUCT, type, of((StructType) type));
    }
    if (type instanceof ArrayType) {
      return ResultField.of(name, FieldKind.ARRAY, type, List.of(field("element", ((ArrayType) type).elementType())));
    }
    if (type instanceof MapType) {
      MapType map = (MapType) type;
      return ResultField.of(name, FieldKind.MAP, type,
          List.of(field("key", map.keyType()), field("value", map.valueType())));
    }
    return ResultField.of(name, kind(type), type, List.of());
  }

  private static FieldKind kind(DataType type) {
    FieldKind atomic = ATOMIC.get(type);
    if (atomic != null) {
      return atomic;
    }
    if (type instanceof CollatedStringType) {
      return FieldKind.STRING;
    }
    if (type instanceof DecimalType) {
      return FieldKind.DECIMAL;
    }
    if (type instanceof IntervalType) {
      return ((IntervalType) type).isYearMonth() ? FieldKind.YEAR_MONTH_INTERVAL : FieldKind.DAY_TIME_INTERVAL;
    }
    if (type instanceof SizedType) {
      return type.typeName().equals("time") ? FieldKind.TIME : FieldKind.STRING;
    }
    return FieldKind.ANY;
  }
}
