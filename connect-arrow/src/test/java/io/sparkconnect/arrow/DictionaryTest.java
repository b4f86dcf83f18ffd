package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dictionary-encoded columns decode to their values, through dictionary batches and their deltas, both ways. */
class DictionaryTest {
  private static final DictionaryEncoding STRINGS = new DictionaryEncoding(1, false, new ArrowType.Int(32, true));
  private static final DictionaryEncoding LONGS = new DictionaryEncoding(2, false, new ArrowType.Int(8, true));
  /** (id long, s string encoded with dictionary 1), as the stream's schema message carries it. */
  private static final Schema ENCODED = new Schema(List.of(field("id", new ArrowType.Int(64, true)),
      new Field("s", new FieldType(true, ArrowType.Utf8.INSTANCE, STRINGS), List.of())));
  private static final List<ResultField> FIELDS = List.of(leaf("id", FieldKind.LONG), leaf("s", FieldKind.STRING));

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    allocator.close();
  }

  @Test
  void aStreamWrittenByArrowJavaWithDictionariesDecodes() {
    byte[] ipc;
    try (VarCharVector words = strings("words", "red", null, "green");
        VarCharVector raw = strings("s", "green", "red", null, "green", "red");
        BigIntVector longValues = longs("n", 1_000_000_000_000L, -7);
        BigIntVector rawLongs = longs("n", -7, -7, 1_000_000_000_000L, -7, 1_000_000_000_000L)) {
      Dictionary stringDictionary = new Dictionary(words, STRINGS);
      Dictionary longDictionary = new Dictionary(longValues, LONGS);
      DictionaryProvider.MapDictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider(stringDictionary, longDictionary);
      try (FieldVector s = (FieldVector) DictionaryEncoder.encode(raw, stringDictionary);
          FieldVector n = (FieldVector) DictionaryEncoder.encode(rawLongs, longDictionary)) {
        VectorSchemaRoot root = new VectorSchemaRoot(List.of(s, n));
        root.setRowCount(5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, provider, Channels.newChannel(out))) {
          writer.start();
          writer.writeBatch();
          writer.end();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
        ipc = out.toByteArray();
      }
    }
    List<List<Object>> expected = List.of(row("green", -7L), row("red", -7L), row(null, 1_000_000_000_000L),
        row("green", -7L), row("red", 1_000_000_000_000L));
    List<ResultField> fields = List.of(leaf("s", FieldKind.STRING), leaf("n", FieldKind.LONG));
    assertEquals(expected, decode(ipc, 5, fields));
    assertEquals(expected, viaForEach(ipc, 5, fields));
  }

  @Test
  void deltasExtendADictionaryAndANewDictionaryReplacesIt() {
    byte[] ipc = Ipc.concat(Ipc.schemaMessage(ENCODED),
        dictionary(1, false, "a", "b"),
        batch(new long[] {1, 2}, 0, 1),
        dictionary(1, true, "c"),
        batch(new long[] {3, 4, 5}, 2, null, 0),
        dictionary(1, false, "x"),
        batch(new long[] {6}, 0),
        Ipc.concat(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}));
    List<List<Object>> expected = List.of(row(1L, "a"), row(2L, "b"), row(3L, "c"), row(4L, null), row(5L, "a"),
        row(6L, "x"));
    assertEquals(expected, decode(ipc, 6, FIELDS));
    assertEquals(expected, viaForEach(ipc, 6, FIELDS));
    assertEquals(expected, decode(ipc, 6, List.of(ResultField.of("id", FieldKind.ANY, null, List.of()),
        ResultField.of("s", FieldKind.ANY, null, List.of()))), "read by Arrow type, a column reads as its values");
  }

  @Test
  void anIndexOutsideTheDictionaryIsAnError() {
    byte[] ipc = stream(dictionary(1, false, "a", "b"), batch(new long[] {1, 2}, 1, 2));
    assertEquals("Column 's' refers to entry 2 of Arrow dictionary 1, which has 2 entries", error(ipc, 2));
    byte[] negative = stream(dictionary(1, false, "a"), batch(new long[] {1}, -1));
    assertEquals("Column 's' refers to entry -1 of Arrow dictionary 1, which has 1 entries", error(negative, 1));
  }

  @Test
  void aRecordBatchBeforeItsDictionaryIsAnError() {
    byte[] ipc = stream(batch(new long[] {1}, 0), dictionary(1, false, "a"));
    assertEquals("Column 's' is encoded with Arrow dictionary 1, but no dictionary batch for it arrived before the "
        + "record batch", error(ipc, 1));
  }

  @Test
  void aDictionaryBatchOfAnUnknownIdIsAnError() {
    byte[] ipc = stream(dictionary(9, false, "a"), batch(new long[] {1}, 0));
    assertEquals("An Arrow dictionary batch has id 9, which no column of the schema uses (ids used: [1])",
        error(ipc, 1));
  }

  @Test
  void decodedValuesCountAgainstTheMemoryLimit() {
    String big = "v".repeat(64 * 1024);
    long[] ids = new long[64];
    long[] zeros = new long[64];
    Arrays.setAll(ids, i -> i);
    byte[] ipc = stream(dictionary(1, false, big), batch(ids, zeros));
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), 1 << 20)) {
      decoder.expect(FIELDS);
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), 64))).getMessage();
      assertTrue(error.startsWith("The decoded dictionary columns exceed the Arrow memory limit of 1048576 bytes"),
          error);
    }
    assertEquals(64, decode(ipc, 64, FIELDS).size(), "without the limit the same stream decodes");
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private byte[] stream(byte[]... messages) {
    return Ipc.concat(Ipc.schemaMessage(ENCODED), Ipc.concat(messages), new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
  }

  private static List<List<Object>> decode(byte[] ipc, long rows, List<ResultField> fields) {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(fields);
      List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows));
      decoder.finish();
      return Samples.rows(batches);
    }
  }

  /** The rows as {@link ResultDecoder#forEach} hands them out, read from the Arrow vectors. */
  private static List<List<Object>> viaForEach(byte[] ipc, long rows, List<ResultField> fields) {
    List<List<Object>> out = new ArrayList<>();
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(fields);
      decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> {
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            assertEquals(null, vector.getField().getDictionary(), "consumers get decoded columns");
            Object value = vector.getObject(r);
            row.add(value == null ? null : value instanceof Long ? value : value.toString());
          }
          out.add(row);
        }
      });
    }
    return out;
  }

  private static String error(byte[] ipc, long rows) {
    String viaAdd;
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(FIELDS);
      viaAdd = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows))).getMessage();
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(FIELDS);
      assertEquals(viaAdd, assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> { })).getMessage());
    }
    return viaAdd;
  }

  private VarCharVector strings(String name, String... values) {
    VarCharVector vector = new VarCharVector(name, allocator);
    vector.allocateNew();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private BigIntVector longs(String name, long... values) {
    BigIntVector vector = new BigIntVector(name, allocator);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      vector.set(i, values[i]);
    }
    vector.setValueCount(values.length);
    return vector;
  }

  /** A dictionary batch of dictionary {@code id} holding {@code values}. */
  private byte[] dictionary(long id, boolean delta, String... values) {
    try (VarCharVector vector = strings("s", values)) {
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(vector));
      root.setRowCount(values.length);
      try (ArrowRecordBatch data = new VectorUnloader(root).getRecordBatch();
          ArrowDictionaryBatch batch = new ArrowDictionaryBatch(id, data, delta)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), batch);
        return out.toByteArray();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A record batch of {@link #ENCODED}: the ids, and the indices of the strings ({@code null} for a null). */
  private byte[] batch(long[] ids, Object... indices) {
    try (BigIntVector id = longs("id", ids); IntVector s = new IntVector("s", allocator)) {
      s.allocateNew(indices.length);
      for (int i = 0; i < indices.length; i++) {
        if (indices[i] == null) {
          s.setNull(i);
        } else {
          s.set(i, ((Number) indices[i]).intValue());
        }
      }
      s.setValueCount(indices.length);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, s));
      root.setRowCount(ids.length);
      try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
        return Ipc.batchMessage(batch);
      }
    }
  }

  private byte[] batch(long[] ids, long[] indices) {
    Object[] boxed = new Object[indices.length];
    Arrays.setAll(boxed, i -> indices[i]);
    return batch(ids, boxed);
  }
}
