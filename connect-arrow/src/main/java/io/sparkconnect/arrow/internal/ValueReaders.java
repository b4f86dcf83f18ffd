package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.ValueFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Builds the {@link ValueReader} of a vector from its {@link Plan}, recursively for nested types. The plan was
 * matched against the vector's Arrow type, so each kind meets only the vector classes listed for it.
 */
final class ValueReaders {
  private ValueReaders() {}

  static ValueReader of(Plan plan, FieldVector vector, ValueFactory factory) {
    if (plan.kind == null) {
      throw new ArrowDecodingException("Cannot decode Arrow type " + plan.arrowType + " of column '" + plan.path
          + "'; please report this with the query that produced it");
    }
    switch (plan.kind) {
      case NULL:
        return index -> null;
      case BOOLEAN: {
        BitVector v = (BitVector) vector;
        return index -> v.isNull(index) ? null : v.get(index) != 0;
      }
      case BYTE: {
        TinyIntVector v = (TinyIntVector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case SHORT: {
        SmallIntVector v = (SmallIntVector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case INT: {
        IntVector v = (IntVector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case LONG: {
        BigIntVector v = (BigIntVector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case FLOAT: {
        Float4Vector v = (Float4Vector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case DOUBLE: {
        Float8Vector v = (Float8Vector) vector;
        return index -> v.isNull(index) ? null : v.get(index);
      }
      case DECIMAL:
        if (vector instanceof DecimalVector) {
          DecimalVector v = (DecimalVector) vector;
          return index -> v.isNull(index) ? null : v.getObject(index);
        } else {
          Decimal256Vector v = (Decimal256Vector) vector;
          return index -> v.isNull(index) ? null : v.getObject(index);
        }
      case STRING:
        return variableWidth(vector, true);
      case BINARY:
        if (vector instanceof FixedSizeBinaryVector) {
          FixedSizeBinaryVector v = (FixedSizeBinaryVector) vector;
          return index -> v.isNull(index) ? null : v.get(index);
        }
        return variableWidth(vector, false);
      case DATE:
        if (vector instanceof DateDayVector) {
          DateDayVector v = (DateDayVector) vector;
          return index -> v.isNull(index) ? null : LocalDate.ofEpochDay(v.get(index));
        } else {
          DateMilliVector v = (DateMilliVector) vector;
          return index -> v.isNull(index) ? null : LocalDate.ofEpochDay(Math.floorDiv(v.get(index), 86_400_000L));
        }
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return timestamp((TimeStampVector) vector);
      case YEAR_MONTH_INTERVAL: {
        IntervalYearVector v = (IntervalYearVector) vector;
        return index -> v.isNull(index) ? null : Period.ofMonths(v.get(index)).normalized();
      }
      case DAY_TIME_INTERVAL: {
        DurationVector v = (DurationVector) vector;
        TimeUnit unit = ((ArrowType.Duration) v.getField().getType()).getUnit();
        return index -> v.isNull(index) ? null : toDuration(DurationVector.get(v.getDataBuffer(), index), unit);
      }
      case CALENDAR_INTERVAL: {
        IntervalMonthDayNanoVector v = (IntervalMonthDayNanoVector) vector;
        return index -> v.isNull(index) ? null : v.getObject(index);
      }
      case TIME:
        return time(vector);
      case ARRAY:
        return array(plan, vector, factory);
      case MAP:
        return map(plan, (MapVector) vector, factory);
      case STRUCT:
        return struct(plan, (StructVector) vector, factory);
      case VARIANT:
        return variant(plan, (StructVector) vector, factory);
      default:
        throw new IllegalStateException("No reader for " + plan.kind);
    }
  }

  private static ValueReader variableWidth(FieldVector vector, boolean utf8) {
    if (vector instanceof BaseVariableWidthVector) {
      BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
      return utf8 ? index -> v.isNull(index) ? null : new String(v.get(index), StandardCharsets.UTF_8)
          : index -> v.isNull(index) ? null : v.get(index);
    }
    BaseLargeVariableWidthVector v = (BaseLargeVariableWidthVector) vector;
    return utf8 ? index -> v.isNull(index) ? null : new String(v.get(index), StandardCharsets.UTF_8)
        : index -> v.isNull(index) ? null : v.get(index);
  }

  private static ValueReader timestamp(TimeStampVector vector) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long unitsPerSecond = unitsPerSecond(type.getUnit());
    boolean zoned = type.getTimezone() != null;
    return index -> vector.isNull(index) ? null : timestamp(vector.get(index), unitsPerSecond, zoned);
  }

  /** A timestamp of {@code value} units since the epoch: an instant if {@code zoned}, else a local date-time. */
  static Object timestamp(long value, long unitsPerSecond, boolean zoned) {
    long seconds = Math.floorDiv(value, unitsPerSecond);
    int nanos = (int) (Math.floorMod(value, unitsPerSecond) * (1_000_000_000L / unitsPerSecond));
    return zoned ? Instant.ofEpochSecond(seconds, nanos) : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private static ValueReader time(FieldVector vector) {
    if (vector instanceof TimeNanoVector) {
      TimeNanoVector v = (TimeNanoVector) vector;
      return index -> v.isNull(index) ? null : LocalTime.ofNanoOfDay(v.get(index));
    }
    if (vector instanceof TimeMicroVector) {
      TimeMicroVector v = (TimeMicroVector) vector;
      return index -> v.isNull(index) ? null : LocalTime.ofNanoOfDay(Math.multiplyExact(v.get(index), 1000L));
    }
    if (vector instanceof TimeMilliVector) {
      TimeMilliVector v = (TimeMilliVector) vector;
      return index -> v.isNull(index) ? null : LocalTime.ofNanoOfDay(v.get(index) * 1_000_000L);
    }
    TimeSecVector v = (TimeSecVector) vector;
    return index -> v.isNull(index) ? null : LocalTime.ofSecondOfDay(v.get(index));
  }

  static long unitsPerSecond(TimeUnit unit) {
    switch (unit) {
      case SECOND:
        return 1L;
      case MILLISECOND:
        return 1_000L;
      case MICROSECOND:
        return 1_000_000L;
      default:
        return 1_000_000_000L;
    }
  }

  private static Duration toDuration(long value, TimeUnit unit) {
    long perSecond = unitsPerSecond(unit);
    return Duration.ofSeconds(Math.floorDiv(value, perSecond),
        Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
  }

  private static ValueReader array(Plan plan, FieldVector vector, ValueFactory factory) {
    Plan element = plan.children.get(0);
    if (vector instanceof ListVector) {
      ListVector v = (ListVector) vector;
      ValueReader elements = of(element, v.getDataVector(), factory);
      return index -> v.isNull(index) ? null
          : list(elements, v.getElementStartIndex(index), v.getElementEndIndex(index));
    }
    if (vector instanceof LargeListVector) {
      LargeListVector v = (LargeListVector) vector;
      ValueReader elements = of(element, v.getDataVector(), factory);
      // Offsets were checked to fit in an int.
      return index -> v.isNull(index) ? null
          : list(elements, (int) v.getElementStartIndex(index), (int) v.getElementEndIndex(index));
    }
    FixedSizeListVector v = (FixedSizeListVector) vector;
    ValueReader elements = of(element, v.getDataVector(), factory);
    int width = v.getListSize();
    return index -> v.isNull(index) ? null : list(elements, index * width, index * width + width);
  }

  static List<Object> list(ValueReader elements, int start, int end) {
    List<Object> values = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      values.add(elements.read(i));
    }
    return Collections.unmodifiableList(values);
  }

  private static ValueReader map(Plan plan, MapVector vector, ValueFactory factory) {
    StructVector entries = (StructVector) vector.getDataVector();
    ValueReader keys = of(plan.children.get(0), (FieldVector) entries.getChildByOrdinal(0), factory);
    ValueReader values = of(plan.children.get(1), (FieldVector) entries.getChildByOrdinal(1), factory);
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      int end = vector.getElementEndIndex(index);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = vector.getElementStartIndex(index); i < end; i++) {
        map.put(keys.read(i), values.read(i));
      }
      return Collections.unmodifiableMap(map);
    };
  }

  private static ValueReader struct(Plan plan, StructVector vector, ValueFactory factory) {
    List<FieldVector> children = vector.getChildrenFromFields();
    ValueReader[] readers = new ValueReader[children.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = of(plan.children.get(i), children.get(i), factory);
    }
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      Object[] values = new Object[readers.length];
      for (int i = 0; i < readers.length; i++) {
        values[i] = readers[i].read(index);
      }
      try {
        return factory.struct(plan.field, values);
      } catch (RuntimeException e) {
        throw new CallerException(e);
      }
    };
  }

  private static ValueReader variant(Plan plan, StructVector vector, ValueFactory factory) {
    List<FieldVector> children = vector.getChildrenFromFields();
    ValueReader value = variableWidth(children.get(plan.variantValue), false);
    ValueReader metadata = variableWidth(children.get(plan.variantMetadata), false);
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      byte[] valueBytes = (byte[]) value.read(index);
      byte[] metadataBytes = (byte[]) metadata.read(index);
      try {
        return factory.variant(plan.field, valueBytes, metadataBytes);
      } catch (RuntimeException e) {
        throw new CallerException(e);
      }
    };
  }

  /** Carries an exception of the caller's value factory through decoding, which must not wrap it. */
  static final class CallerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallerException(RuntimeException cause) {
      super(cause);
    }

    RuntimeException original() {
      return (RuntimeException) getCause();
    }
  }
}
