package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.mapField;
import static io.sparkconnect.arrow.Ipc.required;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows of every type the encoder writes, shaped as Spark's ArrowUtils shapes them, with nulls at every level and
 * edge values; and a plain form (lists, hex strings, maps) in which written and read values are compared.
 */
final class EncoderSamples {
  static final ArrowType INT = new ArrowType.Int(32, true);
  static final ArrowType LONG = new ArrowType.Int(64, true);
  static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  static final ArrowType BINARY = ArrowType.Binary.INSTANCE;
  static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  static final ArrowType STRUCT = ArrowType.Struct.INSTANCE;
  static final ArrowType LIST = ArrowType.List.INSTANCE;

  static final Schema SCHEMA = new Schema(List.of(
      field("n", ArrowType.Null.INSTANCE),
      field("bool", ArrowType.Bool.INSTANCE),
      field("byte", new ArrowType.Int(8, true)),
      field("short", new ArrowType.Int(16, true)),
      field("int", INT),
      field("long", LONG),
      field("float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      field("double", DOUBLE),
      field("dec", new ArrowType.Decimal(38, 10, 128)),
      field("dec_small", new ArrowType.Decimal(5, 2, 128)),
      field("s", UTF8),
      field("bin", BINARY),
      field("date", new ArrowType.Date(DateUnit.DAY)),
      field("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
      field("ntz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      field("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
      field("dt", new ArrowType.Duration(TimeUnit.MICROSECOND)),
      field("cal", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)),
      field("time", new ArrowType.Time(TimeUnit.NANOSECOND, 64)),
      field("arr", LIST, field("element", INT)),
      field("nested", LIST, field("element", LIST, field("element", UTF8))),
      mapField("m", UTF8, field("value", STRUCT, field("a", LONG), field("b", LIST, field("element", DOUBLE)))),
      field("st", STRUCT,
          required("x", INT),
          field("y", STRUCT, field("z", UTF8), mapField("w", INT, field("value", BINARY))),
          field("arr", LIST, required("element", STRUCT, field("q", new ArrowType.Decimal(10, 3, 128))))),
      required("req", LONG)));

  private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};
  private static final String[] STRINGS = {"", "plain", "ünïcødé ✓ 𝄞", "line\nbreak\0nul", "x".repeat(300)};
  private static final BigDecimal[] DECIMALS = {
      new BigDecimal("0E-10"), new BigDecimal("1234567890123456789012345678.0123456789"),
      new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"),
      new BigDecimal("-1.5000000000"), new BigDecimal("9223372036854775808.0000000000")};
  private static final Instant[] INSTANTS = {Instant.EPOCH, Instant.parse("1900-01-01T00:00:00.000001Z"),
      Instant.ofEpochSecond(-1, 999_999_000), Instant.parse("2262-04-11T23:47:16.854775Z"),
      Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2024-02-29T12:34:56.789012Z")};

  private EncoderSamples() {}

  /** Row {@code i} as the encoder takes it. */
  static Object[] row(int i) {
    boolean allNull = i % 11 == 5;
    Object[] row = new Object[SCHEMA.getFields().size()];
    row[0] = null;
    row[1] = nullOr(allNull || i % 7 == 3, i % 2 == 0);
    row[2] = nullOr(allNull, (byte) (i % 2 == 0 ? Byte.MIN_VALUE + i : Byte.MAX_VALUE - i));
    row[3] = nullOr(allNull, (short) (i % 3 == 0 ? Short.MIN_VALUE + i : i * 31));
    row[4] = nullOr(allNull || i % 4 == 1, i % 5 == 0 ? Integer.MAX_VALUE - i : -i * 1_000_003);
    row[5] = nullOr(allNull, LONGS[i % LONGS.length] + (i % LONGS.length == 5 ? i : 0));
    row[6] = nullOr(allNull, i % 9 == 0 ? Float.NaN : i % 9 == 1 ? -0.0f : i % 9 == 2 ? Float.MIN_VALUE : i * 0.25f);
    row[7] = nullOr(allNull, i % 8 == 0 ? Double.NEGATIVE_INFINITY : i % 8 == 1 ? Double.MAX_VALUE : i / 3.0);
    row[8] = nullOr(allNull || i % 6 == 4, DECIMALS[i % DECIMALS.length]);
    row[9] = nullOr(allNull, new BigDecimal(i % 2 == 0 ? "-999.99" : "1.5").add(BigDecimal.valueOf(i % 2)));
    row[10] = nullOr(allNull || i % 3 == 2, STRINGS[i % STRINGS.length]);
    row[11] = nullOr(allNull, i % 4 == 0 ? new byte[0] : new byte[] {(byte) i, 0, (byte) 0xFF, (byte) (i * 7)});
    row[12] = nullOr(allNull, i % 3 == 0 ? LocalDate.of(1582, 10, 4).minusDays(i) : LocalDate.of(9999, 12, 31)
        .minusDays(i * 400L));
    row[13] = nullOr(allNull, INSTANTS[i % INSTANTS.length]);
    row[14] = nullOr(allNull, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000).plusSeconds(i * 86_401L));
    row[15] = nullOr(allNull, Period.ofMonths(i % 2 == 0 ? -i * 13 : i * 7).normalized());
    row[16] = nullOr(allNull, Duration.ofSeconds(-i * 3_600L, i * 1000L));
    row[17] = nullOr(allNull, new PeriodDuration(Period.of(0, i - 3, -i), Duration.ofNanos(i * 1_000_123L)));
    row[18] = nullOr(allNull, LocalTime.ofNanoOfDay(i * 1_234_567_891L % LocalTime.MAX.toNanoOfDay()));
    row[19] = nullOr(allNull || i % 5 == 2, i % 5 == 0 ? List.of()
        : Arrays.asList(i, null, -i, Integer.MIN_VALUE));
    row[20] = nullOr(allNull, i % 4 == 0 ? List.of() : Arrays.asList(
        Arrays.asList("a" + i, null), null, List.of(), List.of(STRINGS[i % STRINGS.length])));
    row[21] = nullOr(allNull || i % 6 == 1, map(i));
    row[22] = nullOr(allNull || i % 5 == 3, new Object[] {i,
        i % 3 == 1 ? null : new Object[] {i % 2 == 0 ? null : "z" + i, i % 4 == 0 ? null : intMap(i)},
        i % 4 == 2 ? null : Arrays.asList(new Object[] {new BigDecimal("1234567.891").negate()},
            new Object[] {null}, new Object[] {BigDecimal.valueOf(i, 3)})});
    row[23] = (long) i * i;
    return row;
  }

  static List<Object[]> rows(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  private static Map<String, Object> map(int i) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int k = 0; k < i % 4; k++) {
      map.put("k" + (3 - k), k == 1 ? null : List.of((long) i * k, k % 2 == 0 ? List.of() : Arrays.asList(1.5, null)));
    }
    return map;
  }

  private static Map<Integer, byte[]> intMap(int i) {
    Map<Integer, byte[]> map = new LinkedHashMap<>();
    map.put(i, new byte[] {1, 2, 3});
    map.put(-i - 1, null);
    map.put(0, new byte[0]);
    return map;
  }

  private static Object nullOr(boolean isNull, Object value) {
    return isNull ? null : value;
  }

  /**
   * A value in the form written and read values are compared in: lists for lists, arrays and structs (decoded
   * structs too), hex for bytes, insertion-ordered maps, decimals at the scale of their type, periods normalized.
   */
  static Object plain(Object value) {
    if (value instanceof byte[]) {
      return "0x" + HexFormat.of().formatHex((byte[]) value);
    }
    if (value instanceof Object[]) {
      return plain(Arrays.asList((Object[]) value));
    }
    if (value instanceof TestValues.Struct) {
      return plain(((TestValues.Struct) value).values());
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(plain(element));
      }
      return out;
    }
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(plain(k), plain(v)));
      return out;
    }
    if (value instanceof Period) {
      return ((Period) value).normalized();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }
    return value;
  }

  /** The fields the result decoder expects for an Arrow schema of the encodable types. */
  static List<ResultField> resultFields(List<Field> schema) {
    List<ResultField> fields = new ArrayList<>();
    for (Field field : schema) {
      fields.add(resultField(field));
    }
    return fields;
  }

  private static ResultField resultField(Field field) {
    ArrowType type = field.getType();
    List<ResultField> children = new ArrayList<>();
    FieldKind kind;
    switch (type.getTypeID()) {
      case Null:
        kind = FieldKind.NULL;
        break;
      case Bool:
        kind = FieldKind.BOOLEAN;
        break;
      case Int:
        int bits = ((ArrowType.Int) type).getBitWidth();
        kind = bits == 8 ? FieldKind.BYTE : bits == 16 ? FieldKind.SHORT : bits == 32 ? FieldKind.INT : FieldKind.LONG;
        break;
      case FloatingPoint:
        kind = ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE ? FieldKind.FLOAT
            : FieldKind.DOUBLE;
        break;
      case Decimal:
        kind = FieldKind.DECIMAL;
        break;
      case Utf8:
        kind = FieldKind.STRING;
        break;
      case Binary:
        kind = FieldKind.BINARY;
        break;
      case Date:
        kind = FieldKind.DATE;
        break;
      case Timestamp:
        kind = ((ArrowType.Timestamp) type).getTimezone() == null ? FieldKind.TIMESTAMP_NTZ : FieldKind.TIMESTAMP;
        break;
      case Interval:
        kind = ((ArrowType.Interval) type).getUnit() == IntervalUnit.YEAR_MONTH ? FieldKind.YEAR_MONTH_INTERVAL
            : FieldKind.CALENDAR_INTERVAL;
        break;
      case Duration:
        kind = FieldKind.DAY_TIME_INTERVAL;
        break;
      case Time:
        kind = FieldKind.TIME;
        break;
      case List:
        kind = FieldKind.ARRAY;
        children.add(resultField(field.getChildren().get(0)));
        break;
      case Map:
        kind = FieldKind.MAP;
        for (Field child : field.getChildren().get(0).getChildren()) {
          children.add(resultField(child));
        }
        break;
      default:
        kind = FieldKind.STRUCT;
        for (Field child : field.getChildren()) {
          children.add(resultField(child));
        }
    }
    return ResultField.of(field.getName(), kind, "api:" + field.getName(), children);
  }
}
