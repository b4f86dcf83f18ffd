package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.SparkConnectException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The Spark schema of an Arrow schema, for results whose responses carry no {@code schema}: each Arrow type mapped
 * back as Spark's {@code ArrowUtils.fromArrowField} maps it, nullability and Spark field metadata kept.
 */
final class ArrowSchemaConverter {
  private static final String METADATA_KEY = "SPARK::metadata::json";
  private static final String TIME_PRECISION_KEY = "SPARK::time::precision";

  private ArrowSchemaConverter() {}

  /**
   * The Spark schema of the fields of a result's Arrow schema.
   *
   * @throws SparkConnectException naming the column if an Arrow type has no Spark type
   */
  static StructType toSpark(List<Field> schema) {
    return struct(schema, "");
  }

  private static StructType struct(List<Field> fields, String prefix) {
    List<StructField> out = new ArrayList<>(fields.size());
    for (Field field : fields) {
      String path = prefix + field.getName();
      out.add(new StructField(field.getName(), type(field, path), field.isNullable(), metadata(field)));
    }
    return new StructType(out);
  }

  private static DataType type(Field field, String path) {
    ArrowType type = field.getType();
    List<Field> children = field.getChildren();
    switch (type.getTypeID()) {
      case Map:
        Field entries = children.get(0);
        Field value = entries.getChildren().get(1);
        return new MapType(type(entries.getChildren().get(0), path + ".key"), type(value, path + ".value"),
            value.isNullable());
      case List:
        Field element = children.get(0);
        return new ArrayType(type(element, path + ".element"), element.isNullable());
      case Struct:
        return struct(field, path);
      case Time:
        if (((ArrowType.Time) type).getUnit() == TimeUnit.NANOSECOND) {
          String precision = tag(field, TIME_PRECISION_KEY);
          return SizedType.timeType(precision == null ? 6 : Integer.parseInt(precision));
        }
        throw unsupported(type, path);
      default:
        return atomic(type, path);
    }
  }

  /** A struct, or the Spark type a tagged struct stands for: variant, geometry or geography. */
  private static DataType struct(Field field, String path) {
    Map<String, Field> byName = new HashMap<>();
    field.getChildren().forEach(child -> byName.put(child.getName(), child));
    Field metadata = byName.get("metadata");
    if (byName.containsKey("value") && metadata != null && "true".equals(tag(metadata, "variant"))) {
      return DataTypes.VariantType;
    }
    Field wkb = byName.get("wkb");
    if (wkb != null && byName.containsKey("srid")) {
      for (String kind : new String[] {"geometry", "geography"}) {
        if ("true".equals(tag(wkb, kind))) {
          return new OtherType(kind + "(" + tag(wkb, "srid") + ")");
        }
      }
    }
    return struct(field.getChildren(), path + ".");
  }

  private static DataType atomic(ArrowType type, String path) {
    switch (type.getTypeID()) {
      case Null:
        return DataTypes.NullType;
      case Bool:
        return DataTypes.BooleanType;
      case Int:
        ArrowType.Int integer = (ArrowType.Int) type;
        if (integer.getIsSigned()) {
          switch (integer.getBitWidth()) {
            case 8:
              return DataTypes.ByteType;
            case 16:
              return DataTypes.ShortType;
            case 32:
              return DataTypes.IntegerType;
            case 64:
              return DataTypes.LongType;
            default:
              break;
          }
        }
        break;
      case FloatingPoint:
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        if (precision == FloatingPointPrecision.SINGLE) {
          return DataTypes.FloatType;
        }
        if (precision == FloatingPointPrecision.DOUBLE) {
          return DataTypes.DoubleType;
        }
        break;
      case Utf8:
      case LargeUtf8:
        return DataTypes.StringType;
      case Binary:
      case LargeBinary:
        return DataTypes.BinaryType;
      case Decimal:
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        return new DecimalType(decimal.getPrecision(), decimal.getScale());
      case Date:
        if (((ArrowType.Date) type).getUnit() == DateUnit.DAY) {
          return DataTypes.DateType;
        }
        break;
      case Timestamp:
        ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
        if (timestamp.getUnit() == TimeUnit.MICROSECOND) {
          return timestamp.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
        }
        break;
      case Interval:
        IntervalUnit unit = ((ArrowType.Interval) type).getUnit();
        if (unit == IntervalUnit.YEAR_MONTH) {
          return IntervalType.yearMonth(0, 1);
        }
        if (unit == IntervalUnit.MONTH_DAY_NANO) {
          return DataTypes.CalendarIntervalType;
        }
        break;
      case Duration:
        if (((ArrowType.Duration) type).getUnit() == TimeUnit.MICROSECOND) {
          return IntervalType.dayTime(0, 3);
        }
        break;
      default:
        break;
    }
    throw unsupported(type, path);
  }

  private static String metadata(Field field) {
    return tag(field, METADATA_KEY);
  }

  /** A value of the field's Arrow metadata, or null. */
  private static String tag(Field field, String key) {
    Map<String, String> metadata = field.getMetadata();
    return metadata == null ? null : metadata.get(key);
  }

  private static SparkConnectException unsupported(ArrowType type, String path) {
    return new SparkConnectException("The result came without a schema, and its column '" + path + "' has Arrow "
        + "type " + type + ", which has no Spark type; the server must send the schema of such a result");
  }
}
