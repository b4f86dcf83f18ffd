package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.arrow.ValueFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Copies a loaded batch into {@link DecodedColumn}s that no longer need Arrow memory, as its plans say. */
public final class ColumnCopier {
  private ColumnCopier() {}

  /**
   * Copies every column of a loaded, validated batch.
   *
   * @throws ArrowDecodingException if a value cannot be decoded; exceptions of {@code factory} pass unchanged
   */
  public static DecodedBatch copy(List<Plan> plans, VectorSchemaRoot root, ValueFactory factory) {
    List<FieldVector> vectors = root.getFieldVectors();
    List<DecodedColumn> columns = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      Plan plan = plans.get(i);
      try {
        columns.add(copy(plan, vectors.get(i), factory));
      } catch (ValueReaders.CallerException e) {
        throw e.original();
      } catch (ArrowDecodingException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ArrowDecodingException("Cannot decode column '" + plan.path + "' of Arrow type " + plan.arrowType
            + ": " + e, e);
      }
    }
    return new DecodedBatch(columns, root.getRowCount());
  }

  private static DecodedColumn copy(Plan plan, FieldVector vector, ValueFactory factory) {
    if (plan.kind != null) {
      switch (plan.kind) {
        case NULL:
          return new NullColumn(vector.getValueCount());
        case BOOLEAN:
          return PrimitiveColumns.of((BitVector) vector);
        case BYTE:
          return PrimitiveColumns.of((TinyIntVector) vector);
        case SHORT:
          return PrimitiveColumns.of((SmallIntVector) vector);
        case INT:
          return PrimitiveColumns.of((IntVector) vector);
        case LONG:
          return PrimitiveColumns.of((BigIntVector) vector);
        case FLOAT:
          return PrimitiveColumns.of((Float4Vector) vector);
        case DOUBLE:
          return PrimitiveColumns.of((Float8Vector) vector);
        case STRING:
          if (vector instanceof VarCharVector) {
            return strings((VarCharVector) vector);
          }
          break;
        default:
          break;
      }
    }
    ValueReader reader = ValueReaders.of(plan, vector, factory);
    Object[] values = new Object[vector.getValueCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = reader.read(i);
    }
    return new ObjectColumn(values, plan.kind.name().toLowerCase(Locale.ROOT));
  }

  /**
   * Decodes all strings from one copy of the data buffer, instead of one byte array per value. The offsets were
   * validated (non-negative, non-decreasing, the last within the data buffer) before this allocates.
   */
  private static DecodedColumn strings(VarCharVector vector) {
    int n = vector.getValueCount();
    Object[] values = new Object[n];
    if (n == 0) {
      return new ObjectColumn(values, "string");
    }
    ArrowBuf offsets = vector.getOffsetBuffer();
    int base = offsets.getInt(0);
    int end = offsets.getInt((long) n * VarCharVector.OFFSET_WIDTH);
    byte[] data = new byte[end - base];
    vector.getDataBuffer().getBytes(base, data, 0, data.length);
    for (int i = 0; i < n; i++) {
      if (!vector.isNull(i)) {
        int start = offsets.getInt((long) i * VarCharVector.OFFSET_WIDTH) - base;
        int stop = offsets.getInt((long) (i + 1) * VarCharVector.OFFSET_WIDTH) - base;
        values[i] = new String(data, start, stop - start, StandardCharsets.UTF_8);
      }
    }
    return new ObjectColumn(values, "string");
  }
}
