package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.array;
import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.leaf;
import static io.sparkconnect.arrow.Ipc.map;
import static io.sparkconnect.arrow.Ipc.mapField;
import static io.sparkconnect.arrow.Ipc.required;
import static io.sparkconnect.arrow.Ipc.struct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.TestValues.Struct;
import io.sparkconnect.arrow.TestValues.Variant;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.PeriodDuration;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Every kind, with nulls and nesting, decoded through {@link ResultDecoder} and compared exactly. */
class ResultDecoderKindsTest {
  static final ArrowType INT = new ArrowType.Int(32, true);
  static final ArrowType LONG = new ArrowType.Int(64, true);
  static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
  static final ArrowType BINARY = ArrowType.Binary.INSTANCE;
  static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  static final Schema FLAT = new Schema(List.of(
      field("n", ArrowType.Null.INSTANCE),
      field("bool", ArrowType.Bool.INSTANCE),
      field("byte", new ArrowType.Int(8, true)),
      field("short", new ArrowType.Int(16, true)),
      field("int", INT),
      field("long", LONG),
      field("float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      field("double", DOUBLE),
      field("dec", new ArrowType.Decimal(38, 10, 128)),
      field("str", UTF8),
      field("bin", BINARY),
      field("date", new ArrowType.Date(DateUnit.DAY)),
      field("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "America/Los_Angeles")),
      field("ntz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      field("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH)),
      field("dt", new ArrowType.Duration(TimeUnit.MICROSECOND)),
      field("cal", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)),
      field("time", new ArrowType.Time(TimeUnit.NANOSECOND, 64))));

  static final List<ResultField> FLAT_FIELDS = List.of(
      leaf("n", FieldKind.NULL), leaf("bool", FieldKind.BOOLEAN), leaf("byte", FieldKind.BYTE),
      leaf("short", FieldKind.SHORT), leaf("int", FieldKind.INT), leaf("long", FieldKind.LONG),
      leaf("float", FieldKind.FLOAT), leaf("double", FieldKind.DOUBLE), leaf("dec", FieldKind.DECIMAL),
      leaf("str", FieldKind.STRING), leaf("bin", FieldKind.BINARY), leaf("date", FieldKind.DATE),
      leaf("ts", FieldKind.TIMESTAMP), leaf("ntz", FieldKind.TIMESTAMP_NTZ),
      leaf("ym", FieldKind.YEAR_MONTH_INTERVAL), leaf("dt", FieldKind.DAY_TIME_INTERVAL),
      leaf("cal", FieldKind.CALENDAR_INTERVAL), leaf("time", FieldKind.TIME));

  /** Three rows; the middle one is null in every column. */
  static void fillFlat(VectorSchemaRoot root) {
    ((NullVector) root.getVector("n")).setValueCount(3);
    BitVector bool = (BitVector) root.getVector("bool");
    bool.setSafe(0, 1);
    bool.setSafe(2, 0);
    ((TinyIntVector) root.getVector("byte")).setSafe(0, Byte.MIN_VALUE);
    ((TinyIntVector) root.getVector("byte")).setSafe(2, Byte.MAX_VALUE);
    ((SmallIntVector) root.getVector("short")).setSafe(0, Short.MIN_VALUE);
    ((SmallIntVector) root.getVector("short")).setSafe(2, Short.MAX_VALUE);
    ((IntVector) root.getVector("int")).setSafe(0, Integer.MIN_VALUE);
    ((IntVector) root.getVector("int")).setSafe(2, Integer.MAX_VALUE);
    ((BigIntVector) root.getVector("long")).setSafe(0, Long.MIN_VALUE);
    ((BigIntVector) root.getVector("long")).setSafe(2, Long.MAX_VALUE);
    ((Float4Vector) root.getVector("float")).setSafe(0, -1.5f);
    ((Float4Vector) root.getVector("float")).setSafe(2, Float.MIN_VALUE);
    ((Float8Vector) root.getVector("double")).setSafe(0, Math.PI);
    ((Float8Vector) root.getVector("double")).setSafe(2, Double.NaN);
    ((DecimalVector) root.getVector("dec")).setSafe(0, new BigDecimal("-1234567890123456789012345678.0123456789"));
    ((DecimalVector) root.getVector("dec")).setSafe(2, new BigDecimal("0E-10"));
    ((VarCharVector) root.getVector("str")).setSafe(0, "héllo, 世界".getBytes(StandardCharsets.UTF_8));
    ((VarCharVector) root.getVector("str")).setSafe(2, new byte[0]);
    ((VarBinaryVector) root.getVector("bin")).setSafe(0, new byte[] {0, 1, -1});
    ((VarBinaryVector) root.getVector("bin")).setSafe(2, new byte[0]);
    ((DateDayVector) root.getVector("date")).setSafe(0, -1);
    ((DateDayVector) root.getVector("date")).setSafe(2, 19_000);
    ((TimeStampMicroTZVector) root.getVector("ts")).setSafe(0, -1);
    ((TimeStampMicroTZVector) root.getVector("ts")).setSafe(2, 1_700_000_000_123_456L);
    ((TimeStampMicroVector) root.getVector("ntz")).setSafe(0, -1_000_001);
    ((TimeStampMicroVector) root.getVector("ntz")).setSafe(2, 0);
    ((IntervalYearVector) root.getVector("ym")).setSafe(0, 14);
    ((IntervalYearVector) root.getVector("ym")).setSafe(2, -13);
    ((DurationVector) root.getVector("dt")).setSafe(0, -1);
    ((DurationVector) root.getVector("dt")).setSafe(2, 86_400_000_001L);
    ((IntervalMonthDayNanoVector) root.getVector("cal")).setSafe(0, 1, 2, 3);
    ((IntervalMonthDayNanoVector) root.getVector("cal")).setSafe(2, -1, -2, -3_000_000_000L);
    ((TimeNanoVector) root.getVector("time")).setSafe(0, 0);
    ((TimeNanoVector) root.getVector("time")).setSafe(2, 86_399_999_999_999L);
    for (FieldVector vector : root.getFieldVectors()) {
      vector.setValueCount(3);
    }
    root.setRowCount(3);
  }

  static List<DecodedBatch> decode(byte[] ipc, long rows, List<ResultField> schema, ValueFactory values) {
    try (ResultDecoder decoder = ResultDecoder.create(values, Long.MAX_VALUE)) {
      decoder.expect(schema);
      List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows));
      decoder.finish();
      return batches;
    }
  }

  @Test
  void decodesEveryAtomicKindWithNulls() {
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, FLAT, ResultDecoderKindsTest::fillFlat);
    }
    List<DecodedBatch> batches = decode(ipc, 3, FLAT_FIELDS, new TestValues());
    assertEquals(1, batches.size());
    DecodedBatch batch = batches.get(0);
    assertEquals(3, batch.rowCount());
    assertEquals(FLAT_FIELDS.size(), batch.columnCount());
    for (int c = 0; c < batch.columnCount(); c++) {
      assertTrue(batch.column(c).isNull(1), "row 1 of column " + c + " is null");
      assertNull(batch.column(c).get(1));
      assertEquals(3, batch.column(c).size());
    }
    assertTrue(batch.column(0).isNull(0));
    assertEquals(List.of(true, false), values(batch, 1));
    assertTrue(batch.column(1).getBoolean(0));
    assertEquals(List.of(Byte.MIN_VALUE, Byte.MAX_VALUE), values(batch, 2));
    assertEquals(Byte.MIN_VALUE, batch.column(2).getByte(0));
    assertEquals(List.of(Short.MIN_VALUE, Short.MAX_VALUE), values(batch, 3));
    assertEquals(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE), values(batch, 4));
    assertEquals(Integer.MAX_VALUE, batch.column(4).getInt(2));
    assertEquals(List.of(Long.MIN_VALUE, Long.MAX_VALUE), values(batch, 5));
    assertEquals(Long.MIN_VALUE, batch.column(5).getLong(0));
    assertEquals(List.of(-1.5f, Float.MIN_VALUE), values(batch, 6));
    assertEquals(List.of(Math.PI, Double.NaN), values(batch, 7));
    assertEquals(Math.PI, batch.column(7).getDouble(0));
    assertEquals(List.of(new BigDecimal("-1234567890123456789012345678.0123456789"), new BigDecimal("0E-10")),
        values(batch, 8));
    assertEquals(List.of("héllo, 世界", ""), values(batch, 9));
    assertArrayEquals(new byte[] {0, 1, -1}, (byte[]) batch.column(10).get(0));
    assertArrayEquals(new byte[0], (byte[]) batch.column(10).get(2));
    assertEquals(List.of(LocalDate.of(1969, 12, 31), LocalDate.ofEpochDay(19_000)), values(batch, 11));
    assertEquals(List.of(Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2023-11-14T22:13:20.123456Z")),
        values(batch, 12));
    assertEquals(List.of(LocalDateTime.parse("1969-12-31T23:59:58.999999"), LocalDateTime.parse("1970-01-01T00:00")),
        values(batch, 13));
    assertEquals(List.of(Period.of(1, 2, 0), Period.of(-1, -1, 0)), values(batch, 14));
    assertEquals(List.of(Duration.ofNanos(-1_000), Duration.ofDays(1).plusNanos(1_000)), values(batch, 15));
    assertEquals(List.of(new PeriodDuration(Period.of(0, 1, 2), Duration.ofNanos(3)),
        new PeriodDuration(Period.of(0, -1, -2), Duration.ofSeconds(-3))), values(batch, 16));
    assertEquals(List.of(LocalTime.MIDNIGHT, LocalTime.parse("23:59:59.999999999")), values(batch, 17));
    assertThrows(ClassCastException.class, () -> batch.column(9).getLong(0));
  }

  /** The values of rows 0 and 2. */
  private static List<Object> values(DecodedBatch batch, int column) {
    return Arrays.asList(batch.column(column).get(0), batch.column(column).get(2));
  }

  static final Schema NESTED = new Schema(List.of(
      field("arr", ArrowType.List.INSTANCE, field("element", INT)),
      mapField("m", UTF8, field("value", INT)),
      field("s", ArrowType.Struct.INSTANCE, field("a", INT), field("b", UTF8)),
      field("v", ArrowType.Struct.INSTANCE, required("value", BINARY), required("metadata", BINARY)),
      field("aos", ArrowType.List.INSTANCE,
          field("element", ArrowType.Struct.INSTANCE, field("x", LONG), field("tags", ArrowType.List.INSTANCE,
              field("element", UTF8)))),
      mapField("mos", UTF8, field("value", ArrowType.Struct.INSTANCE, field("d", DOUBLE))),
      field("sam", ArrowType.Struct.INSTANCE, field("ints", ArrowType.List.INSTANCE, field("element", INT)),
          mapField("kv", INT, field("value", UTF8)))));

  static final List<ResultField> NESTED_FIELDS = List.of(
      array("arr", leaf("element", FieldKind.INT)),
      map("m", leaf("key", FieldKind.STRING), leaf("value", FieldKind.INT)),
      struct("s", leaf("a", FieldKind.INT), leaf("b", FieldKind.STRING)),
      leaf("v", FieldKind.VARIANT),
      array("aos", struct("element", leaf("x", FieldKind.LONG), array("tags", leaf("element", FieldKind.STRING)))),
      map("mos", leaf("key", FieldKind.STRING), struct("value", leaf("d", FieldKind.DOUBLE))),
      struct("sam", array("ints", leaf("element", FieldKind.INT)),
          map("kv", leaf("key", FieldKind.INT), leaf("value", FieldKind.STRING))));

  static void fillNested(VectorSchemaRoot root) {
    // arr: [1, null, 3], null, []
    ListVector arr = (ListVector) root.getVector("arr");
    IntVector arrItems = (IntVector) arr.getDataVector();
    arr.startNewValue(0);
    arrItems.setSafe(0, 1);
    arrItems.setNull(1);
    arrItems.setSafe(2, 3);
    arr.endValue(0, 3);
    arr.setNull(1);
    arr.startNewValue(2);
    arr.endValue(2, 0);
    arrItems.setValueCount(3);

    // m: {a: 1, b: null}, null, {}
    MapVector m = (MapVector) root.getVector("m");
    StructVector mEntries = (StructVector) m.getDataVector();
    VarCharVector mKeys = (VarCharVector) mEntries.getChild("key");
    IntVector mValues = (IntVector) mEntries.getChild("value");
    m.startNewValue(0);
    mEntries.setIndexDefined(0);
    mKeys.setSafe(0, utf8("a"));
    mValues.setSafe(0, 1);
    mEntries.setIndexDefined(1);
    mKeys.setSafe(1, utf8("b"));
    mValues.setNull(1);
    m.endValue(0, 2);
    m.setNull(1);
    m.startNewValue(2);
    m.endValue(2, 0);
    mKeys.setValueCount(2);
    mValues.setValueCount(2);
    mEntries.setValueCount(2);

    // s: {1, "x"}, null, {null, null}
    StructVector s = (StructVector) root.getVector("s");
    s.setIndexDefined(0);
    ((IntVector) s.getChild("a")).setSafe(0, 1);
    ((VarCharVector) s.getChild("b")).setSafe(0, utf8("x"));
    s.setNull(1);
    s.setIndexDefined(2);
    setCounts(s, 3);

    // v: variant(0x0c01, 0x01), null, variant(0x00, 0x0100)
    StructVector v = (StructVector) root.getVector("v");
    v.setIndexDefined(0);
    ((VarBinaryVector) v.getChild("value")).setSafe(0, new byte[] {12, 1});
    ((VarBinaryVector) v.getChild("metadata")).setSafe(0, new byte[] {1});
    v.setNull(1);
    ((VarBinaryVector) v.getChild("value")).setSafe(1, new byte[0]);
    ((VarBinaryVector) v.getChild("metadata")).setSafe(1, new byte[0]);
    v.setIndexDefined(2);
    ((VarBinaryVector) v.getChild("value")).setSafe(2, new byte[] {0});
    ((VarBinaryVector) v.getChild("metadata")).setSafe(2, new byte[] {1, 0});
    setCounts(v, 3);

    // aos: [{x: 7, tags: ["p", null]}, null], null, [{x: null, tags: null}]
    ListVector aos = (ListVector) root.getVector("aos");
    StructVector aosItems = (StructVector) aos.getDataVector();
    BigIntVector x = (BigIntVector) aosItems.getChild("x");
    ListVector tags = (ListVector) aosItems.getChild("tags");
    VarCharVector tagItems = (VarCharVector) tags.getDataVector();
    aos.startNewValue(0);
    aosItems.setIndexDefined(0);
    x.setSafe(0, 7);
    tags.startNewValue(0);
    tagItems.setSafe(0, utf8("p"));
    tagItems.setNull(1);
    tags.endValue(0, 2);
    aosItems.setNull(1);
    tags.setNull(1);
    aos.endValue(0, 2);
    aos.setNull(1);
    aos.startNewValue(2);
    aosItems.setIndexDefined(2);
    x.setNull(2);
    tags.setNull(2);
    aos.endValue(2, 1);
    tagItems.setValueCount(2);
    tags.setValueCount(3);
    x.setValueCount(3);
    aosItems.setValueCount(3);

    // mos: {k: {d: 0.5}, n: null}, null, {}
    MapVector mos = (MapVector) root.getVector("mos");
    StructVector mosEntries = (StructVector) mos.getDataVector();
    VarCharVector mosKeys = (VarCharVector) mosEntries.getChild("key");
    StructVector mosValues = (StructVector) mosEntries.getChild("value");
    mos.startNewValue(0);
    mosEntries.setIndexDefined(0);
    mosKeys.setSafe(0, utf8("k"));
    mosValues.setIndexDefined(0);
    ((Float8Vector) mosValues.getChild("d")).setSafe(0, 0.5);
    mosEntries.setIndexDefined(1);
    mosKeys.setSafe(1, utf8("n"));
    mosValues.setNull(1);
    mos.endValue(0, 2);
    mos.setNull(1);
    mos.startNewValue(2);
    mos.endValue(2, 0);
    mosKeys.setValueCount(2);
    setCounts(mosValues, 2);
    mosEntries.setValueCount(2);

    // sam: {ints: [5], kv: {1: "one"}}, null, {ints: null, kv: {}}
    StructVector sam = (StructVector) root.getVector("sam");
    ListVector ints = (ListVector) sam.getChild("ints");
    MapVector kv = (MapVector) sam.getChild("kv");
    StructVector kvEntries = (StructVector) kv.getDataVector();
    sam.setIndexDefined(0);
    ints.startNewValue(0);
    ((IntVector) ints.getDataVector()).setSafe(0, 5);
    ints.endValue(0, 1);
    kv.startNewValue(0);
    kvEntries.setIndexDefined(0);
    ((IntVector) kvEntries.getChild("key")).setSafe(0, 1);
    ((VarCharVector) kvEntries.getChild("value")).setSafe(0, utf8("one"));
    kv.endValue(0, 1);
    sam.setNull(1);
    ints.setNull(1);
    kv.setNull(1);
    sam.setIndexDefined(2);
    ints.setNull(2);
    kv.startNewValue(2);
    kv.endValue(2, 0);
    ints.getDataVector().setValueCount(1);
    ints.setValueCount(3);
    setCounts(kvEntries, 1);
    kv.setValueCount(3);
    sam.setValueCount(3);

    for (FieldVector vector : root.getFieldVectors()) {
      vector.setValueCount(3);
    }
    root.setRowCount(3);
  }

  private static void setCounts(StructVector struct, int count) {
    for (FieldVector child : struct.getChildrenFromFields()) {
      child.setValueCount(count);
    }
    struct.setValueCount(count);
  }

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesNestedKindsBuildingStructsAndVariantsWithTheFactory() {
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, NESTED, ResultDecoderKindsTest::fillNested);
    }
    TestValues factory = new TestValues();
    DecodedBatch batch = decode(ipc, 3, NESTED_FIELDS, factory).get(0);
    for (int c = 0; c < batch.columnCount(); c++) {
      assertNull(batch.column(c).get(1), "row 1 of column " + c + " is null");
    }
    assertEquals(Arrays.asList(1, null, 3), batch.column(0).get(0));
    assertEquals(List.of(), batch.column(0).get(2));

    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", null);
    assertEquals(m, batch.column(1).get(0));
    assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) batch.column(1).get(0)).keySet()));
    assertEquals(Map.of(), batch.column(1).get(2));

    assertEquals(Struct.of("s", 1, "x"), batch.column(2).get(0));
    assertEquals(Struct.of("s", null, null), batch.column(2).get(2));

    assertEquals(new Variant("v", "0c01", "01"), batch.column(3).get(0));
    assertEquals(new Variant("v", "00", "0100"), batch.column(3).get(2));

    assertEquals(Arrays.asList(Struct.of("element", 7L, Arrays.asList("p", null)), null), batch.column(4).get(0));
    assertEquals(List.of(Struct.of("element", null, null)), batch.column(4).get(2));

    Map<Object, Object> mos = new LinkedHashMap<>();
    mos.put("k", Struct.of("value", 0.5));
    mos.put("n", null);
    assertEquals(mos, batch.column(5).get(0));
    assertEquals(Map.of(), batch.column(5).get(2));

    assertEquals(Struct.of("sam", List.of(5), Map.of(1, "one")), batch.column(6).get(0));
    assertEquals(Struct.of("sam", null, Map.of()), batch.column(6).get(2));
    assertEquals(7, factory.structs, "one factory call per non-null struct value");
  }

  @Test
  void anyDecodesByTheArrowTypeAndSynthesizesStructFields() {
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, NESTED, ResultDecoderKindsTest::fillNested);
    }
    List<ResultField> any = NESTED_FIELDS.stream()
        .map(f -> ResultField.of(f.name(), FieldKind.ANY, null, List.of())).toList();
    DecodedBatch batch = decode(ipc, 3, any, new TestValues()).get(0);
    assertEquals(new Struct("s", null, Arrays.asList(1, "x")), batch.column(2).get(0));
    // A variant without an expected kind is the struct Arrow sends.
    Struct variant = (Struct) batch.column(3).get(0);
    assertArrayEquals(new byte[] {12, 1}, (byte[]) variant.values().get(0));
    assertEquals(Arrays.asList(new Struct("element", null, Arrays.asList(7L, Arrays.asList("p", null))), null),
        batch.column(4).get(0));

    ResultField[] seen = new ResultField[1];
    DecodedBatch built = decode(ipc, 3, List.of(leaf("arr", FieldKind.ANY), leaf("m", FieldKind.ANY), leaf("s", FieldKind.ANY),
        leaf("v", FieldKind.VARIANT), leaf("aos", FieldKind.ANY), leaf("mos", FieldKind.ANY),
        struct("sam", leaf("ints", FieldKind.ANY), leaf("kv", FieldKind.ANY))), new ValueFactory() {
          @Override
          public Object struct(ResultField field, Object[] values) {
            if (field.name().equals("aos") || field.name().equals("element")) {
              seen[0] = field;
            }
            return "struct";
          }

          @Override
          public Object variant(ResultField field, byte[] value, byte[] metadata) {
            return "variant";
          }
        }).get(0);
    // Structs are built when read.
    assertEquals(Arrays.asList("struct", null), built.column(4).get(0));
    assertEquals(ResultField.of("element", FieldKind.STRUCT, null, List.of(
        ResultField.of("x", FieldKind.LONG, null, List.of()),
        ResultField.of("tags", FieldKind.ARRAY, null, List.of(ResultField.of("element", FieldKind.STRING, null,
            List.of()))))), seen[0]);
  }

  @Test
  void factoryExceptionsPassUnchanged() {
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, NESTED, ResultDecoderKindsTest::fillNested);
    }
    IllegalStateException mine = new IllegalStateException("mine");
    ValueFactory failing = new ValueFactory() {
      @Override
      public Object struct(ResultField field, Object[] values) {
        throw mine;
      }

      @Override
      public Object variant(ResultField field, byte[] value, byte[] metadata) {
        throw mine;
      }
    };
    assertEquals(mine, assertThrows(IllegalStateException.class, () -> decode(ipc, 3, NESTED_FIELDS, failing)));
  }

  @Test
  void resultFieldChecksChildrenCounts() {
    assertThrows(IllegalArgumentException.class, () -> ResultField.of("a", FieldKind.ARRAY, null, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ResultField.of("m", FieldKind.MAP, null, List.of(leaf("k", FieldKind.INT))));
    assertThrows(IllegalArgumentException.class,
        () -> ResultField.of("i", FieldKind.INT, null, List.of(leaf("k", FieldKind.INT))));
    assertEquals(List.of(), ResultField.of("s", FieldKind.STRUCT, null, List.of()).children());
  }
}
