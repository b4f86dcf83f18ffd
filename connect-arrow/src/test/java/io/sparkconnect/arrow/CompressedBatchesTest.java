package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Compressors.LZ4_INDEPENDENT;
import static io.sparkconnect.arrow.Compressors.prefixed;
import static io.sparkconnect.arrow.Ipc.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Record batches compressed with Arrow's LZ4_FRAME and ZSTD codecs decode exactly as uncompressed ones, and every
 * size they carry (uncompressed lengths, frame and block headers) is checked before memory is allocated for it.
 */
class CompressedBatchesTest {
  private static final int ROWS = 5;
  private static final byte ZSTD = CompressionType.ZSTD;
  private static final byte LZ4 = CompressionType.LZ4_FRAME;
  /** The buffers of Samples rows 0 to 4: id validity and data, x validity and data, s validity, offsets, data. */
  private static final List<byte[]> RAW = new ArrayList<>();
  private static final List<ArrowFieldNode> NODES = new ArrayList<>();

  static {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(Samples.SCHEMA, allocator)) {
      Samples.fill(root, 0, ROWS);
      try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
        NODES.addAll(batch.getNodes());
        for (ArrowBuf buffer : batch.getBuffers()) {
          byte[] bytes = new byte[(int) buffer.readableBytes()];
          buffer.getBytes(0, bytes);
          RAW.add(bytes);
        }
      }
    }
  }

  private static byte[] zstd(int buffer) {
    return prefixed(RAW.get(buffer).length, Compressors.zstd(RAW.get(buffer)));
  }

  private static byte[] lz4(int buffer) {
    return prefixed(RAW.get(buffer).length, Compressors.lz4Frame(RAW.get(buffer), LZ4_INDEPENDENT, 64 * 1024));
  }

  private static byte[] stored(int buffer) {
    return prefixed(-1, RAW.get(buffer));
  }

  /** The Samples batch with every buffer compressed by {@code codec}, then {@code edit} applied to the list. */
  private static byte[] samples(byte codec, UnaryOperator<List<byte[]>> edit) {
    List<byte[]> buffers = new ArrayList<>();
    for (int i = 0; i < RAW.size(); i++) {
      buffers.add(codec == ZSTD ? zstd(i) : lz4(i));
    }
    return Ipc.compressedStream(Samples.SCHEMA, ROWS, NODES, edit.apply(buffers), codec,
        BodyCompressionMethod.BUFFER);
  }

  private static List<byte[]> with(List<byte[]> buffers, int index, byte[] buffer) {
    buffers.set(index, buffer);
    return buffers;
  }

  private static String error(byte[] ipc) {
    return MalformedInputTest.error(ipc, ROWS);
  }

  private static void assertContains(String error, String expected) {
    assertTrue(error.contains(expected), () -> "'" + expected + "' not in: " + error);
  }

  private static List<List<Object>> decode(byte[] ipc, long rows, List<ResultField> fields, int chunks) {
    List<List<Object>> decoded = new ArrayList<>();
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(fields);
      List<ByteBuffer> parts = Ipc.split(ipc, chunks);
      for (int c = 0; c < parts.size(); c++) {
        decoded.addAll(Samples.comparableRows(decoder.add(ArrowChunk.of(parts.get(c), rows, 0, c, parts.size()))));
      }
      decoder.finish();
    }
    return decoded;
  }

  @Test
  void zstdAndLz4BatchesDecodeExactlyInOneChunkOrMany() {
    for (CompressionUtil.CodecType codec : List.of(CompressionUtil.CodecType.ZSTD,
        CompressionUtil.CodecType.LZ4_FRAME)) {
      byte[] ipc;
      try (RootAllocator allocator = new RootAllocator()) {
        ipc = Ipc.write(allocator, Samples.SCHEMA, codec, root -> Samples.fill(root, 0, 3000),
            root -> Samples.fill(root, 3000, 7));
      }
      assertTrue(ipc.length < Samples.stream(0, 3007).length, codec + " compressed the stream");
      for (int chunks = 1; chunks <= 3; chunks++) {
        assertEquals(Samples.expectedRows(0, 3007), decode(ipc, 3007, Samples.FIELDS, chunks), codec + ", "
            + chunks + " chunks");
      }
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        long[] seen = new long[1];
        assertEquals(3007, decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), 3007),
            root -> seen[0] += root.getRowCount()));
        assertEquals(3007, seen[0]);
      }
    }
  }

  @Test
  void everyKindDecodesAsItDoesUncompressed() {
    for (CompressionUtil.CodecType codec : List.of(CompressionUtil.CodecType.ZSTD,
        CompressionUtil.CodecType.LZ4_FRAME)) {
      try (RootAllocator allocator = new RootAllocator()) {
        assertEquals(
            decode(Ipc.write(allocator, ResultDecoderKindsTest.FLAT, ResultDecoderKindsTest::fillFlat), 3,
                ResultDecoderKindsTest.FLAT_FIELDS, 1),
            decode(Ipc.write(allocator, ResultDecoderKindsTest.FLAT, codec, ResultDecoderKindsTest::fillFlat), 3,
                ResultDecoderKindsTest.FLAT_FIELDS, 2), codec + ": flat");
        assertEquals(
            decode(Ipc.write(allocator, ResultDecoderKindsTest.NESTED, ResultDecoderKindsTest::fillNested), 3,
                ResultDecoderKindsTest.NESTED_FIELDS, 1),
            decode(Ipc.write(allocator, ResultDecoderKindsTest.NESTED, codec, ResultDecoderKindsTest::fillNested),
                3, ResultDecoderKindsTest.NESTED_FIELDS, 1), codec + ": nested");
      }
    }
  }

  @Test
  void storedEmptyAndCompressedBuffersMix() {
    // id has no nulls: its validity buffer may be empty, as an 8-byte length of 0 or no bytes at all.
    byte[] ipc = Ipc.compressedStream(Samples.SCHEMA, ROWS, NODES, List.of(prefixed(0, new byte[0]), zstd(1),
        new byte[0], zstd(3), stored(4), zstd(5), stored(6)), ZSTD, BodyCompressionMethod.BUFFER);
    assertEquals(Samples.expectedRows(0, ROWS), decode(ipc, ROWS, Samples.FIELDS, 1));
    ipc = samples(LZ4, buffers -> with(with(buffers, 0, stored(0)), 6, stored(6)));
    assertEquals(Samples.expectedRows(0, ROWS), decode(ipc, ROWS, Samples.FIELDS, 2));
  }

  @Test
  void uncompressedLengthsFromTheWireAreCheckedBeforeAllocating() {
    byte[] compressedIds = Compressors.zstd(RAW.get(1));
    assertContains(error(samples(ZSTD, b -> with(b, 1, new byte[5]))), "In a ZSTD-compressed Arrow batch, the "
        + "fixed buffer of column 'id' has 5 bytes, too few for its 8-byte uncompressed length");
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(-2, compressedIds)))),
        "the fixed buffer of column 'id' declares an uncompressed length of -2 bytes");
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(Long.MAX_VALUE, compressedIds)))),
        "the fixed buffer of column 'id' declares 9223372036854775807 uncompressed bytes, more than one buffer can "
            + "hold (2147483639)");
    // The frame declares 40 bytes of content.
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(41, compressedIds)))),
        "the fixed buffer of column 'id' declares 41 uncompressed bytes, but its " + compressedIds.length
            + " compressed bytes hold at most 40");
    // One compressed block (after 7 bytes of frame header and 4 of block size; 4 for the end mark) of at most 255
    // bytes for each of its bytes, LZ4's largest expansion.
    byte[] frame = Compressors.lz4Frame(RAW.get(6), LZ4_INDEPENDENT, 64 * 1024);
    int block = frame.length - 15;
    assertTrue(Ipc.getInt(frame, 7) == block, "one compressed block");
    assertContains(error(samples(LZ4, b -> with(b, 6, prefixed(60_000, frame)))),
        "the var_data buffer of column 's' declares 60000 uncompressed bytes, but its " + frame.length
            + " compressed bytes hold at most " + block * 255);
    // Sizes are checked against the field nodes as decompressed.
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(39, compressedIds)))),
        "A fixed buffer of column 'id' has 39 bytes, too few for 5 values (40 needed)");
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(200, Compressors.zstd(new byte[200]))))),
        "A fixed buffer of column 'id' decompresses to 200 bytes, more than 5 values can use (104 with padding)");
  }

  @Test
  void buffersMustDecompressToExactlyTheirDeclaredLength() {
    byte[] text = "abcdefgh".repeat(125).getBytes(StandardCharsets.US_ASCII);
    Schema schema = new Schema(List.of(field("s", ArrowType.Utf8.INSTANCE)));
    List<ArrowFieldNode> nodes = List.of(new ArrowFieldNode(1, 0));
    byte[] offsets = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1000).array();
    byte[] noContentSize = withoutContentSize(Compressors.zstd(text));
    byte[] ipc = Ipc.compressedStream(schema, 1, nodes, List.of(new byte[0], prefixed(-1, offsets),
        prefixed(1001, noContentSize)), ZSTD, BodyCompressionMethod.BUFFER);
    List<ResultField> fields = List.of(Ipc.leaf("s", FieldKind.STRING));
    assertContains(MalformedInputTest.error(ipc, 1, fields),
        "A ZSTD buffer in a compressed Arrow batch decompresses to 1000 bytes, not the 1001 its length prefix "
            + "declares");
    ipc = Ipc.compressedStream(schema, 1, nodes, List.of(new byte[0], prefixed(-1, offsets),
        prefixed(1000, noContentSize)), ZSTD, BodyCompressionMethod.BUFFER);
    assertEquals(List.of(List.of("abcdefgh".repeat(125))), decode(ipc, 1, fields, 1));

    byte[] lz4 = Compressors.lz4Frame(text, LZ4_INDEPENDENT, 64 * 1024);
    ipc = Ipc.compressedStream(schema, 1, nodes, List.of(new byte[0], prefixed(-1, offsets), prefixed(999, lz4)),
        LZ4, BodyCompressionMethod.BUFFER);
    assertContains(MalformedInputTest.error(ipc, 1, fields), "Malformed LZ4_FRAME buffer in a compressed Arrow "
        + "batch");
  }

  @Test
  void aZipBombStopsAtTheMemoryLimitBeforeAnythingIsDecompressed() {
    Schema schema = new Schema(List.of(field("s", ArrowType.Utf8.INSTANCE)));
    List<ArrowFieldNode> nodes = List.of(new ArrowFieldNode(1, 0));
    byte[] offsets = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1 << 30).array();
    byte[] bomb = Compressors.zstdRle(8192, (byte) 'x'); // 1 GiB from 32 KiB
    byte[] ipc = Ipc.compressedStream(schema, 1, nodes, List.of(new byte[0], prefixed(-1, offsets),
        prefixed(1 << 30, bomb)), ZSTD, BodyCompressionMethod.BUFFER);
    assertContains(MalformedInputTest.error(ipc, 1, 64 << 20, List.of(Ipc.leaf("s", FieldKind.STRING))),
        "A decompressed Arrow record batch body of 1073741832 bytes exceeds the Arrow memory limit of 67108864 "
            + "bytes");

    // A frame's declared content size counts only as far as its blocks back it.
    byte[] oneBlock = Compressors.zstdRle(1, (byte) 'x');
    ByteBuffer.wrap(oneBlock).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(5, 1L << 30);
    ipc = Ipc.compressedStream(schema, 1, nodes, List.of(new byte[0], prefixed(-1, offsets),
        prefixed(1 << 30, oneBlock)), ZSTD, BodyCompressionMethod.BUFFER);
    assertContains(MalformedInputTest.error(ipc, 1, List.of(Ipc.leaf("s", FieldKind.STRING))),
        "declares 1073741824 uncompressed bytes, but its " + oneBlock.length + " compressed bytes hold at most "
            + "131072");
  }

  @Test
  void malformedFramesAreDecodingErrors() {
    byte[] frame = Compressors.lz4Frame(RAW.get(1), LZ4_INDEPENDENT, 64 * 1024);
    byte[] badMagic = frame.clone();
    badMagic[0] ^= 1;
    assertContains(error(samples(LZ4, b -> with(b, 1, prefixed(40, badMagic)))),
        "Malformed LZ4_FRAME buffer in a compressed Arrow batch: a frame starts with 184d2205, not the LZ4 frame "
            + "magic number");
    assertContains(error(samples(LZ4, b -> with(b, 1, prefixed(40,
        Compressors.lz4Frame(RAW.get(1), LZ4_INDEPENDENT | 0x01, 64 * 1024))))), "a frame uses a dictionary");
    byte[] bigBlock = frame.clone();
    ByteBuffer.wrap(bigBlock).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(7, 70_000);
    assertContains(error(samples(LZ4, b -> with(b, 1, prefixed(40, bigBlock)))),
        "a block of 70000 bytes is larger than the frame's block size of 65536");
    assertContains(error(samples(LZ4, b -> with(b, 1, prefixed(40, Arrays.copyOf(frame, frame.length - 3))))),
        "Malformed LZ4_FRAME buffer in a compressed Arrow batch: a block size of 4 bytes does not fit in the 1 "
            + "bytes left");

    byte[] zstd = Compressors.zstd(RAW.get(1));
    byte[] reserved = zstd.clone();
    reserved[zstdBlockHeader(zstd)] |= 0x06; // block type 3
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(40, reserved)))),
        "Malformed ZSTD buffer in a compressed Arrow batch: a block has the reserved block type");
    assertContains(error(samples(ZSTD, b -> with(b, 1, prefixed(40, Arrays.copyOf(zstd, zstd.length - 5))))),
        "Malformed ZSTD buffer in a compressed Arrow batch: a block of ");
  }

  @Test
  void lz4BlocksThatReferToTheBlockBeforeAreRefusedWithTheReason() {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    Compressors.writeInt(frame, Compressors.LZ4_MAGIC);
    frame.write(0x40); // version 01, linked blocks
    frame.write(0x40); // 64 KiB blocks
    frame.write(0);
    Compressors.writeInt(frame, 40 | 0x8000_0000); // a stored block of the 40 bytes of the ids
    frame.write(RAW.get(1), 0, 40);
    byte[] block = {0x00, 8, 0, 0x50, 1, 2, 3, 4, 5}; // a 4-byte match 8 bytes back, then 5 literals
    Compressors.writeInt(frame, block.length);
    frame.write(block, 0, block.length);
    Compressors.writeInt(frame, 0);
    assertContains(error(samples(LZ4, b -> with(b, 1, prefixed(49, frame.toByteArray())))),
        "the frame's blocks may refer to the block before them, which this client cannot decode");
  }

  @Test
  void unknownCodecsAndMethods() {
    assertContains(error(Ipc.compressedStream(Samples.SCHEMA, ROWS, NODES, List.of(zstd(0), zstd(1), zstd(2),
        zstd(3), zstd(4), zstd(5), zstd(6)), (byte) 5, BodyCompressionMethod.BUFFER)),
        "Arrow record batch is compressed with the unknown codec 5; Arrow defines LZ4_FRAME (0) and ZSTD (1)");
    assertContains(error(Ipc.compressedStream(Samples.SCHEMA, ROWS, NODES, List.of(zstd(0), zstd(1), zstd(2),
        zstd(3), zstd(4), zstd(5), zstd(6)), ZSTD, (byte) 1)),
        "Arrow record batch uses the unknown body compression method 1; Arrow defines only BUFFER (0)");
  }

  /** The position of the first block header of a single-segment Zstandard frame. */
  private static int zstdBlockHeader(byte[] frame) {
    int descriptor = frame[4] & 0xFF;
    int sizeFlag = descriptor >>> 6;
    return 5 + (sizeFlag == 0 ? 1 : 1 << sizeFlag);
  }

  /** The frame with its content size removed (and a 1 KiB window declared instead). */
  private static byte[] withoutContentSize(byte[] frame) {
    assertEquals(0x20, frame[4] & 0x20, "a single-segment frame");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(frame, 0, 4);
    out.write(frame[4] & 0x04); // keeps the content checksum flag
    out.write(0x00);
    int blocks = zstdBlockHeader(frame);
    out.write(frame, blocks, frame.length - blocks);
    return out.toByteArray();
  }
}
