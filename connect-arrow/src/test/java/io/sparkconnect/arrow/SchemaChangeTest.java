package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Every Arrow batch of a result must have the Arrow schema of the first; a change is a typed error, both ways. */
class SchemaChangeTest {
  private static final ArrowType LONG = new ArrowType.Int(64, true);
  private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  /** The error of a second batch, after a first of {@link Samples#SCHEMA}, with expected kinds and with none. */
  private static String secondBatchError(byte[] second) {
    String viaAdd;
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      decoder.add(ArrowChunk.whole(ByteBuffer.wrap(Samples.stream(0, 3)), 3));
      viaAdd = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(second), 2))).getMessage();
    }
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(Samples.stream(0, 3)), 3), root -> { });
      String viaForEach = assertThrows(ArrowDecodingException.class,
          () -> decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(second), 2), root -> {
            throw new AssertionError("no batch of a changed schema may reach the consumer");
          })).getMessage();
      assertEquals(viaAdd, viaForEach, "both paths hold batches to the first schema, expected schema or not");
    }
    return viaAdd;
  }

  private static byte[] stream(Schema schema) {
    try (RootAllocator allocator = new RootAllocator()) {
      return Ipc.write(allocator, schema, root -> {
        for (FieldVector vector : root.getFieldVectors()) {
          for (int i = 0; i < 2; i++) {
            if (vector instanceof BigIntVector) {
              ((BigIntVector) vector).setSafe(i, i);
            } else if (vector instanceof Float8Vector) {
              ((Float8Vector) vector).setSafe(i, i);
            } else if (vector instanceof BaseVariableWidthVector) {
              ((BaseVariableWidthVector) vector).setSafe(i, "v".getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof LargeVarCharVector) {
              ((LargeVarCharVector) vector).setSafe(i, "v".getBytes(StandardCharsets.UTF_8));
            }
          }
          vector.setValueCount(2);
        }
        root.setRowCount(2);
      });
    }
  }

  @Test
  void aTypeTheExpectedKindAlsoAllowsIsStillAChange() {
    byte[] large = stream(new Schema(List.of(field("id", LONG), field("x", DOUBLE),
        field("s", ArrowType.LargeUtf8.INSTANCE))));
    assertEquals("Arrow batch 2 of the result has column 's' of type LargeUtf8 nullable where the first had Utf8 "
        + "nullable; every batch of a result must have the schema of the first, and later batches cannot be read "
        + "under a changed one", secondBatchError(large));
  }

  @Test
  void nullabilityIsPartOfTheSchema() {
    byte[] required = stream(new Schema(List.of(required("id", LONG), field("x", DOUBLE),
        field("s", ArrowType.Utf8.INSTANCE))));
    assertEquals("Arrow batch 2 of the result has column 'id' of type Int(64, true) not null where the first had "
        + "Int(64, true) nullable; every batch of a result must have the schema of the first, and later batches "
        + "cannot be read under a changed one", secondBatchError(required));
  }

  @Test
  void renamedOrDroppedColumnsAreAChange() {
    byte[] renamed = stream(new Schema(List.of(field("id", LONG), field("y", DOUBLE),
        field("s", ArrowType.Utf8.INSTANCE))));
    String error = secondBatchError(renamed);
    assertEquals("Arrow batch 2 of the result names column 1 'y' where the first named it 'x'; every batch of a "
        + "result must have the schema of the first, and later batches cannot be read under a changed one", error);
    byte[] fewer = stream(new Schema(List.of(field("id", LONG), field("x", DOUBLE))));
    error = secondBatchError(fewer);
    assertEquals(true, error.startsWith("Arrow batch 2 of the result has 2 columns where the first had 3"), error);
  }

  @Test
  void sameSchemaBatchesDecode() {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(Samples.FIELDS);
      decoder.add(ArrowChunk.whole(ByteBuffer.wrap(Samples.stream(0, 3)), 3));
      List<DecodedBatch> second = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(Samples.stream(3, 4)), 4));
      assertEquals(Samples.expectedRows(3, 4), Samples.rows(second));
    }
  }
}
