package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow types the row encoder writes: those Spark's {@code ArrowUtils} maps its types to, so that a Spark server
 * reads every one of them back.
 */
public final class EncodableTypes {
  private EncodableTypes() {}

  /**
   * Refuses a schema the row encoder cannot write.
   *
   * @throws IllegalArgumentException naming the field and its type
   */
  public static void check(Schema schema) {
    for (Field field : schema.getFields()) {
      check(field, String.valueOf(field.getName()));
    }
  }

  private static void check(Field field, String path) {
    if (field.getName() == null) {
      throw new IllegalArgumentException("Field '" + path + "' has no name; Spark names every field");
    }
    if (field.getDictionary() != null) {
      throw new IllegalArgumentException("Field '" + path + "' is dictionary-encoded; local data is written "
          + "without dictionaries");
    }
    String problem = problem(field.getType(), field.getChildren());
    if (problem != null) {
      throw new IllegalArgumentException("Field '" + path + "' has Arrow type " + field.getType() + ", " + problem);
    }
    for (Field child : field.getChildren()) {
      check(child, path + "." + child.getName());
    }
  }

  /** Why a type cannot be written, or null if it can. */
  private static String problem(ArrowType type, List<Field> children) {
    boolean leaf = children.isEmpty();
    switch (type.getTypeID()) {
      case Null:
      case Bool:
      case Utf8:
      case Binary:
        return leaf ? null : "which has no children";
      case Int: {
        ArrowType.Int integer = (ArrowType.Int) type;
        int bits = integer.getBitWidth();
        return !integer.getIsSigned() || (bits != 8 && bits != 16 && bits != 32 && bits != 64)
            ? "which Spark does not use: its integers are signed and of 8, 16, 32 or 64 bits"
            : leaf ? null : "which has no children";
      }
      case FloatingPoint: {
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        return precision == FloatingPointPrecision.HALF ? "which Spark does not use"
            : leaf ? null : "which has no children";
      }
      case Decimal: {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        if (decimal.getBitWidth() != 128) {
          return "which Spark does not use: its decimals are 128 bits wide";
        }
        if (decimal.getPrecision() < 1 || decimal.getPrecision() > 38 || decimal.getScale() < 0
            || decimal.getScale() > decimal.getPrecision()) {
          return "whose precision and scale Spark does not allow (precision 1 to 38, scale 0 to the precision)";
        }
        return leaf ? null : "which has no children";
      }
      case Date:
        return ((ArrowType.Date) type).getUnit() != DateUnit.DAY ? "which Spark does not use: its dates are in days"
            : leaf ? null : "which has no children";
      case Timestamp:
        return ((ArrowType.Timestamp) type).getUnit() != TimeUnit.MICROSECOND
            ? "which Spark does not use: its timestamps are in microseconds" : leaf ? null : "which has no children";
      case Duration:
        return ((ArrowType.Duration) type).getUnit() != TimeUnit.MICROSECOND
            ? "which Spark does not use: its day-time intervals are in microseconds"
            : leaf ? null : "which has no children";
      case Interval:
        return ((ArrowType.Interval) type).getUnit() == IntervalUnit.DAY_TIME
            ? "which Spark does not use: its intervals are YEAR_MONTH or MONTH_DAY_NANO"
            : leaf ? null : "which has no children";
      case Time: {
        ArrowType.Time time = (ArrowType.Time) type;
        return time.getUnit() != TimeUnit.NANOSECOND || time.getBitWidth() != 64
            ? "which Spark does not use: its times are 64-bit nanoseconds" : leaf ? null : "which has no children";
      }
      case List:
        return children.size() == 1 ? null : "which has one child, the element";
      case Map:
        return children.size() == 1 && children.get(0).getType().getTypeID() == ArrowType.ArrowTypeID.Struct
            && children.get(0).getChildren().size() == 2 ? null : "which has one struct child of a key and a value";
      case Struct:
        return null;
      default:
        return "which Spark does not use for local data";
    }
  }
}
