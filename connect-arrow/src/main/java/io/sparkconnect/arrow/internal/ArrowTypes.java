package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.FieldKind;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The Arrow types this decoder accepts, their buffer layouts and the {@link FieldKind} each is read as. Spark sends
 * only a subset of Arrow; everything else (unions, views, run-end encoding, dictionaries below the top level,
 * extension types) is refused when its schema arrives, before any vector is created.
 */
final class ArrowTypes {
  /** What a buffer of a vector holds, and so how large it must be for a given value count. */
  enum Buffer {
    VALIDITY, BITS, FIXED, OFFSETS_32, OFFSETS_64, VAR_DATA
  }

  private static final List<Buffer> NONE = List.of();
  private static final List<Buffer> VALIDITY = List.of(Buffer.VALIDITY);
  private static final List<Buffer> FIXED = List.of(Buffer.VALIDITY, Buffer.FIXED);
  private static final List<Buffer> BITS = List.of(Buffer.VALIDITY, Buffer.BITS);
  private static final List<Buffer> VAR_32 = List.of(Buffer.VALIDITY, Buffer.OFFSETS_32, Buffer.VAR_DATA);
  private static final List<Buffer> VAR_64 = List.of(Buffer.VALIDITY, Buffer.OFFSETS_64, Buffer.VAR_DATA);
  private static final List<Buffer> LIST_32 = List.of(Buffer.VALIDITY, Buffer.OFFSETS_32);
  private static final List<Buffer> LIST_64 = List.of(Buffer.VALIDITY, Buffer.OFFSETS_64);

  private ArrowTypes() {}

  /** Refuses a schema with a type, parameter, name or shape this decoder cannot load safely. */
  static void checkLoadable(List<Field> fields) {
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      String path = field.getName() == null ? "#" + i : field.getName();
      if (field.getDictionary() != null) {
        ArrowType.Int index = field.getDictionary().getIndexType();
        int bits = index.getBitWidth();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
          throw new ArrowDecodingException("Column '" + path + "' is dictionary-encoded with indices of type "
              + index + "; Arrow indices are integers of 8, 16, 32 or 64 bits");
        }
      }
      checkLoadable(field, path, true);
    }
  }

  /** Recursion is bounded: {@link MessageCheck} refused schemas nested deeper than its limit. */
  private static void checkLoadable(Field field, String path, boolean topLevel) {
    if (field.getName() == null) {
      throw new ArrowDecodingException("Column '" + path + "' of the Arrow schema has no name; Spark names every "
          + "column and nested field");
    }
    if (field.getDictionary() != null && !topLevel) {
      throw new ArrowDecodingException("Field '" + path + "' is dictionary-encoded inside another column; this "
          + "client decodes dictionary encoding of top-level columns only");
    }
    ArrowType type = field.getType();
    String problem = problem(type, field.getChildren());
    if (problem != null) {
      throw new ArrowDecodingException("Column '" + path + "' has Arrow type " + type + ", " + problem);
    }
    List<Field> children = field.getChildren();
    for (int i = 0; i < children.size(); i++) {
      Field child = children.get(i);
      checkLoadable(child, path + "." + (child.getName() == null ? "#" + i : child.getName()), false);
    }
  }

  /** Why a type cannot be loaded, or null if it can. */
  private static String problem(ArrowType type, List<Field> children) {
    switch (type.getTypeID()) {
      case Null:
      case Bool:
      case Utf8:
      case LargeUtf8:
      case Binary:
      case LargeBinary:
      case Date:
      case Timestamp:
      case Interval:
      case Duration:
      case FloatingPoint:
        return children.isEmpty() ? null : "which has no children, with " + children.size();
      case Int:
        int bits = ((ArrowType.Int) type).getBitWidth();
        boolean known = bits == 8 || bits == 16 || bits == 32 || bits == 64;
        return known ? noChildren(children) : "an unsupported integer width";
      case Decimal:
        int width = ((ArrowType.Decimal) type).getBitWidth();
        return width != 128 && width != 256 ? "an unsupported decimal width" : noChildren(children);
      case Time:
        ArrowType.Time time = (ArrowType.Time) type;
        boolean wide = time.getUnit() == TimeUnit.MICROSECOND || time.getUnit() == TimeUnit.NANOSECOND;
        return time.getBitWidth() != (wide ? 64 : 32) ? "a time width that does not fit its unit"
            : noChildren(children);
      case FixedSizeBinary:
        return ((ArrowType.FixedSizeBinary) type).getByteWidth() < 0 ? "a negative width" : noChildren(children);
      case List:
      case LargeList:
        return children.size() == 1 ? null : "which has one child, with " + children.size();
      case FixedSizeList:
        if (((ArrowType.FixedSizeList) type).getListSize() < 0) {
          return "a negative list size";
        }
        return children.size() == 1 ? null : "which has one child, with " + children.size();
      case Map:
        return children.size() == 1 && children.get(0).getType().getTypeID() == ArrowType.ArrowTypeID.Struct
            && children.get(0).getChildren().size() == 2 && children.get(0).getDictionary() == null ? null
            : "which has one struct child of key and value";
      case Struct:
        return null;
      default:
        return "which Spark Connect results do not use and this client cannot decode";
    }
  }

  private static String noChildren(List<Field> children) {
    return children.isEmpty() ? null : "which has no children, with " + children.size();
  }

  /** The buffers of a vector of a loadable type, in IPC order. */
  static List<Buffer> layout(ArrowType type) {
    switch (type.getTypeID()) {
      case Null:
        return NONE;
      case Bool:
        return BITS;
      case Utf8:
      case Binary:
        return VAR_32;
      case LargeUtf8:
      case LargeBinary:
        return VAR_64;
      case List:
      case Map:
        return LIST_32;
      case LargeList:
        return LIST_64;
      case FixedSizeList:
      case Struct:
        return VALIDITY;
      default:
        return FIXED;
    }
  }

  /** The width in bytes of one value of a fixed-width type. */
  static int byteWidth(ArrowType type) {
    switch (type.getTypeID()) {
      case Int:
        return ((ArrowType.Int) type).getBitWidth() / 8;
      case FloatingPoint:
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        return precision == FloatingPointPrecision.HALF ? 2 : precision == FloatingPointPrecision.SINGLE ? 4 : 8;
      case Decimal:
        return ((ArrowType.Decimal) type).getBitWidth() / 8;
      case Date:
        return ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? 4 : 8;
      case Time:
        return ((ArrowType.Time) type).getBitWidth() / 8;
      case Interval:
        IntervalUnit unit = ((ArrowType.Interval) type).getUnit();
        return unit == IntervalUnit.YEAR_MONTH ? 4 : unit == IntervalUnit.DAY_TIME ? 8 : 16;
      case FixedSizeBinary:
        return ((ArrowType.FixedSizeBinary) type).getByteWidth();
      default:
        return 8; // Timestamp, Duration
    }
  }

  /** The kind a field of this Arrow type is read as when nothing else is expected, or null if none fits. */
  static FieldKind kindOf(ArrowType type) {
    switch (type.getTypeID()) {
      case Null:
        return FieldKind.NULL;
      case Bool:
        return FieldKind.BOOLEAN;
      case Int:
        ArrowType.Int integer = (ArrowType.Int) type;
        if (!integer.getIsSigned()) {
          return null;
        }
        switch (integer.getBitWidth()) {
          case 8:
            return FieldKind.BYTE;
          case 16:
            return FieldKind.SHORT;
          case 32:
            return FieldKind.INT;
          default:
            return FieldKind.LONG;
        }
      case FloatingPoint:
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        return precision == FloatingPointPrecision.SINGLE ? FieldKind.FLOAT
            : precision == FloatingPointPrecision.DOUBLE ? FieldKind.DOUBLE : null;
      case Decimal:
        return FieldKind.DECIMAL;
      case Utf8:
      case LargeUtf8:
        return FieldKind.STRING;
      case Binary:
      case LargeBinary:
      case FixedSizeBinary:
        return FieldKind.BINARY;
      case Date:
        return FieldKind.DATE;
      case Timestamp:
        return ((ArrowType.Timestamp) type).getTimezone() == null ? FieldKind.TIMESTAMP_NTZ : FieldKind.TIMESTAMP;
      case Interval:
        IntervalUnit unit = ((ArrowType.Interval) type).getUnit();
        return unit == IntervalUnit.YEAR_MONTH ? FieldKind.YEAR_MONTH_INTERVAL
            : unit == IntervalUnit.MONTH_DAY_NANO ? FieldKind.CALENDAR_INTERVAL : null;
      case Duration:
        return FieldKind.DAY_TIME_INTERVAL;
      case Time:
        return FieldKind.TIME;
      case List:
      case LargeList:
      case FixedSizeList:
        return FieldKind.ARRAY;
      case Map:
        return FieldKind.MAP;
      case Struct:
        return FieldKind.STRUCT;
      default:
        return null;
    }
  }

  /** Whether a field is a Spark variant: a struct of binary {@code value} and {@code metadata}. */
  static boolean isVariant(Field field) {
    if (field.getType().getTypeID() != ArrowType.ArrowTypeID.Struct || field.getChildren().size() != 2) {
      return false;
    }
    return variantChild(field, "value") >= 0 && variantChild(field, "metadata") >= 0;
  }

  /** The index of a variant's binary child of this name, or -1. */
  static int variantChild(Field field, String name) {
    List<Field> children = field.getChildren();
    for (int i = 0; i < children.size(); i++) {
      Field child = children.get(i);
      if (child.getName().equals(name) && (child.getType().getTypeID() == ArrowType.ArrowTypeID.Binary
          || child.getType().getTypeID() == ArrowType.ArrowTypeID.LargeBinary)) {
        return i;
      }
    }
    return -1;
  }
}
