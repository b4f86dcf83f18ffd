package io.sparkconnect.arrow.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How the Java values of one fixed-width Arrow type are checked and written, as Spark's {@code ArrowWriter} writes
 * them: timestamps and durations in microseconds (finer digits are dropped, as Spark drops them), dates in days,
 * decimals rounded half-up to the type's scale (as Spark rounds them) and refused when they need more digits than
 * the precision.
 */
abstract class FixedWidthValue {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final ArrowType type;
  private final int width;
  private final Class<?> javaClass;

  private FixedWidthValue(ArrowType type, int width, Class<?> javaClass) {
    this.type = type;
    this.width = width;
    this.javaClass = javaClass;
  }

  /** The writer of a fixed-width type that {@link EncodableTypes} accepted. */
  static FixedWidthValue of(ArrowType type) {
    switch (type.getTypeID()) {
      case Int:
        switch (((ArrowType.Int) type).getBitWidth()) {
          case 8:
            return simple(type, 1, Byte.class, (v, out) -> out.putByte((Byte) v));
          case 16:
            return simple(type, 2, Short.class, (v, out) -> out.putShort((Short) v));
          case 32:
            return simple(type, 4, Integer.class, (v, out) -> out.putInt((Integer) v));
          default:
            return simple(type, 8, Long.class, (v, out) -> out.putLong((Long) v));
        }
      case FloatingPoint:
        return ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
            ? simple(type, 4, Float.class, (v, out) -> out.putInt(Float.floatToRawIntBits((Float) v)))
            : simple(type, 8, Double.class, (v, out) -> out.putLong(Double.doubleToRawLongBits((Double) v)));
      case Decimal:
        return new DecimalValue((ArrowType.Decimal) type);
      case Date:
        return simple(type, 4, LocalDate.class, (v, out) -> out.putInt(Math.toIntExact(((LocalDate) v).toEpochDay())));
      case Timestamp:
        return ((ArrowType.Timestamp) type).getTimezone() == null
            ? simple(type, 8, LocalDateTime.class, (v, out) -> out.putLong(micros((LocalDateTime) v)))
            : simple(type, 8, Instant.class, (v, out) -> out.putLong(micros((Instant) v)));
      case Duration:
        return simple(type, 8, Duration.class, (v, out) -> out.putLong(micros((Duration) v)));
      case Time:
        return simple(type, 8, LocalTime.class, (v, out) -> out.putLong(((LocalTime) v).toNanoOfDay()));
      case Interval:
        return ((ArrowType.Interval) type).getUnit() == IntervalUnit.YEAR_MONTH
            ? simple(type, 4, Period.class, (v, out) -> out.putInt(months((Period) v)))
            : simple(type, 16, PeriodDuration.class, (v, out) -> monthDayNano((PeriodDuration) v, out));
      default:
        throw new IllegalStateException("Not a fixed-width type: " + type);
    }
  }

  int width() {
    return width;
  }

  /** Checks the value's class and appends it; a value that does not fit is a {@link BadValue} naming the path. */
  final void write(Object value, ByteSink out, String path) {
    if (!javaClass.isInstance(value)) {
      throw BadValue.wrongClass(path, type, "a " + javaClass.getName(), value);
    }
    try {
      put(value, out);
    } catch (ArithmeticException e) {
      throw new BadValue("field '" + path + "' of Arrow type " + type + " cannot hold " + Values.describe(value)
          + ": " + e.getMessage(), e);
    }
  }

  abstract void put(Object value, ByteSink out);

  private interface Putter {
    void put(Object value, ByteSink out);
  }

  private static FixedWidthValue simple(ArrowType type, int width, Class<?> javaClass, Putter putter) {
    return new FixedWidthValue(type, width, javaClass) {
      @Override
      void put(Object value, ByteSink out) {
        putter.put(value, out);
      }
    };
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  private static long micros(LocalDateTime dateTime) {
    return Math.addExact(Math.multiplyExact(dateTime.toEpochSecond(ZoneOffset.UTC), MICROS_PER_SECOND),
        dateTime.getNano() / 1000);
  }

  private static long micros(Duration duration) {
    return Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND), duration.getNano() / 1000);
  }

  private static int months(Period period) {
    if (period.getDays() != 0) {
      throw new ArithmeticException("a year-month interval has no days; use Period.ofMonths or Period.ofYears");
    }
    return Math.toIntExact(period.toTotalMonths());
  }

  private static void monthDayNano(PeriodDuration value, ByteSink out) {
    out.putInt(Math.toIntExact(value.getPeriod().toTotalMonths()));
    out.putInt(value.getPeriod().getDays());
    out.putLong(value.getDuration().toNanos());
  }

  /** 128-bit decimals: the unscaled value in two's complement, little-endian. */
  private static final class DecimalValue extends FixedWidthValue {
    private final int precision;
    private final int scale;
    private final BigInteger limit;

    DecimalValue(ArrowType.Decimal type) {
      super(type, 16, BigDecimal.class);
      this.precision = type.getPrecision();
      this.scale = type.getScale();
      this.limit = BigInteger.TEN.pow(precision);
    }

    @Override
    void put(Object value, ByteSink out) {
      BigInteger unscaled = ((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP).unscaledValue();
      if (unscaled.abs().compareTo(limit) >= 0) {
        throw new ArithmeticException("it needs more than the " + precision + " digits of decimal(" + precision
            + "," + scale + ")");
      }
      if (unscaled.bitLength() < 64) {
        long small = unscaled.longValue();
        out.putLong(small);
        out.putLong(small < 0 ? -1L : 0L);
        return;
      }
      byte[] bigEndian = unscaled.toByteArray();
      byte fill = unscaled.signum() < 0 ? (byte) -1 : 0;
      for (int i = 0; i < 16; i++) {
        out.putByte(i < bigEndian.length ? bigEndian[bigEndian.length - 1 - i] : fill);
      }
    }
  }
}
