package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.internal.DirectMemory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.junit.jupiter.api.Test;

/** A whole batch in a direct buffer is loaded into vectors that point into the buffer, not into a copy. */
class InPlaceTest {
  private static final int ROWS = 20;

  @Test
  void loadsVectorsOverTheReceivedBytes() {
    byte[] ipc = Samples.stream(0, ROWS);
    ByteBuffer direct = direct(ipc);
    long start = DirectMemory.address(direct);
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      List<Boolean> inside = new ArrayList<>();
      decoder.forEach(ArrowChunk.whole(direct.duplicate(), ROWS), root -> {
        for (FieldVector vector : root.getFieldVectors()) {
          long address = vector.getDataBuffer().memoryAddress();
          inside.add(address >= start && address < start + ipc.length);
        }
      });
      assertTrue(ArrowChunk.readsInPlace());
      assertEquals(List.of(true, true, true), inside);
      assertEquals(Samples.expectedRows(ROWS, ROWS),
          Samples.rows(decoder.add(ArrowChunk.whole(direct(Samples.stream(ROWS, ROWS)), ROWS))));
    }
  }

  @Test
  void decodesTheSameRowsAsFromTheHeap() {
    byte[] ipc = Samples.stream(0, ROWS);
    try (ResultDecoder heap = ResultDecoder.create(new TestValues(), Long.MAX_VALUE);
        ResultDecoder inPlace = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      heap.expect(Samples.FIELDS);
      inPlace.expect(Samples.FIELDS);
      List<List<Object>> fromHeap = Samples.rows(heap.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), ROWS)));
      List<List<Object>> fromDirect = Samples.rows(inPlace.add(ArrowChunk.whole(direct(ipc), ROWS)));
      assertEquals(Samples.expectedRows(0, ROWS), fromDirect);
      assertEquals(fromHeap, fromDirect);
    }
  }

  @Test
  void copiesCompressedAndChunkedBatches() {
    byte[] compressed;
    try (RootAllocator allocator = new RootAllocator()) {
      compressed = Ipc.write(allocator, Samples.SCHEMA, CompressionUtil.CodecType.LZ4_FRAME,
          root -> Samples.fill(root, 0, ROWS));
    }
    ByteBuffer direct = direct(compressed);
    long start = DirectMemory.address(direct);
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      List<Boolean> inside = new ArrayList<>();
      decoder.forEach(ArrowChunk.whole(direct, ROWS), root -> {
        long address = root.getVector(0).getDataBuffer().memoryAddress();
        inside.add(address >= start && address < start + compressed.length);
      });
      assertEquals(List.of(false), inside);
      List<ByteBuffer> parts = Ipc.split(Samples.stream(ROWS, ROWS), 3);
      List<DecodedBatch> batches = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        ByteBuffer part = parts.get(i);
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        batches.addAll(decoder.add(ArrowChunk.of(direct(bytes), ROWS, ROWS, i, parts.size())));
      }
      assertEquals(Samples.expectedRows(ROWS, ROWS), Samples.rows(batches));
      assertFalse(batches.isEmpty());
    }
  }

  @Test
  void countsTheBytesReadInPlaceAgainstTheMemoryLimit() {
    byte[] first = Samples.stream(0, ROWS);
    byte[] second = Samples.stream(ROWS, ROWS);
    long limit = first.length + second.length - 1; // the vectors hold the first batch while the second is wrapped
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), limit)) {
      decoder.expect(Samples.FIELDS);
      assertEquals(Samples.expectedRows(0, ROWS), Samples.rows(decoder.add(ArrowChunk.whole(direct(first), ROWS))));
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(direct(second), ROWS))).getMessage();
      assertTrue(error.contains("The " + second.length + " bytes of an Arrow batch read in place exceed the Arrow "
          + "memory limit of " + limit + " bytes"), error);
    }
  }

  private static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }
}
