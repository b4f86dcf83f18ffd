package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batches split into chunks: joined in order, and every disagreement between chunks is a typed error. */
class ChunkingTest {
  private static final int ROWS = 50;
  private static final byte[] IPC = Samples.stream(0, ROWS);

  private static ResultDecoder decoder() {
    ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE);
    decoder.expect(Samples.FIELDS);
    return decoder;
  }

  private static ArrowChunk chunk(ByteBuffer data, long rows, long start, long index, long count) {
    return ArrowChunk.of(data, rows, start, index, count);
  }

  private static String message(Runnable call) {
    return assertThrows(ArrowDecodingException.class, call::run).getMessage();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, -1})
  void aBatchSplitIntoChunksDecodesToTheSameRows(int n) {
    int chunks = n < 0 ? IPC.length : n; // -1: one byte per chunk
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, chunks);
      List<DecodedBatch> batches = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        List<DecodedBatch> decoded = decoder.add(chunk(parts.get(i), ROWS, 0, i, chunks));
        assertEquals(i < parts.size() - 1, decoded.isEmpty(), "a batch is decoded only once whole");
        batches.addAll(decoded);
      }
      decoder.finish();
      assertEquals(Samples.expectedRows(0, ROWS), Samples.rows(batches));
      assertEquals(ROWS, decoder.rowsSoFar());
    }
  }

  @Test
  void readOnlyAndDirectChunksDecodeLikeHeapChunks() {
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 3);
      ByteBuffer direct = ByteBuffer.allocateDirect(parts.get(1).remaining());
      direct.put(parts.get(1)).flip();
      decoder.add(chunk(parts.get(0).asReadOnlyBuffer(), ROWS, 0, 0, 3));
      decoder.add(chunk(direct, ROWS, 0, 1, 3));
      List<DecodedBatch> batches = decoder.add(chunk(parts.get(2), ROWS, 0, 2, 3));
      assertEquals(Samples.expectedRows(0, ROWS), Samples.rows(batches));
    }
  }

  @Test
  void consecutiveBatchesFollowTheirStartOffsets() {
    try (ResultDecoder decoder = decoder()) {
      List<DecodedBatch> batches = new ArrayList<>(decoder.add(chunk(ByteBuffer.wrap(IPC), ROWS, 0, 0, 1)));
      List<ByteBuffer> second = Ipc.split(Samples.stream(ROWS, 10), 2);
      batches.addAll(decoder.add(chunk(second.get(0), 10, ROWS, 0, 2)));
      batches.addAll(decoder.add(chunk(second.get(1), 10, ROWS, 1, 2)));
      batches.addAll(decoder.add(ArrowChunk.whole(ByteBuffer.wrap(Samples.stream(ROWS + 10, 5)), 5)));
      decoder.finish();
      assertEquals(Samples.expectedRows(0, ROWS + 15), Samples.rows(batches));
      assertEquals(ROWS + 15, decoder.rowsSoFar());
    }
  }

  @Test
  void chunksOutOfOrderAreAnError() {
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 3);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 3));
      String error = message(() -> decoder.add(chunk(parts.get(2), ROWS, 0, 2, 3)));
      assertTrue(error.contains("chunk 2 arrived, expected chunk 1"), error);
    }
    try (ResultDecoder decoder = decoder()) {
      String error = message(() -> decoder.add(chunk(ByteBuffer.wrap(IPC), ROWS, 0, 1, 2)));
      assertTrue(error.contains("chunk 1 arrived, expected chunk 0"), error);
    }
  }

  @Test
  void aMissingChunkAtTheEndIsAnError() {
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 3);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 3));
      decoder.add(chunk(parts.get(1), ROWS, 0, 1, 3));
      String error = message(decoder::finish);
      assertTrue(error.contains("ended in the middle of a chunked Arrow batch: 2 of 3 chunks"), error);
    }
  }

  @Test
  void chunksDisagreeingOnTheRowCountAreAnError() {
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 2);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 2));
      String error = message(() -> decoder.add(chunk(parts.get(1), ROWS + 1, 0, 1, 2)));
      assertTrue(error.contains("disagree on its row count: 50 and 51"), error);
    }
  }

  @Test
  void chunksDisagreeingOnTheirNumberOrStartAreAnError() {
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 2);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 2));
      String error = message(() -> decoder.add(chunk(parts.get(1), ROWS, 0, 1, 3)));
      assertTrue(error.contains("disagree on their number: 2 and 3"), error);
    }
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 2);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 2));
      String error = message(() -> decoder.add(chunk(parts.get(1), ROWS, 7, 1, 2)));
      assertTrue(error.contains("disagree on its start row: 0 and 7"), error);
    }
    try (ResultDecoder decoder = decoder()) {
      List<ByteBuffer> parts = Ipc.split(IPC, 2);
      decoder.add(chunk(parts.get(0), ROWS, 0, 0, 2));
      String error = message(() -> decoder.add(chunk(parts.get(1), ROWS, -1, 1, 2)));
      assertTrue(error.contains("disagree on its start row: 0 and none"), error);
    }
  }

  @Test
  void theChunksOfOneBatchAreBoundedByTheMemoryLimit() {
    List<ByteBuffer> parts = List.of(ByteBuffer.wrap(IPC, 0, 10), ByteBuffer.wrap(IPC, 10, IPC.length - 20),
        ByteBuffer.wrap(IPC, IPC.length - 10, 10));
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), 2L * IPC.length)) {
      decoder.expect(Samples.FIELDS);
      List<DecodedBatch> batches = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        batches.addAll(decoder.add(chunk(parts.get(i).duplicate(), ROWS, 0, i, 3)));
      }
      assertEquals(Samples.expectedRows(0, ROWS), Samples.rows(batches), "a batch within the limit decodes");
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), IPC.length - 11)) {
      decoder.expect(Samples.FIELDS);
      decoder.add(chunk(parts.get(0).duplicate(), ROWS, 0, 0, 3));
      String error = message(() -> decoder.add(chunk(parts.get(1).duplicate(), ROWS, 0, 1, 3)));
      assertTrue(error.contains("The chunks of an Arrow batch add up to more than the Arrow memory limit of "
          + (IPC.length - 11) + " bytes after chunk 1 of 3; have the server send smaller batches"), error);
    }
  }

  @Test
  void aBatchAnnouncingMoreChunksThanTheLimitAllowsFailsAtItsFirstChunk() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), 1 << 20)) {
      decoder.expect(Samples.FIELDS);
      ByteBuffer first = ByteBuffer.wrap(IPC, 0, 100);
      String error = message(() -> decoder.add(chunk(first, ROWS, 0, 0, 1_000_000)));
      assertTrue(error.contains("An Arrow batch announced 1000000 chunks, the first of 100 bytes: at least 999999 x "
          + "100 bytes, more than the Arrow memory limit of 1048576 bytes"), error);
    }
  }

  @Test
  void aWrongStartOffsetIsAnError() {
    try (ResultDecoder decoder = decoder()) {
      decoder.add(chunk(ByteBuffer.wrap(IPC), ROWS, 0, 0, 1));
      byte[] next = Samples.stream(ROWS, 10);
      String error = message(() -> decoder.add(chunk(ByteBuffer.wrap(next), 10, 45, 0, 1)));
      assertTrue(error.contains("starts at row 45 but 50 rows arrived before it"), error);
    }
    try (ResultDecoder decoder = decoder()) {
      String error = message(() -> decoder.add(chunk(ByteBuffer.wrap(IPC), ROWS, 3, 0, 1)));
      assertTrue(error.contains("starts at row 3 but 0 rows arrived"), error);
    }
  }

  @Test
  void impossibleAnnouncementsAreAnError() {
    try (ResultDecoder decoder = decoder()) {
      String error = message(() -> decoder.add(chunk(ByteBuffer.wrap(IPC), -1, -1, 0, 1)));
      assertTrue(error.contains("negative row count -1"), error);
      error = message(() -> decoder.add(chunk(ByteBuffer.wrap(IPC), ROWS, -1, 0, 0)));
      assertTrue(error.contains("announced 0 chunks"), error);
    }
  }

  @Test
  void closedDecodersRefuseWorkAndCloseIsIdempotent() {
    ResultDecoder decoder = decoder();
    decoder.close();
    decoder.close();
    assertThrows(IllegalStateException.class, () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(IPC), ROWS)));
  }
}
