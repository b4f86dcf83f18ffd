package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import java.nio.charset.StandardCharsets;
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

/** Copies an Arrow vector into a {@link DecodedColumn} that no longer needs Arrow memory. */
public final class ColumnCopier {
  private ColumnCopier() {}

  public static DecodedColumn copy(FieldVector vector) {
    if (vector instanceof BigIntVector) {
      return PrimitiveColumns.of((BigIntVector) vector);
    }
    if (vector instanceof IntVector) {
      return PrimitiveColumns.of((IntVector) vector);
    }
    if (vector instanceof Float8Vector) {
      return PrimitiveColumns.of((Float8Vector) vector);
    }
    if (vector instanceof VarCharVector) {
      return strings((VarCharVector) vector);
    }
    if (vector instanceof BitVector) {
      return PrimitiveColumns.of((BitVector) vector);
    }
    if (vector instanceof Float4Vector) {
      return PrimitiveColumns.of((Float4Vector) vector);
    }
    if (vector instanceof SmallIntVector) {
      return PrimitiveColumns.of((SmallIntVector) vector);
    }
    if (vector instanceof TinyIntVector) {
      return PrimitiveColumns.of((TinyIntVector) vector);
    }
    ValueReader reader = ValueReaders.of(vector);
    Object[] values = new Object[vector.getValueCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = reader.read(i);
    }
    return new ObjectColumn(values, vector.getField().getType().toString());
  }

  /** Decodes all strings from one copy of the data buffer, instead of one byte array per value. */
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
