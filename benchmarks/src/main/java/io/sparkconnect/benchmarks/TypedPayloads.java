package io.sparkconnect.benchmarks;

import io.sparkconnect.arrow.FieldKind;
import io.sparkconnect.arrow.ResultField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One Arrow IPC stream per Spark type, one column of {@code rows} values with every tenth null, written by Arrow
 * Java as a Spark server writes its results, with the schema the decoder expects for it.
 */
final class TypedPayloads {
  /** One type's payload and its expected schema. */
  record Payload(byte[] ipc, List<ResultField> schema) {}

  /** The types, as {@link #of} names them. */
  static final List<String> TYPES =
      List.of("long", "double", "boolean", "string", "decimal", "timestamp", "date", "array", "map", "struct");

  private TypedPayloads() {}

  static Payload of(String type, int rows) {
    try (BufferAllocator allocator = new RootAllocator()) {
      FieldVector vector = switch (type) {
        case "long" -> longs(allocator, rows);
        case "double" -> doubles(allocator, rows);
        case "boolean" -> booleans(allocator, rows);
        case "string" -> strings(allocator, "v", rows);
        case "decimal" -> decimals(allocator, rows);
        case "timestamp" -> timestamps(allocator, rows);
        case "date" -> dates(allocator, rows);
        case "array" -> arrays(allocator, rows);
        case "map" -> maps(allocator, rows);
        case "struct" -> structs(allocator, rows);
        default -> throw new IllegalArgumentException("No payload of type " + type + "; the types are " + TYPES);
      };
      try (vector) {
        return new Payload(write(vector, rows), List.of(field(type)));
      }
    }
  }

  private static ResultField field(String type) {
    return switch (type) {
      case "long" -> leaf("v", FieldKind.LONG);
      case "double" -> leaf("v", FieldKind.DOUBLE);
      case "boolean" -> leaf("v", FieldKind.BOOLEAN);
      case "string" -> leaf("v", FieldKind.STRING);
      case "decimal" -> leaf("v", FieldKind.DECIMAL);
      case "timestamp" -> leaf("v", FieldKind.TIMESTAMP);
      case "date" -> leaf("v", FieldKind.DATE);
      case "array" -> ResultField.of("v", FieldKind.ARRAY, null, List.of(leaf("element", FieldKind.LONG)));
      case "map" -> ResultField.of("v", FieldKind.MAP, null,
          List.of(leaf("key", FieldKind.LONG), leaf("value", FieldKind.DOUBLE)));
      case "struct" -> ResultField.of("v", FieldKind.STRUCT, null,
          List.of(leaf("a", FieldKind.LONG), leaf("b", FieldKind.STRING)));
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static ResultField leaf(String name, FieldKind kind) {
    return ResultField.of(name, kind, null, List.of());
  }

  private static boolean isNull(int i) {
    return i % 10 == 9;
  }

  private static BigIntVector longs(BufferAllocator allocator, int rows) {
    BigIntVector vector = new BigIntVector("v", allocator);
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, i * 31L);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static Float8Vector doubles(BufferAllocator allocator, int rows) {
    Float8Vector vector = new Float8Vector("v", allocator);
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, i * 1.5);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static BitVector booleans(BufferAllocator allocator, int rows) {
    BitVector vector = new BitVector("v", allocator);
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, i % 3 == 0 ? 1 : 0);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static VarCharVector strings(BufferAllocator allocator, String name, int rows) {
    VarCharVector vector = new VarCharVector(name, allocator);
    vector.allocateNew(rows * 16L, rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, ("name-" + i).getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static DecimalVector decimals(BufferAllocator allocator, int rows) {
    DecimalVector vector = new DecimalVector("v", allocator, 18, 2);
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, BigDecimal.valueOf(i * 125L, 2));
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static TimeStampMicroTZVector timestamps(BufferAllocator allocator, int rows) {
    TimeStampMicroTZVector vector = new TimeStampMicroTZVector("v", allocator, "UTC");
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, 1_700_000_000_000_000L + i * 1_000_001L);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static DateDayVector dates(BufferAllocator allocator, int rows) {
    DateDayVector vector = new DateDayVector("v", allocator);
    vector.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
      } else {
        vector.set(i, 19_000 + i % 5_000);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  private static ListVector arrays(BufferAllocator allocator, int rows) {
    ListVector vector = ListVector.empty("v", allocator);
    UnionListWriter writer = vector.getWriter();
    for (int i = 0; i < rows; i++) {
      writer.setPosition(i);
      if (isNull(i)) {
        writer.writeNull();
        continue;
      }
      writer.startList();
      for (int j = 0; j < 3; j++) {
        writer.bigInt().writeBigInt(i + j);
      }
      writer.endList();
    }
    writer.setValueCount(rows);
    return vector;
  }

  private static MapVector maps(BufferAllocator allocator, int rows) {
    MapVector vector = MapVector.empty("v", allocator, false);
    UnionMapWriter writer = vector.getWriter();
    for (int i = 0; i < rows; i++) {
      writer.setPosition(i);
      if (isNull(i)) {
        writer.writeNull();
        continue;
      }
      writer.startMap();
      for (int j = 0; j < 2; j++) {
        writer.startEntry();
        writer.key().bigInt().writeBigInt(j);
        writer.value().float8().writeFloat8(i * 0.5 + j);
        writer.endEntry();
      }
      writer.endMap();
    }
    writer.setValueCount(rows);
    return vector;
  }

  private static StructVector structs(BufferAllocator allocator, int rows) {
    StructVector vector = StructVector.empty("v", allocator);
    BigIntVector a = vector.addOrGet("a", FieldType.nullable(new ArrowType.Int(64, true)), BigIntVector.class);
    VarCharVector b = vector.addOrGet("b", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
    vector.allocateNew();
    for (int i = 0; i < rows; i++) {
      if (isNull(i)) {
        vector.setNull(i);
        continue;
      }
      vector.setIndexDefined(i);
      a.setSafe(i, i);
      b.setSafe(i, ("s" + i).getBytes(StandardCharsets.UTF_8));
    }
    a.setValueCount(rows);
    b.setValueCount(rows);
    vector.setValueCount(rows);
    return vector;
  }

  private static byte[] write(FieldVector vector, int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(vector));
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      root.setRowCount(rows);
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
