package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.OtherType;
import io.sparkconnect.sql.types.SizedType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Converts the protocol's {@code DataType} messages into the client's data types. */
public final class DataTypeConverter {
  private DataTypeConverter() {}

  public static DataType fromProto(io.sparkconnect.proto.DataType type) {
    switch (type.getKindCase()) {
      case NULL:
        return DataTypes.NullType;
      case BINARY:
        return DataTypes.BinaryType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      case BYTE:
        return DataTypes.ByteType;
      case SHORT:
        return DataTypes.ShortType;
      case INTEGER:
        return DataTypes.IntegerType;
      case LONG:
        return DataTypes.LongType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case DECIMAL:
        io.sparkconnect.proto.DataType.Decimal decimal = type.getDecimal();
        return new DecimalType(decimal.hasPrecision() ? decimal.getPrecision() : 10,
            decimal.hasScale() ? decimal.getScale() : 0);
      case STRING:
        return DataTypes.StringType;
      case CHAR:
        return SizedType.charType(type.getChar().getLength());
      case VAR_CHAR:
        return SizedType.varcharType(type.getVarChar().getLength());
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      case TIMESTAMP_NTZ:
        return DataTypes.TimestampNTZType;
      case CALENDAR_INTERVAL:
        return DataTypes.CalendarIntervalType;
      case YEAR_MONTH_INTERVAL:
        io.sparkconnect.proto.DataType.YearMonthInterval yearMonth = type.getYearMonthInterval();
        return IntervalType.yearMonth(yearMonth.hasStartField() ? yearMonth.getStartField() : 0,
            yearMonth.hasEndField() ? yearMonth.getEndField() : 1);
      case DAY_TIME_INTERVAL:
        io.sparkconnect.proto.DataType.DayTimeInterval dayTime = type.getDayTimeInterval();
        return IntervalType.dayTime(dayTime.hasStartField() ? dayTime.getStartField() : 0,
            dayTime.hasEndField() ? dayTime.getEndField() : 3);
      case ARRAY:
        return new ArrayType(fromProto(type.getArray().getElementType()), type.getArray().getContainsNull());
      case MAP:
        io.sparkconnect.proto.DataType.Map map = type.getMap();
        return new MapType(fromProto(map.getKeyType()), fromProto(map.getValueType()), map.getValueContainsNull());
      case STRUCT:
        return structFromProto(type.getStruct());
      case VARIANT:
        return DataTypes.VariantType;
      case TIME:
        return SizedType.timeType(type.getTime().hasPrecision() ? type.getTime().getPrecision() : 6);
      case UDT:
        io.sparkconnect.proto.DataType.UDT udt = type.getUdt();
        return udt.hasSqlType() ? fromProto(udt.getSqlType()) : new OtherType(udt.getType());
      case UNPARSED:
        return new OtherType(type.getUnparsed().getDataTypeString());
      case GEOMETRY:
        return new OtherType("geometry(" + type.getGeometry().getSrid() + ")");
      case GEOGRAPHY:
        return new OtherType("geography(" + type.getGeography().getSrid() + ")");
      default:
        return new OtherType(type.getKindCase().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  public static StructType structFromProto(io.sparkconnect.proto.DataType.Struct struct) {
    List<StructField> fields = new ArrayList<>(struct.getFieldsCount());
    for (io.sparkconnect.proto.DataType.StructField field : struct.getFieldsList()) {
      fields.add(new StructField(field.getName(), fromProto(field.getDataType()), field.getNullable(),
          field.hasMetadata() ? field.getMetadata() : null));
    }
    return new StructType(fields);
  }

  /** The schema of a result: a struct as is, any other type as a single column named {@code value}. */
  public static StructType schemaFromProto(io.sparkconnect.proto.DataType type) {
    if (type.hasStruct()) {
      return structFromProto(type.getStruct());
    }
    return new StructType(List.of(new StructField("value", fromProto(type), true)));
  }
}
