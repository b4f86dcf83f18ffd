package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A {@link VectorSchemaRoot} of every type, written by the encoder and read back by Arrow Java and our decoder. */
class ArrowEncoderRootTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void aRootOfEveryTypeIsWrittenWholeOrSliced() throws IOException {
    List<Object[]> rows = EncoderSamples.rows(60);
    byte[] source = ArrowEncoder.create(EncoderSamples.SCHEMA).encode(rows);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(source), allocator)) {
      assertTrue(reader.loadNextBatch());
      VectorSchemaRoot root = reader.getVectorSchemaRoot();

      byte[] whole = write(root, Integer.MAX_VALUE, Long.MAX_VALUE);
      ArrowJavaReader.Read read = ArrowJavaReader.read(allocator, whole);
      assertEquals(EncoderSamples.SCHEMA, read.schema());
      assertEquals(List.of(60), read.batchRows());
      assertEquals(ArrowEncoderTest.expected(rows), read.rows());
      assertEquals(ArrowEncoderTest.expected(rows), ArrowEncoderTest.decode(whole, 60));

      byte[] sliced = write(root, 7, Long.MAX_VALUE);
      read = ArrowJavaReader.read(allocator, sliced);
      assertEquals(List.of(7, 7, 7, 7, 7, 7, 7, 7, 4), read.batchRows());
      assertEquals(ArrowEncoderTest.expected(rows), read.rows());
      assertEquals(ArrowEncoderTest.expected(rows), ArrowEncoderTest.decode(sliced, 60));

      byte[] bySize = write(root, Integer.MAX_VALUE, root.getFieldVectors().stream()
          .mapToLong(v -> v.getBufferSize()).sum() / 4);
      read = ArrowJavaReader.read(allocator, bySize);
      // A quarter of the root's bytes per batch: about a quarter of the rows each, in equal slices.
      assertTrue(read.batchRows().size() >= 4 && read.batchRows().get(0) >= 12 && read.batchRows().get(0) <= 15,
          read.batchRows().toString());
      assertEquals(ArrowEncoderTest.expected(rows), read.rows());
      assertEquals(rows.size(), root.getRowCount(), "the root is left as it was");
    }
  }

  @Test
  void aRootOfSamplesAndAnEmptyRoot() {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(Samples.SCHEMA, allocator)) {
      Samples.fill(root, 0, 1000);
      byte[] ipc = write(root, 300, Long.MAX_VALUE);
      assertEquals(List.of(300, 300, 300, 100), ArrowJavaReader.read(allocator, ipc).batchRows());
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.expect(Samples.FIELDS);
        assertEquals(Samples.expectedRows(0, 1000),
            Samples.rows(decoder.add(ArrowChunk.whole(java.nio.ByteBuffer.wrap(ipc), 1000))));
      }
      root.setRowCount(0);
      ArrowJavaReader.Read empty = ArrowJavaReader.read(allocator, write(root, 300, Long.MAX_VALUE));
      assertEquals(Samples.SCHEMA, empty.schema());
      assertEquals(List.of(), empty.batchRows());
    }
  }

  @Test
  void aRootOfATypeSparkDoesNotUseIsRefused() {
    try (UInt4Vector unsigned = new UInt4Vector("u", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(unsigned)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(root, 10, 10));
      assertEquals("Field 'u' has Arrow type Int(32, false), which Spark does not use: its integers are signed and "
          + "of 8, 16, 32 or 64 bits", e.getMessage());
    }
  }

  private static byte[] write(VectorSchemaRoot root, int maxRows, long maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArrowEncoder.write(root, out, maxRows, maxBytes);
    return out.toByteArray();
  }
}
