package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.array;
import static io.sparkconnect.arrow.Ipc.leaf;
import static io.sparkconnect.arrow.Ipc.map;
import static io.sparkconnect.arrow.Ipc.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Every Arrow schema is checked against the expected Spark schema: columns, names and kinds, recursively. */
class SchemaCheckTest {
  private static final byte[] SIMPLE = Samples.stream(0, 5);
  private static final byte[] NESTED;

  static {
    try (RootAllocator allocator = new RootAllocator()) {
      NESTED = Ipc.write(allocator, ResultDecoderKindsTest.NESTED, ResultDecoderKindsTest::fillNested);
    }
  }

  private static String mismatch(byte[] ipc, long rows, List<ResultField> expected) {
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(expected);
      String viaAdd = assertThrows(ArrowDecodingException.class,
          () -> decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows))).getMessage();
      try (ResultDecoder arrow = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        arrow.expect(expected);
        String viaForEach = assertThrows(ArrowDecodingException.class,
            () -> arrow.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> {
              throw new AssertionError("no batch may reach the consumer");
            })).getMessage();
        assertEquals(viaAdd, viaForEach, "both paths check the schema alike");
      }
      return viaAdd;
    }
  }

  private static List<ResultField> nestedWith(int column, ResultField replacement) {
    List<ResultField> fields = new ArrayList<>(ResultDecoderKindsTest.NESTED_FIELDS);
    fields.set(column, replacement);
    return fields;
  }

  @Test
  void wrongColumnCount() {
    String error = mismatch(SIMPLE, 5, Samples.FIELDS.subList(0, 2));
    assertTrue(error.contains("has 3 columns but the result schema has 2"), error);
  }

  @Test
  void wrongColumnName() {
    String error = mismatch(SIMPLE, 5, List.of(leaf("id", FieldKind.LONG), leaf("y", FieldKind.DOUBLE),
        leaf("s", FieldKind.STRING)));
    assertTrue(error.contains("Column 1 of the Arrow data is named 'x' but the result schema names it 'y'"), error);
  }

  @Test
  void wrongKind() {
    String error = mismatch(SIMPLE, 5, List.of(leaf("id", FieldKind.LONG), leaf("x", FieldKind.DOUBLE),
        leaf("s", FieldKind.LONG)));
    assertTrue(error.contains("Column 's' is expected as LONG but its Arrow type is Utf8"), error);
    error = mismatch(SIMPLE, 5, List.of(leaf("id", FieldKind.INT), leaf("x", FieldKind.DOUBLE),
        leaf("s", FieldKind.STRING)));
    assertTrue(error.contains("Column 'id' is expected as INT but its Arrow type is Int(64, true)"), error);
  }

  @Test
  void zonedAndLocalTimestampsAreDifferentKinds() {
    byte[] flat;
    try (RootAllocator allocator = new RootAllocator()) {
      flat = Ipc.write(allocator, ResultDecoderKindsTest.FLAT, ResultDecoderKindsTest::fillFlat);
    }
    List<ResultField> fields = new ArrayList<>(ResultDecoderKindsTest.FLAT_FIELDS);
    fields.set(12, leaf("ts", FieldKind.TIMESTAMP_NTZ));
    String error = mismatch(flat, 3, fields);
    assertTrue(error.contains("Column 'ts' is expected as TIMESTAMP_NTZ but its Arrow type is "
        + "Timestamp(MICROSECOND, America/Los_Angeles)"), error);
  }

  @Test
  void nestedMismatches() {
    String error = mismatch(NESTED, 3, nestedWith(2, struct("s", leaf("a", FieldKind.INT),
        leaf("b", FieldKind.LONG))));
    assertTrue(error.contains("Column 's.b' is expected as LONG but its Arrow type is Utf8"), error);

    error = mismatch(NESTED, 3, nestedWith(2, struct("s", leaf("a", FieldKind.INT), leaf("c", FieldKind.STRING))));
    assertTrue(error.contains("Field 1 of struct column 's' is named 'b' in the Arrow data but 'c'"), error);

    error = mismatch(NESTED, 3, nestedWith(2, struct("s", leaf("a", FieldKind.INT))));
    assertTrue(error.contains("Struct column 's' has 2 fields in the Arrow data but 1 in the result schema"), error);

    error = mismatch(NESTED, 3, nestedWith(4, array("aos", struct("element", leaf("x", FieldKind.LONG),
        array("tags", leaf("element", FieldKind.BINARY))))));
    assertTrue(error.contains("Column 'aos.element.tags.element' is expected as BINARY but its Arrow type is Utf8"),
        error);

    error = mismatch(NESTED, 3, nestedWith(1, map("m", leaf("key", FieldKind.INT), leaf("value", FieldKind.INT))));
    assertTrue(error.contains("Column 'm.key' is expected as INT but its Arrow type is Utf8"), error);

    error = mismatch(NESTED, 3, nestedWith(2, leaf("s", FieldKind.VARIANT)));
    assertTrue(error.contains("Column 's' is expected as VARIANT but its Arrow type is Struct<[a, b]>"), error);

    error = mismatch(NESTED, 3, nestedWith(0, leaf("arr", FieldKind.STRUCT)));
    assertTrue(error.contains("Column 'arr' is expected as STRUCT but its Arrow type is List<[element]>"), error);
  }
}
