package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sparkconnect.arrow.internal.ArrowStreamDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** A decoder parses a schema message once and hands on the same fields while later streams repeat its bytes. */
class KnownSchemaTest {
  private static byte[] stream(String column, long value) {
    Schema schema = new Schema(List.of(Field.nullable(column, new ArrowType.Int(64, true))));
    try (RootAllocator allocator = new RootAllocator()) {
      return Ipc.write(allocator, schema, root -> {
        ((BigIntVector) root.getVector(0)).setSafe(0, value);
        root.setRowCount(1);
      });
    }
  }

  /** The schemas and the first value of each batch the decoder hands on, reading the streams in order. */
  private static List<Object> read(byte[]... streams) {
    List<Object> seen = new ArrayList<>();
    try (ArrowStreamDecoder decoder = ArrowStreamDecoder.create(1 << 20)) {
      for (byte[] stream : streams) {
        decoder.read(List.of(ByteBuffer.wrap(stream)), 1, new ArrowStreamDecoder.Listener() {
          @Override
          public void schema(List<Field> schema) {
            seen.add(schema);
          }

          @Override
          public void batch(List<FieldVector> vectors, int rowCount) {
            seen.add(((BigIntVector) vectors.get(0)).get(0));
          }
        });
      }
    }
    return seen;
  }

  @SuppressWarnings("unchecked")
  private static List<Field> fields(Object schema) {
    return (List<Field>) schema;
  }

  @Test
  void aRepeatedSchemaMessageIsHandedOnAsTheSameFields() {
    List<Object> seen = read(stream("a", 1), stream("a", 2), stream("a", 3));
    assertEquals(List.of(1L, 2L, 3L), List.of(seen.get(1), seen.get(3), seen.get(5)));
    assertSame(seen.get(0), seen.get(2));
    assertSame(seen.get(0), seen.get(4));
  }

  @Test
  void aSchemaMessageOfOtherBytesIsParsedAgain() {
    List<Object> seen = read(stream("a", 1), stream("b", 2), stream("a", 3));
    assertNotSame(seen.get(0), seen.get(2));
    assertEquals("b", fields(seen.get(2)).get(0).getName());
    assertNotSame(seen.get(2), seen.get(4));
    assertEquals(seen.get(0), seen.get(4));
  }
}
