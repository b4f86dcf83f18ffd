package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.CollatedStringType;
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
        return decimalFromProto(type.getDecimal());
      case STRING:
        return DataTypes.createStringType(type.getString().getCollation());
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

  /** Spark's default decimal(10,0) when neither parameter is set; one without the other is malformed. */
  private static DecimalType decimalFromProto(io.sparkconnect.proto.DataType.Decimal decimal) {
    if (decimal.hasPrecision() != decimal.hasScale()) {
      throw new SparkConnectException("The server sent a decimal type with only its "
          + (decimal.hasPrecision() ? "precision (" + decimal.getPrecision() + ")" : "scale (" + decimal.getScale()
          + ")") + "; a decimal type needs both or neither (for decimal(10,0))");
    }
    return decimal.hasPrecision() ? new DecimalType(decimal.getPrecision(), decimal.getScale())
        : new DecimalType(10, 0);
  }

  /** The protocol form of a data type, for casts and schemas sent to the server. */
  public static io.sparkconnect.proto.DataType toProto(DataType type) {
    io.sparkconnect.proto.DataType.Builder out = io.sparkconnect.proto.DataType.newBuilder();
    if (type instanceof StructType) {
      io.sparkconnect.proto.DataType.Struct.Builder struct = io.sparkconnect.proto.DataType.Struct.newBuilder();
      for (StructField field : ((StructType) type).fields()) {
        io.sparkconnect.proto.DataType.StructField.Builder f = io.sparkconnect.proto.DataType.StructField.newBuilder()
            .setName(field.name()).setDataType(toProto(field.dataType())).setNullable(field.nullable());
        if (field.metadata() != null) {
          f.setMetadata(field.metadata());
        }
        struct.addFields(f);
      }
      return out.setStruct(struct).build();
    }
    if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      return out.setArray(io.sparkconnect.proto.DataType.Array.newBuilder()
          .setElementType(toProto(array.elementType())).setContainsNull(array.containsNull())).build();
    }
    if (type instanceof MapType) {
      MapType map = (MapType) type;
      return out.setMap(io.sparkconnect.proto.DataType.Map.newBuilder().setKeyType(toProto(map.keyType()))
          .setValueType(toProto(map.valueType())).setValueContainsNull(map.valueContainsNull())).build();
    }
    if (type instanceof CollatedStringType) {
      return out.setString(io.sparkconnect.proto.DataType.String.newBuilder()
          .setCollation(((CollatedStringType) type).collation())).build();
    }
    if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return out.setDecimal(io.sparkconnect.proto.DataType.Decimal.newBuilder()
          .setPrecision(decimal.precision()).setScale(decimal.scale())).build();
    }
    if (type instanceof IntervalType) {
      IntervalType interval = (IntervalType) type;
      return interval.isYearMonth()
          ? out.setYearMonthInterval(io.sparkconnect.proto.DataType.YearMonthInterval.newBuilder()
              .setStartField(interval.startField()).setEndField(interval.endField())).build()
          : out.setDayTimeInterval(io.sparkconnect.proto.DataType.DayTimeInterval.newBuilder()
              .setStartField(interval.startField()).setEndField(interval.endField())).build();
    }
    if (type instanceof SizedType) {
      SizedType sized = (SizedType) type;
      switch (sized.typeName()) {
        case "char":
          return out.setChar(io.sparkconnect.proto.DataType.Char.newBuilder().setLength(sized.size())).build();
        case "varchar":
          return out.setVarChar(io.sparkconnect.proto.DataType.VarChar.newBuilder().setLength(sized.size())).build();
        default:
          return out.setTime(io.sparkconnect.proto.DataType.Time.newBuilder().setPrecision(sized.size())).build();
      }
    }
    switch (type.simpleString()) {
      case "void":
        return out.setNull(io.sparkconnect.proto.DataType.NULL.getDefaultInstance()).build();
      case "boolean":
        return out.setBoolean(io.sparkconnect.proto.DataType.Boolean.getDefaultInstance()).build();
      case "tinyint":
        return out.setByte(io.sparkconnect.proto.DataType.Byte.getDefaultInstance()).build();
      case "smallint":
        return out.setShort(io.sparkconnect.proto.DataType.Short.getDefaultInstance()).build();
      case "int":
        return out.setInteger(io.sparkconnect.proto.DataType.Integer.getDefaultInstance()).build();
      case "bigint":
        return out.setLong(io.sparkconnect.proto.DataType.Long.getDefaultInstance()).build();
      case "float":
        return out.setFloat(io.sparkconnect.proto.DataType.Float.getDefaultInstance()).build();
      case "double":
        return out.setDouble(io.sparkconnect.proto.DataType.Double.getDefaultInstance()).build();
      case "string":
        return out.setString(io.sparkconnect.proto.DataType.String.getDefaultInstance()).build();
      case "binary":
        return out.setBinary(io.sparkconnect.proto.DataType.Binary.getDefaultInstance()).build();
      case "date":
        return out.setDate(io.sparkconnect.proto.DataType.Date.getDefaultInstance()).build();
      case "timestamp":
        return out.setTimestamp(io.sparkconnect.proto.DataType.Timestamp.getDefaultInstance()).build();
      case "timestamp_ntz":
        return out.setTimestampNtz(io.sparkconnect.proto.DataType.TimestampNTZ.getDefaultInstance()).build();
      case "interval":
        return out.setCalendarInterval(io.sparkconnect.proto.DataType.CalendarInterval.getDefaultInstance()).build();
      case "variant":
        return out.setVariant(io.sparkconnect.proto.DataType.Variant.getDefaultInstance()).build();
      default:
        return out.setUnparsed(io.sparkconnect.proto.DataType.Unparsed.newBuilder()
            .setDataTypeString(type.simpleString())).build();
    }
  }

  /** The schema of a result: a struct as is, any other type as a single column named {@code value}. */
  public static StructType schemaFromProto(io.sparkconnect.proto.DataType type) {
    if (type.hasStruct()) {
      return structFromProto(type.getStruct());
    }
    return new StructType(List.of(new StructField("value", fromProto(type), true)));
  }
}
