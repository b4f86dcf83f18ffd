package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.proto.ExecutePlanResponse.ArrowBatch;
import org.junit.jupiter.api.Test;

class ChunkAssemblerTest {
  private static ArrowBatch chunk(long rows, long start, long index, long count, String data) {
    return ArrowBatch.newBuilder().setRowCount(rows).setStartOffset(start).setChunkIndex(index)
        .setNumChunksInBatch(count).setData(ByteString.copyFromUtf8(data)).build();
  }

  @Test
  void joinsChunksInOrder() {
    ChunkAssembler assembler = new ChunkAssembler();
    assertNull(assembler.add(chunk(10, 0, 0, 3, "ab")));
    assertTrue(assembler.hasPartialBatch());
    assertNull(assembler.add(chunk(10, 0, 1, 3, "cd")));
    assertEquals("abcdef", assembler.add(chunk(10, 0, 2, 3, "ef")).toStringUtf8());
    assertEquals(10, assembler.lastBatchRowCount());
    assertEquals("gh", assembler.add(chunk(5, 10, 0, 1, "gh")).toStringUtf8());
    assertEquals(15, assembler.rowsSoFar());
  }

  @Test
  void acceptsUnchunkedBatchesFromOlderServers() {
    ChunkAssembler assembler = new ChunkAssembler();
    assertEquals("x", assembler.add(ArrowBatch.newBuilder().setRowCount(3)
        .setData(ByteString.copyFromUtf8("x")).build()).toStringUtf8());
    assertEquals("y", assembler.add(ArrowBatch.newBuilder().setRowCount(4)
        .setData(ByteString.copyFromUtf8("y")).build()).toStringUtf8());
    assertEquals(7, assembler.rowsSoFar());
  }

  @Test
  void rejectsChunksOutOfOrder() {
    ChunkAssembler assembler = new ChunkAssembler();
    assembler.add(chunk(10, 0, 0, 3, "a"));
    ArrowDecodingException error = assertThrows(ArrowDecodingException.class,
        () -> assembler.add(chunk(10, 0, 2, 3, "c")));
    assertTrue(error.getMessage().contains("expected chunk 1"), error.getMessage());
  }

  @Test
  void rejectsLostOrRepeatedRows() {
    ChunkAssembler assembler = new ChunkAssembler();
    assembler.add(chunk(10, 0, 0, 1, "a"));
    ArrowDecodingException error = assertThrows(ArrowDecodingException.class,
        () -> assembler.add(chunk(10, 5, 0, 1, "b")));
    assertTrue(error.getMessage().contains("starts at row 5 but 10 rows arrived"), error.getMessage());
  }

  @Test
  void rejectsChunksThatDisagreeOnRowCount() {
    ChunkAssembler assembler = new ChunkAssembler();
    assembler.add(chunk(10, 0, 0, 2, "a"));
    assertThrows(ArrowDecodingException.class, () -> assembler.add(chunk(11, 0, 1, 2, "b")));
  }
}
