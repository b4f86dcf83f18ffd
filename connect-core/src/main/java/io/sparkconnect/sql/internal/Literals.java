package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.sparkconnect.proto.Expression;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Converts Java values into protocol literals understood by both 3.5 and 4.x servers. */
public final class Literals {
  private Literals() {}

  /**
   * The literal for a Java value of the type table.
   *
   * @throws IllegalArgumentException naming the unsupported class
   */
  public static Expression.Literal of(Object value) {
    Expression.Literal.Builder literal = Expression.Literal.newBuilder();
    if (value == null) {
      return literal.setNull(io.sparkconnect.proto.DataType.newBuilder()
          .setNull(io.sparkconnect.proto.DataType.NULL.getDefaultInstance())).build();
    }
    if (value instanceof Boolean) {
      return literal.setBoolean((Boolean) value).build();
    }
    if (value instanceof Byte) {
      return literal.setByte((Byte) value).build();
    }
    if (value instanceof Short) {
      return literal.setShort((Short) value).build();
    }
    if (value instanceof Integer) {
      return literal.setInteger((Integer) value).build();
    }
    if (value instanceof Long) {
      return literal.setLong((Long) value).build();
    }
    if (value instanceof Float) {
      return literal.setFloat((Float) value).build();
    }
    if (value instanceof Double) {
      return literal.setDouble((Double) value).build();
    }
    if (value instanceof BigDecimal) {
      BigDecimal decimal = (BigDecimal) value;
      if (decimal.scale() < 0) {
        decimal = decimal.setScale(0);
      }
      int scale = decimal.scale();
      int precision = Math.max(decimal.precision(), scale);
      if (precision > 38) {
        throw new IllegalArgumentException("Decimal " + decimal + " needs precision " + precision
            + "; Spark decimals hold at most 38 digits");
      }
      return literal.setDecimal(Expression.Literal.Decimal.newBuilder()
          .setValue(decimal.toPlainString()).setPrecision(precision).setScale(scale)).build();
    }
    if (value instanceof String || value instanceof Character) {
      return literal.setString(value.toString()).build();
    }
    if (value instanceof byte[]) {
      return literal.setBinary(ByteString.copyFrom((byte[]) value)).build();
    }
    if (value instanceof LocalDate) {
      return literal.setDate(Math.toIntExact(((LocalDate) value).toEpochDay())).build();
    }
    if (value instanceof Date) {
      return literal.setDate(Math.toIntExact(((Date) value).toLocalDate().toEpochDay())).build();
    }
    if (value instanceof Instant) {
      return literal.setTimestamp(micros((Instant) value)).build();
    }
    if (value instanceof Timestamp) {
      return literal.setTimestamp(micros(((Timestamp) value).toInstant())).build();
    }
    if (value instanceof LocalDateTime) {
      return literal.setTimestampNtz(micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC))).build();
    }
    if (value instanceof Duration) {
      return literal.setDayTimeInterval(((Duration) value).truncatedTo(ChronoUnit.MICROS).toNanos() / 1000).build();
    }
    if (value instanceof Period) {
      return literal.setYearMonthInterval(Math.toIntExact(((Period) value).toTotalMonths())).build();
    }
    throw new IllegalArgumentException("Cannot use a " + value.getClass().getName() + " as a literal; use a "
        + "boxed primitive, String, BigDecimal, byte[], LocalDate, Instant, LocalDateTime, Duration or Period, "
        + "or build arrays, maps and structs with functions.array, map and struct");
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
