package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.StructValue;
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
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Builds the {@link ValueReader} for any vector Spark sends, recursively for nested types. */
final class ValueReaders {
  private ValueReaders() {}

  static ValueReader of(FieldVector vector) {
    if (vector instanceof NullVector) {
      return index -> null;
    }
    if (vector instanceof BitVector) {
      BitVector v = (BitVector) vector;
      return index -> v.isNull(index) ? null : v.get(index) != 0;
    }
    if (vector instanceof TinyIntVector) {
      TinyIntVector v = (TinyIntVector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof SmallIntVector) {
      SmallIntVector v = (SmallIntVector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof IntVector) {
      IntVector v = (IntVector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof BigIntVector) {
      BigIntVector v = (BigIntVector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof Float4Vector) {
      Float4Vector v = (Float4Vector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof Float8Vector) {
      Float8Vector v = (Float8Vector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof DecimalVector) {
      DecimalVector v = (DecimalVector) vector;
      return index -> v.isNull(index) ? null : v.getObject(index);
    }
    if (vector instanceof Decimal256Vector) {
      Decimal256Vector v = (Decimal256Vector) vector;
      return index -> v.isNull(index) ? null : v.getObject(index);
    }
    if (vector instanceof BaseVariableWidthVector || vector instanceof BaseLargeVariableWidthVector) {
      return variableWidth(vector);
    }
    if (vector instanceof FixedSizeBinaryVector) {
      FixedSizeBinaryVector v = (FixedSizeBinaryVector) vector;
      return index -> v.isNull(index) ? null : v.get(index);
    }
    if (vector instanceof DateDayVector) {
      DateDayVector v = (DateDayVector) vector;
      return index -> v.isNull(index) ? null : LocalDate.ofEpochDay(v.get(index));
    }
    if (vector instanceof DateMilliVector) {
      DateMilliVector v = (DateMilliVector) vector;
      return index -> v.isNull(index) ? null : LocalDate.ofEpochDay(Math.floorDiv(v.get(index), 86_400_000L));
    }
    if (vector instanceof TimeStampVector) {
      return timestamp((TimeStampVector) vector);
    }
    if (vector instanceof DurationVector) {
      DurationVector v = (DurationVector) vector;
      TimeUnit unit = ((ArrowType.Duration) v.getField().getType()).getUnit();
      return index -> v.isNull(index) ? null : toDuration(DurationVector.get(v.getDataBuffer(), index), unit);
    }
    if (vector instanceof IntervalYearVector) {
      IntervalYearVector v = (IntervalYearVector) vector;
      return index -> v.isNull(index) ? null : Period.ofMonths(v.get(index)).normalized();
    }
    if (vector instanceof IntervalMonthDayNanoVector) {
      IntervalMonthDayNanoVector v = (IntervalMonthDayNanoVector) vector;
      return index -> v.isNull(index) ? null : v.getObject(index);
    }
    if (vector instanceof TimeNanoVector) {
      TimeNanoVector v = (TimeNanoVector) vector;
      return index -> v.isNull(index) ? null : LocalTime.ofNanoOfDay(v.get(index));
    }
    if (vector instanceof TimeMicroVector) {
      TimeMicroVector v = (TimeMicroVector) vector;
      return index -> v.isNull(index) ? null : LocalTime.ofNanoOfDay(v.get(index) * 1000L);
    }
    if (vector instanceof MapVector) {
      return map((MapVector) vector);
    }
    if (vector instanceof ListVector) {
      ListVector v = (ListVector) vector;
      ValueReader elements = of(v.getDataVector());
      return index -> {
        if (v.isNull(index)) {
          return null;
        }
        int start = v.getElementStartIndex(index);
        int end = v.getElementEndIndex(index);
        return list(elements, start, end);
      };
    }
    if (vector instanceof LargeListVector) {
      LargeListVector v = (LargeListVector) vector;
      ValueReader elements = of(v.getDataVector());
      return index -> v.isNull(index) ? null
          : list(elements, Math.toIntExact(v.getElementStartIndex(index)),
              Math.toIntExact(v.getElementEndIndex(index)));
    }
    if (vector instanceof FixedSizeListVector) {
      FixedSizeListVector v = (FixedSizeListVector) vector;
      ValueReader elements = of(v.getDataVector());
      int width = v.getListSize();
      return index -> v.isNull(index) ? null : list(elements, index * width, index * width + width);
    }
    if (vector instanceof StructVector) {
      return struct((StructVector) vector);
    }
    throw new ArrowDecodingException("Cannot decode Arrow type " + vector.getField().getType() + " of column '"
        + vector.getField().getName() + "'; please report this with the query that produced it");
  }

  private static ValueReader variableWidth(FieldVector vector) {
    boolean utf8 = vector.getField().getType() instanceof ArrowType.Utf8
        || vector.getField().getType() instanceof ArrowType.LargeUtf8;
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      byte[] bytes = vector instanceof BaseVariableWidthVector
          ? ((BaseVariableWidthVector) vector).get(index)
          : ((BaseLargeVariableWidthVector) vector).get(index);
      return utf8 ? new String(bytes, StandardCharsets.UTF_8) : bytes;
    };
  }

  private static ValueReader timestamp(TimeStampVector vector) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long unitsPerSecond = unitsPerSecond(type.getUnit());
    long nanosPerUnit = 1_000_000_000L / unitsPerSecond;
    boolean zoned = type.getTimezone() != null;
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      long value = vector.get(index);
      long seconds = Math.floorDiv(value, unitsPerSecond);
      int nanos = (int) (Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
      return zoned ? Instant.ofEpochSecond(seconds, nanos)
          : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    };
  }

  private static long unitsPerSecond(TimeUnit unit) {
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

  private static List<Object> list(ValueReader elements, int start, int end) {
    List<Object> values = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      values.add(elements.read(i));
    }
    return Collections.unmodifiableList(values);
  }

  private static ValueReader map(MapVector vector) {
    StructVector entries = (StructVector) vector.getDataVector();
    ValueReader keys = of((FieldVector) entries.getChildByOrdinal(0));
    ValueReader values = of((FieldVector) entries.getChildByOrdinal(1));
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = vector.getElementStartIndex(index); i < vector.getElementEndIndex(index); i++) {
        map.put(keys.read(i), values.read(i));
      }
      return Collections.unmodifiableMap(map);
    };
  }

  private static ValueReader struct(StructVector vector) {
    List<FieldVector> children = vector.getChildrenFromFields();
    List<String> names = new ArrayList<>(children.size());
    ValueReader[] readers = new ValueReader[children.size()];
    for (int i = 0; i < readers.length; i++) {
      names.add(children.get(i).getField().getName());
      readers[i] = of(children.get(i));
    }
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      Object[] values = new Object[readers.length];
      for (int i = 0; i < readers.length; i++) {
        values[i] = readers[i].read(index);
      }
      return new StructValue(names, values);
    };
  }
}
