package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** The Arrow-vector path: no copy, but the same chunk, framing, schema and row-count checks. */
class ForEachTest {
  private static final int ROWS = 20;
  private static final byte[] IPC = Samples.stream(0, ROWS);

  @Test
  void handsOutLoadedVectorsWithoutAnExpectedSchema() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      List<Long> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      long rows = decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(IPC), ROWS), root -> {
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector s = (VarCharVector) root.getVector("s");
        for (int i = 0; i < root.getRowCount(); i++) {
          ids.add(id.get(i));
          names.add(s.isNull(i) ? null : s.getObject(i).toString());
        }
      });
      assertEquals(ROWS, rows);
      assertEquals(ROWS, decoder.rowsSoFar());
      for (int i = 0; i < ROWS; i++) {
        assertEquals(Samples.expectedRows(0, ROWS).get(i).get(0), ids.get(i));
        assertEquals(Samples.expectedRows(0, ROWS).get(i).get(2), names.get(i));
      }
    }
  }

  @Test
  void joinsChunksAndChecksThemLikeAdd() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      List<ByteBuffer> parts = Ipc.split(IPC, 3);
      int[] calls = new int[1];
      assertEquals(0, decoder.forEach(ArrowChunk.of(parts.get(0), ROWS, 0, 0, 3), root -> calls[0]++));
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.of(parts.get(2), ROWS, 0, 2, 3), root -> calls[0]++)).getMessage();
      assertTrue(error.contains("chunk 2 arrived, expected chunk 1"), error);
      assertEquals(0, decoder.forEach(ArrowChunk.of(parts.get(1), ROWS, 0, 1, 3), root -> calls[0]++));
      assertThrows(ArrowDecodingException.class, decoder::finish);
      assertEquals(ROWS, decoder.forEach(ArrowChunk.of(parts.get(2), ROWS, 0, 2, 3), root -> calls[0]++));
      assertEquals(1, calls[0]);
      decoder.finish();
    }
  }

  @Test
  void rowCountMismatchesAreCaught() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      int[] calls = new int[1];
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(IPC), ROWS - 1), root -> calls[0]++)).getMessage();
      assertTrue(error.contains("announced 19 rows but holds at least 20"), error);
      assertEquals(0, calls[0], "more rows than announced never reach the consumer");
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(IPC), ROWS + 1), root -> { })).getMessage();
      assertTrue(error.contains("announced 21 rows but holds 20"), error);
    }
  }

  @Test
  void consumerExceptionsPassUnchanged() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      IllegalArgumentException mine = new IllegalArgumentException("mine");
      assertSame(mine, assertThrows(IllegalArgumentException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(IPC), ROWS), root -> {
            throw mine;
          })));
    }
  }

  @Test
  void addAndForEachShareTheRowCount() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      decoder.add(ArrowChunk.of(ByteBuffer.wrap(IPC), ROWS, 0, 0, 1));
      byte[] next = Samples.stream(ROWS, 5);
      assertEquals(5, decoder.forEach(ArrowChunk.of(ByteBuffer.wrap(next), 5, ROWS, 0, 1), root -> { }));
      String error = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.of(ByteBuffer.wrap(next), 5, ROWS, 0, 1), root -> { })).getMessage();
      assertTrue(error.contains("starts at row 20 but 25 rows arrived"), error);
    }
  }
}
