package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.Ipc.Message;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.ArrowBodyCompression;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Malformed input is answered with an {@link ArrowDecodingException} naming the problem, through both
 * {@link ResultDecoder#add} and {@link ResultDecoder#forEach}, and leaks no Arrow memory (closing a decoder with
 * outstanding buffers would throw).
 */
class MalformedInputTest {
  private static final int ROWS = 5;
  private static final byte[] VALID = Samples.stream(0, ROWS);
  private static final List<Message> MESSAGES = Ipc.messages(VALID);
  private static final Message SCHEMA = MESSAGES.get(0);
  private static final Message BATCH = MESSAGES.get(1);

  /** The error both paths give for {@code ipc} announced as {@code rows} rows. */
  static String error(byte[] ipc, long rows) {
    return error(ipc, rows, Long.MAX_VALUE);
  }

  static String error(byte[] ipc, long rows, long maxBytes) {
    return error(ipc, rows, maxBytes, Samples.FIELDS);
  }

  static String error(byte[] ipc, long rows, List<ResultField> expected) {
    return error(ipc, rows, Long.MAX_VALUE, expected);
  }

  static String error(byte[] ipc, long rows, long maxBytes, List<ResultField> expected) {
    String viaAdd;
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), maxBytes)) {
      decoder.expect(expected);
      viaAdd = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows))).getMessage();
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), maxBytes)) {
      String viaForEach = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> { })).getMessage();
      assertEquals(viaAdd, viaForEach, "both paths check alike");
    }
    return viaAdd;
  }

  private static void assertContains(String error, String expected) {
    assertTrue(error.contains(expected), () -> "'" + expected + "' not in: " + error);
  }

  private static byte[] valid() {
    return VALID.clone();
  }

  @Test
  void theValidStreamDecodes() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      assertEquals(Samples.expectedRows(0, ROWS),
          Samples.rows(decoder.add(ArrowChunk.whole(ByteBuffer.wrap(VALID), ROWS))));
      assertEquals(List.of(), decoder.add(ArrowChunk.whole(ByteBuffer.allocate(0), 0)));
    }
  }

  @Test
  void truncatedBody() {
    byte[] ipc = Arrays.copyOf(VALID, BATCH.end() - 10);
    assertContains(error(ipc, ROWS), "declares a body of " + BATCH.bodyLength() + " bytes but "
        + (BATCH.bodyLength() - 10) + " bytes are left");
  }

  @Test
  void truncatedMetadata() {
    byte[] ipc = Arrays.copyOf(VALID, BATCH.metadataStart() + 10);
    assertContains(error(ipc, ROWS), "message metadata of " + BATCH.metadataLength()
        + " bytes does not fit in the 10 bytes left");
    ipc = Arrays.copyOf(VALID, BATCH.start() + 6);
    assertContains(error(ipc, ROWS), "a message length prefix of 4 bytes does not fit in the 2 bytes left");
    ipc = Arrays.copyOf(VALID, BATCH.start() + 3);
    assertContains(error(ipc, ROWS), "a message length prefix of 4 bytes does not fit in the 3 bytes left");
  }

  @Test
  void recordBatchBeforeSchema() {
    byte[] ipc = Arrays.copyOfRange(VALID, BATCH.start(), VALID.length);
    assertContains(error(ipc, ROWS), "Arrow record batch arrived before its schema message");
  }

  @Test
  void rowsBeforeExpectAreAnError() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(VALID), ROWS))).getMessage();
      assertContains(error, "An Arrow batch of 5 rows arrived without a schema");
    }
  }

  @Test
  void unknownMessageTypes() {
    for (int type : new int[] {MessageHeader.NONE, MessageHeader.Tensor, 99}) {
      byte[] ipc = valid();
      ipc[Ipc.headerTypePosition(ipc, BATCH)] = (byte) type;
      assertContains(error(ipc, ROWS), "Unsupported Arrow IPC message type " + type + " ("
          + (type == 99 ? "unknown" : MessageHeader.name(type)) + ")");
    }
  }

  @Test
  void aRecordBatchRelabelledAsADictionaryBatch() {
    byte[] ipc = valid();
    ipc[Ipc.headerTypePosition(ipc, BATCH)] = MessageHeader.DictionaryBatch;
    assertContains(error(ipc, ROWS), "Malformed Arrow IPC message: its flatbuffer");
  }

  @Test
  void dictionaryEncodingBelowTheTopLevel() {
    Field encoded = new Field("d", new FieldType(true, ArrowType.Utf8.INSTANCE,
        new DictionaryEncoding(1, false, null)), List.of());
    List<ResultField> any = List.of(ResultField.of("s", FieldKind.ANY, null, List.of()));
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(field("s", ArrowType.Struct.INSTANCE, encoded)))), 0,
        any), "Field 's.d' is dictionary-encoded inside another column; this client decodes dictionary encoding "
        + "of top-level columns only");
  }

  @Test
  void compressedBodiesWithoutUncompressedLengths() {
    byte[] batch;
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(Samples.SCHEMA, allocator)) {
      Samples.fill(root, 0, ROWS);
      try (ArrowRecordBatch plain = new VectorUnloader(root).getRecordBatch();
          ArrowRecordBatch compressed = new ArrowRecordBatch(plain.getLength(), plain.getNodes(),
              plain.getBuffers(), new ArrowBodyCompression(CompressionUtil.CodecType.LZ4_FRAME.getType(),
                  BodyCompressionMethod.BUFFER))) {
        batch = Ipc.batchMessage(compressed);
      }
    }
    byte[] ipc = Ipc.concat(Arrays.copyOf(VALID, SCHEMA.end()), batch);
    assertContains(error(ipc, ROWS), "In a LZ4_FRAME-compressed Arrow batch, the validity buffer of column 'id' has 1 "
        + "bytes, too few for its 8-byte uncompressed length");
  }

  @Test
  void rowCountOtherThanAnnounced() {
    assertContains(error(VALID, ROWS + 1), "An Arrow batch announced 6 rows but holds 5");
    assertContains(error(VALID, ROWS - 1), "An Arrow batch announced 4 rows but holds at least 5");
    assertContains(error(Arrays.copyOf(VALID, SCHEMA.end()), 3), "An Arrow batch announced 3 rows but holds 0");
  }

  @Test
  void absurdMetadataLength() {
    byte[] ipc = valid();
    Ipc.putInt(ipc, BATCH.lengthPosition(), 0x7FFFFFF0);
    assertContains(error(ipc, ROWS), "message metadata of 2147483632 bytes does not fit in the");
  }

  @Test
  void absurdBodyLength() {
    byte[] ipc = valid();
    Ipc.putLong(ipc, Ipc.bodyLengthPosition(ipc, BATCH), 0x7FFF_FFFF_FFFF_0000L);
    assertContains(error(ipc, ROWS), "declares a body of 9223372036854710272 bytes but");
  }

  @Test
  void absurdBufferOffsetsAndLengths() {
    byte[] ipc = valid();
    Ipc.putLong(ipc, Ipc.bufferPosition(ipc, BATCH, 1), 1L << 40);
    assertContains(error(ipc, ROWS), "A buffer of column 'id' (offset 1099511627776, length 40) lies outside the "
        + "record batch body of " + BATCH.bodyLength() + " bytes");
    ipc = valid();
    Ipc.putLong(ipc, Ipc.bufferPosition(ipc, BATCH, 3) + 8, Long.MAX_VALUE);
    assertContains(error(ipc, ROWS), "A buffer of column 'x' (offset ");
    assertContains(error(ipc, ROWS), ", length 9223372036854775807) lies outside the record batch body");
  }

  @Test
  void buffersTooSmallForTheirValues() {
    byte[] ipc = valid();
    Ipc.putLong(ipc, Ipc.bufferPosition(ipc, BATCH, 1) + 8, 8); // the data of 'id': 5 longs need 40 bytes
    assertContains(error(ipc, ROWS), "A fixed buffer of column 'id' has 8 bytes, too few for 5 values (40 needed)");
  }

  @Test
  void absurdRowCounts() {
    byte[] ipc = valid();
    Ipc.putLong(ipc, Ipc.rowCountPosition(ipc, BATCH), Integer.MAX_VALUE);
    assertContains(error(ipc, ROWS), "An Arrow batch announced 5 rows but holds at least 2147483647");
    assertContains(error(ipc, Integer.MAX_VALUE), "Column 'id' has 5 values but its record batch has 2147483647 "
        + "rows");
    for (int node = 0; node < 3; node++) {
      Ipc.putLong(ipc, Ipc.nodePosition(ipc, BATCH, node), Integer.MAX_VALUE);
    }
    assertContains(error(ipc, Integer.MAX_VALUE), "Column 'id' claims 2147483647 values, more than its record "
        + "batch (2147483647 rows, " + BATCH.bodyLength() + " body bytes) can describe");
  }

  @Test
  void columnsCannotClaimMoreValuesThanTheBodyHolds() {
    Schema nulls = new Schema(List.of(field("n", ArrowType.Struct.INSTANCE, field("z", ArrowType.Null.INSTANCE))));
    byte[] valid;
    try (RootAllocator allocator = new RootAllocator()) {
      valid = Ipc.write(allocator, nulls, root -> {
        root.getVector(0).setValueCount(2);
        root.getVector(0).getChildrenFromFields().get(0).setValueCount(2);
        root.setRowCount(2);
      });
    }
    Message batch = Ipc.messages(valid).get(1);
    List<ResultField> expected = List.of(Ipc.struct("n", Ipc.leaf("z", FieldKind.NULL)));

    byte[] ipc = valid.clone();
    Ipc.putLong(ipc, Ipc.nodePosition(ipc, batch, 1), 1_000_000); // the null-typed child
    assertContains(error(ipc, 2, expected), "Column 'n.z' claims 1000000 values, more than its record batch "
        + "(2 rows, " + batch.bodyLength() + " body bytes) can describe");

    // A struct of nulls without a validity buffer has no buffer to size it: its rows are bounded by the body too.
    ipc = valid.clone();
    Ipc.putLong(ipc, Ipc.rowCountPosition(ipc, batch), 1_000_000);
    Ipc.putLong(ipc, Ipc.nodePosition(ipc, batch, 0), 1_000_000);
    Ipc.putLong(ipc, Ipc.nodePosition(ipc, batch, 1), 1_000_000);
    Ipc.putLong(ipc, Ipc.bufferPosition(ipc, batch, 0) + 8, 0);
    assertContains(error(ipc, 1_000_000, expected), "Column 'n' claims 1000000 values, more than its record batch "
        + "(1000000 rows, " + batch.bodyLength() + " body bytes) can describe");
  }

  @Test
  void negativeLengths() {
    byte[] ipc = valid();
    Ipc.putInt(ipc, BATCH.lengthPosition(), -5);
    assertContains(error(ipc, ROWS), "negative metadata length -5");

    ipc = valid();
    Ipc.putLong(ipc, Ipc.bodyLengthPosition(ipc, BATCH), -1);
    assertContains(error(ipc, ROWS), "declares a body of -1 bytes");

    ipc = valid();
    Ipc.putLong(ipc, Ipc.rowCountPosition(ipc, BATCH), -1);
    assertContains(error(ipc, ROWS), "announced 5 rows but holds a record batch of -1");

    ipc = valid();
    Ipc.putLong(ipc, Ipc.nodePosition(ipc, BATCH, 1), -1);
    assertContains(error(ipc, ROWS), "Column 'x' has an invalid field node: length -1, null count 0");

    ipc = valid();
    Ipc.putLong(ipc, Ipc.nodePosition(ipc, BATCH, 2) + 8, 6);
    assertContains(error(ipc, ROWS), "Column 's' has an invalid field node: length 5, null count 6");

    ipc = valid();
    Ipc.putLong(ipc, Ipc.bufferPosition(ipc, BATCH, 0) + 8, -8);
    assertContains(error(ipc, ROWS), "A buffer of column 'id' (offset 0, length -8) lies outside");
  }

  @Test
  void fieldNodesAndBuffersMustMatchTheSchema() {
    byte[] ipc = valid();
    int nodes = Ipc.nodePosition(ipc, BATCH, 0) - 4;
    Ipc.putInt(ipc, nodes, 2);
    assertContains(error(ipc, ROWS), "Arrow record batch has 2 field nodes but its schema has 3 fields");
    ipc = valid();
    int buffers = Ipc.bufferPosition(ipc, BATCH, 0) - 4;
    Ipc.putInt(ipc, buffers, 6);
    assertContains(error(ipc, ROWS), "Arrow record batch has 6 buffers, fewer than its schema needs");
    ipc = valid();
    Ipc.putInt(ipc, buffers, 8);
    assertContains(error(ipc, ROWS), "Arrow record batch has 8 buffers but its schema needs 7");
  }

  @Test
  void valuesOutOfTheirJavaRange() {
    byte[] flat;
    try (RootAllocator allocator = new RootAllocator()) {
      flat = Ipc.write(allocator, ResultDecoderKindsTest.FLAT, ResultDecoderKindsTest::fillFlat);
    }
    Message batch = Ipc.messages(flat).get(1);
    // Buffers: none for the null column 'n', three for 'str' and 'bin', two (validity, data) for the others.
    int dataBuffer = 0;
    for (int column = 1; column < 17; column++) {
      dataBuffer += column == 9 || column == 10 ? 3 : 2;
    }
    dataBuffer++; // the data of 'time', after its validity
    int position = batch.bodyStart() + (int) Ipc.getLong(flat, Ipc.bufferPosition(flat, batch, dataBuffer));
    Ipc.putLong(flat, position, -1); // the time of row 0: one nanosecond before midnight
    List<ResultField> fields = ResultDecoderKindsTest.FLAT_FIELDS;
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(fields);
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(flat), 3))).getMessage();
      assertContains(error, "Cannot decode column 'time' of Arrow type Time(NANOSECOND, 64): "
          + "java.time.DateTimeException");
    }
  }

  @Test
  void fixedSizeListsMustHoldTheirElements() {
    Schema lists = new Schema(List.of(field("f", new ArrowType.FixedSizeList(2), field("i",
        new ArrowType.Int(32, true)))));
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, lists, root -> {
        org.apache.arrow.vector.complex.FixedSizeListVector list =
            (org.apache.arrow.vector.complex.FixedSizeListVector) root.getVector(0);
        org.apache.arrow.vector.IntVector items = (org.apache.arrow.vector.IntVector) list.getDataVector();
        for (int i = 0; i < 8; i++) {
          items.setSafe(i, i);
        }
        for (int i = 0; i < 4; i++) {
          list.setNotNull(i);
        }
        items.setValueCount(8);
        list.setValueCount(4);
        root.setRowCount(4);
      });
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(List.of(Ipc.array("f", Ipc.leaf("i", FieldKind.INT))));
      assertEquals(List.of(List.of(List.of(0, 1)), List.of(List.of(2, 3)), List.of(List.of(4, 5)),
          List.of(List.of(6, 7))), Samples.rows(decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), 4))));
    }
    Message schema = Ipc.messages(ipc).get(0);
    int fields = Ipc.reference(ipc, schema, Ipc.reference(ipc, schema, Ipc.table(ipc, schema), 2), 1);
    int field = fields + 4 + Ipc.getInt(ipc, fields + 4);
    int type = Ipc.reference(ipc, schema, field, 3);
    Ipc.putInt(ipc, Ipc.field(ipc, schema, type, 0), 1 << 30);
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(List.of(Ipc.array("f", Ipc.leaf("i", FieldKind.INT))));
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), 4))).getMessage();
      assertContains(error, "Column 'f' has 4 lists of 1073741824 elements but only 8 elements");
    }
  }

  @Test
  void offsetsMustBeMonotonicAndWithinTheData() {
    int offsets = BATCH.bodyStart() + (int) Ipc.getLong(VALID, Ipc.bufferPosition(VALID, BATCH, 5));
    byte[] ipc = valid();
    Ipc.putInt(ipc, offsets + 8, Ipc.getInt(ipc, offsets + 4) - 1); // offset 2 below offset 1
    assertContains(error(ipc, ROWS), "Column 's' has offset 5 at position 2; offsets must start at 0 or more and "
        + "never decrease");
    ipc = valid();
    Ipc.putInt(ipc, offsets, -3);
    assertContains(error(ipc, ROWS), "Column 's' has offset -3 at position 0");
    ipc = valid();
    Ipc.putInt(ipc, offsets + 4 * ROWS, 1 << 20);
    assertContains(error(ipc, ROWS), "Arrow record batch is inconsistent in column 's': Not enough capacity for data "
        + "buffer");
  }

  @Test
  void listOffsetsBeyondTheElementsNeverResizeTheElements() {
    byte[] ipc;
    try (RootAllocator allocator = new RootAllocator()) {
      ipc = Ipc.write(allocator, ResultDecoderKindsTest.NESTED, ResultDecoderKindsTest::fillNested);
    }
    Message batch = Ipc.messages(ipc).get(1);
    int offsets = batch.bodyStart() + (int) Ipc.getLong(ipc, Ipc.bufferPosition(ipc, batch, 1)); // of 'arr'
    Ipc.putInt(ipc, offsets + 12, Integer.MAX_VALUE - 1);
    // Arrow's VectorLoader would first grow the elements to the last offset: 16 GiB, over this 1 GiB limit.
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), 1L << 30)) {
      decoder.expect(ResultDecoderKindsTest.NESTED_FIELDS);
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), 3))).getMessage();
      assertContains(error, "inconsistent in column 'arr': Inner vector does not contain enough elements");
    }
  }

  @Test
  void unsupportedMetadataVersion() {
    byte[] ipc = valid();
    int version = Ipc.field(ipc, BATCH, Ipc.table(ipc, BATCH), 0);
    ipc[version] = 2;
    assertContains(error(ipc, ROWS), "Arrow IPC metadata version 2 is not supported");
  }

  @Test
  void typesSparkDoesNotSend() {
    Field union = field("u", new ArrowType.Union(UnionMode.Sparse, new int[] {0}), field("i",
        new ArrowType.Int(32, true)));
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(union))), 0),
        "Column 'u' has Arrow type Union(Sparse, [0]), which Spark Connect results do not use");
    Field view = field("v", ArrowType.Utf8View.INSTANCE);
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(view))), 0), "Column 'v' has Arrow type Utf8View");
  }

  @Test
  void exceptionsOfArrowAreWrapped() {
    byte[] ipc = valid();
    int fields = Ipc.reference(ipc, SCHEMA, Ipc.reference(ipc, SCHEMA, Ipc.table(ipc, SCHEMA), 2), 1);
    int first = fields + 4 + Ipc.getInt(ipc, fields + 4);
    ipc[Ipc.field(ipc, SCHEMA, first, 2)] = 99; // a type Arrow does not know
    String error = error(ipc, ROWS);
    assertContains(error, "Malformed Arrow IPC stream: ");
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      byte[] bad = ipc;
      Throwable cause = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(bad), ROWS), root -> { })).getCause();
      assertTrue(cause != null && !(cause instanceof ArrowDecodingException), "the cause is kept: " + cause);
    }
  }

  @Test
  void flatbuffersPointingOutsideTheMessageOrInCircles() {
    Field union = field("u", new ArrowType.Union(UnionMode.Sparse, new int[] {0}), field("i",
        new ArrowType.Int(32, true)));
    byte[] ipc = Ipc.schemaMessage(new Schema(List.of(union)));
    Message message = Ipc.messages(ipc).get(0);
    int fields = Ipc.reference(ipc, message, Ipc.reference(ipc, message, Ipc.table(ipc, message), 2), 1);
    int field = fields + 4 + Ipc.getInt(ipc, fields + 4);
    int typeIds = Ipc.reference(ipc, message, Ipc.reference(ipc, message, field, 3), 1);
    Ipc.putInt(ipc, typeIds, 0x7FFFFFF0); // Arrow would allocate an int[] of this length
    assertContains(error(ipc, 0), "its flatbuffer has a vector longer than the message");

    ipc = Ipc.schemaMessage(new Schema(List.of(union)));
    int name = Ipc.reference(ipc, message, field, 0);
    Ipc.putInt(ipc, name, 0x7FFFFFF0);
    assertContains(error(ipc, 0), "its flatbuffer has a string longer than the message");

    // The child of the struct 's' points back to 's': Arrow's conversion would recurse until the stack overflows.
    ipc = Ipc.schemaMessage(new Schema(List.of(field("s", ArrowType.Struct.INSTANCE, field("c",
        ArrowType.Null.INSTANCE)))));
    fields = Ipc.reference(ipc, message, Ipc.reference(ipc, message, Ipc.table(ipc, message), 2), 1);
    field = fields + 4 + Ipc.getInt(ipc, fields + 4);
    int children = Ipc.reference(ipc, message, field, 5);
    Ipc.putInt(ipc, children + 4, field - (children + 4));
    assertContains(error(ipc, 0), "its flatbuffer has more tables than its size allows (shared or cyclic "
        + "references)");
  }

  @Test
  void fieldsWithoutNames() {
    Field nameless = new Field(null, FieldType.nullable(new ArrowType.Int(32, true)), List.of());
    List<ResultField> any = List.of(ResultField.of("s", FieldKind.ANY, null, List.of()));
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(field("s", ArrowType.Struct.INSTANCE, nameless)))), 0,
        any), "Column 's.#0' of the Arrow schema has no name; Spark names every column and nested field");
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(nameless))), 0, any),
        "Column '#0' of the Arrow schema has no name");
  }

  @Test
  void deeplyNestedSchemas() {
    Field nested = field("leaf", new ArrowType.Int(32, true));
    for (int i = 0; i < 70; i++) {
      nested = field("l" + i, ArrowType.List.INSTANCE, nested);
    }
    assertContains(error(Ipc.schemaMessage(new Schema(List.of(nested))), 0),
        "Arrow schema nests fields deeper than 64 levels");
  }

  @Test
  void memoryLimit() {
    assertContains(error(VALID, ROWS, 64), "The chunks of an Arrow batch add up to more than the Arrow memory "
        + "limit of 64 bytes after chunk 0 of 1; have the server send smaller batches");
  }

  @Test
  void garbageBytes() {
    Random random = new Random(42);
    for (int n : new int[] {1, 3, 4, 7, 8, 64, 1000}) {
      byte[] garbage = new byte[n];
      random.nextBytes(garbage);
      assertTrue(error(garbage, ROWS) != null);
    }
    assertContains(error("not arrow at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII), ROWS),
        "does not fit in the");
    byte[] ipc = valid();
    random.nextBytes(ipc);
    Ipc.putInt(ipc, 0, -1);
    Ipc.putInt(ipc, 4, 64);
    assertContains(error(ipc, ROWS), "Malformed Arrow IPC");
  }
}
