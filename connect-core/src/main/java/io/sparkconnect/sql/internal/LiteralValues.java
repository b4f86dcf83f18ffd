package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.Expression;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns protocol literals from the server, such as observed metrics, into the Java values of the type table. */
final class LiteralValues {
  private LiteralValues() {}

  static Object toJava(Expression.Literal literal) {
    switch (literal.getLiteralTypeCase()) {
      case NULL:
        return null;
      case BINARY:
        return literal.getBinary().toByteArray();
      case BOOLEAN:
        return literal.getBoolean();
      case BYTE:
        return (byte) literal.getByte();
      case SHORT:
        return (short) literal.getShort();
      case INTEGER:
        return literal.getInteger();
      case LONG:
        return literal.getLong();
      case FLOAT:
        return literal.getFloat();
      case DOUBLE:
        return literal.getDouble();
      case DECIMAL:
        return new BigDecimal(literal.getDecimal().getValue());
      case STRING:
        return literal.getString();
      case DATE:
        return LocalDate.ofEpochDay(literal.getDate());
      case TIMESTAMP:
        return Instant.ofEpochSecond(Math.floorDiv(literal.getTimestamp(), 1_000_000L),
            Math.floorMod(literal.getTimestamp(), 1_000_000L) * 1000);
      case TIMESTAMP_NTZ:
        return LocalDateTime.ofEpochSecond(Math.floorDiv(literal.getTimestampNtz(), 1_000_000L),
            (int) Math.floorMod(literal.getTimestampNtz(), 1_000_000L) * 1000, ZoneOffset.UTC);
      case YEAR_MONTH_INTERVAL:
        return Period.ofMonths(literal.getYearMonthInterval()).normalized();
      case DAY_TIME_INTERVAL:
        return Duration.ofNanos(Math.multiplyExact(literal.getDayTimeInterval(), 1000L));
      case ARRAY:
        List<Object> list = new ArrayList<>();
        literal.getArray().getElementsList().forEach(e -> list.add(toJava(e)));
        return java.util.Collections.unmodifiableList(list);
      case MAP:
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < literal.getMap().getKeysCount(); i++) {
          map.put(toJava(literal.getMap().getKeys(i)), toJava(literal.getMap().getValues(i)));
        }
        return java.util.Collections.unmodifiableMap(map);
      case STRUCT:
        List<Object> fields = new ArrayList<>();
        literal.getStruct().getElementsList().forEach(e -> fields.add(toJava(e)));
        return java.util.Collections.unmodifiableList(fields);
      default:
        return literal.toString();
    }
  }

  /** The observed metrics of one {@code observe} call as name-to-value, in the order they were declared. */
  static Map<String, Object> metrics(io.sparkconnect.proto.ExecutePlanResponse.ObservedMetrics observed,
      List<String> declaredNames) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < observed.getValuesCount(); i++) {
      String key = i < observed.getKeysCount() ? observed.getKeys(i)
          : i < declaredNames.size() ? declaredNames.get(i) : "_" + (i + 1);
      values.put(key, toJava(observed.getValues(i)));
    }
    return values;
  }
}
