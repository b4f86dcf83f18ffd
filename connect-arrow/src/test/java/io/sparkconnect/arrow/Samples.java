package io.sparkconnect.arrow;

import static io.sparkconnect.arrow.Ipc.field;
import static io.sparkconnect.arrow.Ipc.leaf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/** A Spark-shaped stream of (id long, x double, s string) rows, every third string null. */
final class Samples {
  static final Schema SCHEMA = new Schema(List.of(
      field("id", new ArrowType.Int(64, true)),
      field("x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      field("s", ArrowType.Utf8.INSTANCE)));

  static final List<ResultField> FIELDS = List.of(
      leaf("id", FieldKind.LONG), leaf("x", FieldKind.DOUBLE), leaf("s", FieldKind.STRING));

  private Samples() {}

  /** One IPC stream holding one record batch of rows {@code first} to {@code first + rows - 1}. */
  static byte[] stream(int first, int rows) {
    try (RootAllocator allocator = new RootAllocator()) {
      return Ipc.write(allocator, SCHEMA, root -> fill(root, first, rows));
    }
  }

  static void fill(VectorSchemaRoot root, int first, int rows) {
    BigIntVector ids = (BigIntVector) root.getVector("id");
    Float8Vector xs = (Float8Vector) root.getVector("x");
    VarCharVector names = (VarCharVector) root.getVector("s");
    for (int i = 0; i < rows; i++) {
      int row = first + i;
      ids.setSafe(i, row);
      xs.setSafe(i, row * 1.5);
      if (row % 3 == 2) {
        names.setNull(i);
      } else {
        names.setSafe(i, ("name-" + row).getBytes(StandardCharsets.UTF_8));
      }
    }
    ids.setValueCount(rows);
    xs.setValueCount(rows);
    names.setValueCount(rows);
    root.setRowCount(rows);
  }

  /** The rows of decoded batches as lists of (id, x, s). */
  static List<List<Object>> rows(List<DecodedBatch> batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (DecodedBatch batch : batches) {
      for (int r = 0; r < batch.rowCount(); r++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
          row.add(batch.column(c).get(r));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The rows of decoded batches, made comparable. */
  static List<List<Object>> comparableRows(List<DecodedBatch> batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : rows(batches)) {
      List<Object> values = new ArrayList<>();
      for (Object value : row) {
        values.add(comparable(value));
      }
      rows.add(values);
    }
    return rows;
  }

  /** A value with byte arrays as hex and nested values made comparable. */
  static Object comparable(Object value) {
    if (value instanceof byte[]) {
      return Ipc.hex((byte[]) value);
    }
    if (value instanceof List) {
      List<Object> list = new ArrayList<>();
      for (Object element : (List<?>) value) {
        list.add(comparable(element));
      }
      return list;
    }
    if (value instanceof java.util.Map) {
      java.util.Map<Object, Object> map = new java.util.LinkedHashMap<>();
      ((java.util.Map<?, ?>) value).forEach((k, v) -> map.put(comparable(k), comparable(v)));
      return map;
    }
    if (value instanceof TestValues.Struct) {
      TestValues.Struct struct = (TestValues.Struct) value;
      List<Object> values = new ArrayList<>();
      for (Object element : struct.values()) {
        values.add(comparable(element));
      }
      return new TestValues.Struct(struct.name(), struct.apiType(), values);
    }
    return value;
  }

  /** The rows {@link #stream} writes. */
  static List<List<Object>> expectedRows(int first, int rows) {
    List<List<Object>> expected = new ArrayList<>();
    for (int row = first; row < first + rows; row++) {
      List<Object> values = new ArrayList<>();
      values.add((long) row);
      values.add(row * 1.5);
      values.add(row % 3 == 2 ? null : "name-" + row);
      expected.add(values);
    }
    return expected;
  }
}
