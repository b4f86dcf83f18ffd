package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.mapField;
import static io.sparkconnect.arrow.Ipc.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every type, with nulls and nesting, encoded and read back both by {@link ResultDecoder} and by Arrow Java's own
 * stream reader, so that a mistake shared by our encoder and decoder cannot pass; batching; and bad input.
 */
class ArrowEncoderTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void everyTypeRoundTripsThroughBothReaders() {
    List<Object[]> rows = EncoderSamples.rows(60);
    byte[] ipc = ArrowEncoder.create(EncoderSamples.SCHEMA).encode(rows);

    ArrowJavaReader.Read read = ArrowJavaReader.read(allocator, ipc);
    assertEquals(EncoderSamples.SCHEMA, read.schema());
    assertEquals(List.of(60), read.batchRows());
    assertEquals(expected(rows), read.rows());

    assertEquals(expected(rows), decode(ipc, 60));
  }

  @Test
  void messagesAndBuffersAre8ByteAligned() {
    byte[] ipc = ArrowEncoder.create(EncoderSamples.SCHEMA, 7, Long.MAX_VALUE).encode(EncoderSamples.rows(20));
    List<Ipc.Message> messages = Ipc.messages(ipc);
    assertEquals(1 + 3, messages.size());
    for (Ipc.Message message : messages) {
      assertEquals(0, message.bodyStart() % 8, "body of " + message);
      assertEquals(0, message.bodyLength() % 8, "body length of " + message);
    }
    for (int i = 0; i < Ipc.bufferCount(ipc, messages.get(1)); i++) {
      int position = Ipc.bufferPosition(ipc, messages.get(1), i);
      assertEquals(0, Ipc.getLong(ipc, position) % 8, "offset of buffer " + i);
    }
    assertEquals(ipc.length, messages.get(3).end() + 8, "the end-of-stream marker follows the last batch");
    assertEquals(-1, Ipc.getInt(ipc, ipc.length - 8));
    assertEquals(0, Ipc.getInt(ipc, ipc.length - 4));
  }

  @Test
  void batchesAreBoundedByRows() {
    List<Object[]> rows = EncoderSamples.rows(50);
    byte[] ipc = ArrowEncoder.create(EncoderSamples.SCHEMA, 7, Long.MAX_VALUE).encode(rows);
    ArrowJavaReader.Read read = ArrowJavaReader.read(allocator, ipc);
    assertEquals(List.of(7, 7, 7, 7, 7, 7, 7, 1), read.batchRows());
    assertEquals(expected(rows), read.rows());
    assertEquals(expected(rows), decode(ipc, 50));
  }

  @Test
  void batchesAreBoundedByBytes() {
    Schema schema = new Schema(List.of(field("id", EncoderSamples.LONG), field("s", EncoderSamples.UTF8)));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(new Object[] {(long) i, "v".repeat(i % 100)});
    }
    long bound = 16 * 1024;
    byte[] ipc = ArrowEncoder.create(schema, Integer.MAX_VALUE, bound).encode(rows);
    List<Ipc.Message> messages = Ipc.messages(ipc);
    assertTrue(messages.size() > 5, messages.size() + " messages");
    for (Ipc.Message batch : messages.subList(1, messages.size())) {
      // A batch ends with the row that reaches the bound: at most one row (8 + 99 + 4 bytes, padded) beyond it.
      assertTrue(batch.bodyLength() <= bound + 128, "a body of " + batch.bodyLength());
    }
    ArrowJavaReader.Read read = ArrowJavaReader.read(allocator, ipc);
    assertEquals(2000, read.batchRows().stream().mapToInt(Integer::intValue).sum());
    assertEquals(expected(rows), read.rows());
    assertEquals(expected(rows), decode(ipc, 2000));
  }

  @Test
  void noRowsIsASchemaAndTheEnd() {
    byte[] ipc = ArrowEncoder.create(EncoderSamples.SCHEMA).encode(List.of());
    ArrowJavaReader.Read read = ArrowJavaReader.read(allocator, ipc);
    assertEquals(EncoderSamples.SCHEMA, read.schema());
    assertEquals(List.of(), read.batchRows());
    assertEquals(List.of(), decode(ipc, 0));
  }

  @Test
  void rowsMayBeListsAndDecimalsAreRoundedHalfUp() {
    Schema schema = new Schema(List.of(field("d", new ArrowType.Decimal(5, 2, 128)),
        field("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))));
    byte[] ipc = ArrowEncoder.create(schema).encode(List.of(
        List.of(new BigDecimal("1.005"), Instant.ofEpochSecond(0, 1_999)),
        Arrays.asList(new BigDecimal("-1.005"), null),
        Arrays.asList(new BigDecimal("999.994"), Instant.ofEpochSecond(-1, 999_999_999))));
    assertEquals(List.of(
        List.of("1.01", Instant.ofEpochSecond(0, 1_000)),
        Arrays.asList("-1.01", null),
        Arrays.asList("999.99", Instant.ofEpochSecond(-1, 999_999_000))), ArrowJavaReader.read(allocator, ipc).rows());
  }

  @Test
  void aValueOfAnotherClassNamesRowFieldAndClasses() {
    ArrowEncoder encoder = ArrowEncoder.create(EncoderSamples.SCHEMA);
    List<Object[]> rows = EncoderSamples.rows(5);
    rows.get(3)[4] = 5L;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(rows));
    assertEquals("Row 3: field 'int' of Arrow type Int(32, true) takes a java.lang.Integer, not java.lang.Long (5)",
        e.getMessage());
  }

  @Test
  void badNestedValuesNameTheirPath() {
    ArrowEncoder encoder = ArrowEncoder.create(EncoderSamples.SCHEMA);
    assertBad(encoder, 22, new Object[] {1, new Object[] {7, null}, null},
        "Row 2: field 'st.y.z' of Arrow type Utf8 takes a String, not java.lang.Integer (7)");
    assertBad(encoder, 22, new Object[] {null, null, null},
        "Row 2: field 'st.x' is not nullable, but its value is null");
    assertBad(encoder, 22, new Object[] {1, null},
        "Row 2: field 'st' has 3 fields, but its value holds 2");
    assertBad(encoder, 22, "text",
        "Row 2: field 'st' takes a struct value (an Object[] or a List of its 3 field values), not java.lang.String"
            + " (text)");
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, null);
    assertBad(encoder, 21, nullKey, "Row 2: field 'm.key' is not nullable, but its value is null");
    assertBad(encoder, 19, Arrays.asList(1, "2"),
        "Row 2: field 'arr.element' of Arrow type Int(32, true) takes a java.lang.Integer, not java.lang.String (2)");
    assertBad(encoder, 19, Collections.singleton(1),
        "Row 2: field 'arr' of Arrow type List takes a List or an Object[], not java.util.Collections$SingletonSet"
            + " ([1])");
    assertBad(encoder, 23, null, "Row 2: field 'req' is not nullable, but its value is null");
    assertBad(encoder, 0, 1, "Row 2: field 'n' of Arrow type Null takes only null, not java.lang.Integer (1)");
    assertBad(encoder, 9, new BigDecimal("1000.00"),
        "Row 2: field 'dec_small' of Arrow type Decimal(5, 2, 128) cannot hold 1000.00: it needs more than the 5 "
            + "digits of decimal(5,2)");
    assertBad(encoder, 15, Period.of(1, 2, 3),
        "Row 2: field 'ym' of Arrow type Interval(YEAR_MONTH) cannot hold P1Y2M3D: a year-month interval has no "
            + "days; use Period.ofMonths or Period.ofYears");
  }

  @Test
  void badRowsAreNamed() {
    ArrowEncoder encoder = ArrowEncoder.create(EncoderSamples.SCHEMA);
    List<Object[]> rows = new ArrayList<>(EncoderSamples.rows(2));
    rows.add(null);
    assertEquals("Row 2 is null; a row holds its column values",
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(rows)).getMessage());
    assertEquals("Row 0: a row has 24 fields, but its value holds 1",
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.<Object>of(List.of(1)))).getMessage());
  }

  @Test
  void typesSparkDoesNotUseAreRefused() {
    assertRefused(field("u", new ArrowType.Int(32, false)), "Field 'u' has Arrow type Int(32, false), which Spark "
        + "does not use: its integers are signed and of 8, 16, 32 or 64 bits");
    assertRefused(field("t", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")), "Field 't' has Arrow type "
        + "Timestamp(MILLISECOND, UTC), which Spark does not use: its timestamps are in microseconds");
    assertRefused(field("l", EncoderSamples.LIST, field("e", ArrowType.LargeUtf8.INSTANCE)),
        "Field 'l.e' has Arrow type LargeUtf8, which Spark does not use for local data");
    assertRefused(field("d", new ArrowType.Decimal(40, 2, 256)),
        "Field 'd' has Arrow type Decimal(40, 2, 256), which Spark does not use: its decimals are 128 bits wide");
    assertRefused(new Field("dict", new FieldType(true, EncoderSamples.UTF8,
        new DictionaryEncoding(1, false, new ArrowType.Int(32, true))), List.of()),
        "Field 'dict' is dictionary-encoded; local data is written without dictionaries");
    assertRefused(field("m", new ArrowType.Map(false), required("entries", EncoderSamples.STRUCT,
        field("key", EncoderSamples.UTF8))),
        "Field 'm' has Arrow type Map(false), which has one struct child of a key and a value");
    assertThrows(IllegalArgumentException.class, () -> ArrowEncoder.create(EncoderSamples.SCHEMA, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> ArrowEncoder.create(EncoderSamples.SCHEMA, 1, 0));
  }

  @Test
  void mapsKeepTheirIterationOrder() {
    Schema schema = new Schema(List.of(mapField("m", EncoderSamples.INT, field("value", EncoderSamples.UTF8))));
    Map<Integer, String> ordered = new java.util.LinkedHashMap<>();
    for (int i = 20; i > 0; i--) {
      ordered.put(i * 7919 % 101, i % 3 == 0 ? null : "v" + i);
    }
    byte[] ipc = ArrowEncoder.create(schema).encode(Collections.singletonList(new Object[] {ordered}));
    assertEquals(List.of(List.of(ordered)), ArrowJavaReader.read(allocator, ipc).rows());
    assertEquals(List.of(List.of(ordered)), decode(ipc, 1));
  }

  private static void assertBad(ArrowEncoder encoder, int column, Object value, String message) {
    List<Object[]> rows = EncoderSamples.rows(4);
    rows.get(2)[column] = value;
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> encoder.encode(rows)).getMessage());
  }

  private static void assertRefused(Field field, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> ArrowEncoder.create(new Schema(List.of(field)))).getMessage());
  }

  static List<List<Object>> expected(List<Object[]> rows) {
    List<List<Object>> expected = new ArrayList<>();
    for (Object[] row : rows) {
      @SuppressWarnings("unchecked")
      List<Object> plain = (List<Object>) EncoderSamples.plain(row);
      expected.add(plain);
    }
    return expected;
  }

  /** The rows of a stream as our own decoder reads them, in plain form. */
  static List<List<Object>> decode(byte[] ipc, long rows) {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expectFromArrow(EncoderSamples::resultFields);
      List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows));
      decoder.finish();
      List<List<Object>> out = new ArrayList<>();
      for (List<Object> row : Samples.rows(batches)) {
        @SuppressWarnings("unchecked")
        List<Object> plain = (List<Object>) EncoderSamples.plain(row);
        out.add(plain);
      }
      return out;
    }
  }
}
