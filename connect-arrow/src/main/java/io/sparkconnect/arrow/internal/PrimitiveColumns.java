package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/** Columns of Java primitives copied from fixed-width Arrow vectors, with nulls kept in a bit set. */
final class PrimitiveColumns {
  private PrimitiveColumns() {}

  /** The first {@code count} 32-bit values of a buffer, each less {@code minus} (offsets made relative). */
  static int[] ints(ArrowBuf buffer, int count, int minus) {
    int[] values = ArrowArrays.ints(buffer, count);
    if (minus != 0) {
      for (int i = 0; i < count; i++) {
        values[i] -= minus;
      }
    }
    return values;
  }

  static DecodedColumn of(BitVector vector) {
    int n = vector.getValueCount();
    boolean[] values = new boolean[n];
    for (int i = 0; i < n; i++) {
      values[i] = !vector.isNull(i) && vector.get(i) != 0;
    }
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public boolean getBoolean(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "boolean";
      }
    };
  }

  static DecodedColumn of(TinyIntVector vector) {
    int n = vector.getValueCount();
    byte[] values = new byte[n];
    vector.getDataBuffer().getBytes(0, values, 0, n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public byte getByte(int row) {
        return values[row];
      }

      @Override
      public short getShort(int row) {
        return values[row];
      }

      @Override
      public int getInt(int row) {
        return values[row];
      }

      @Override
      public long getLong(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "byte";
      }
    };
  }

  static DecodedColumn of(SmallIntVector vector) {
    int n = vector.getValueCount();
    short[] values = ArrowArrays.shorts(vector.getDataBuffer(), n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public short getShort(int row) {
        return values[row];
      }

      @Override
      public int getInt(int row) {
        return values[row];
      }

      @Override
      public long getLong(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "short";
      }
    };
  }

  static DecodedColumn of(IntVector vector) {
    int n = vector.getValueCount();
    int[] values = ArrowArrays.ints(vector.getDataBuffer(), n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public int getInt(int row) {
        return values[row];
      }

      @Override
      public long getLong(int row) {
        return values[row];
      }

      @Override
      public double getDouble(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "int";
      }
    };
  }

  static DecodedColumn of(BigIntVector vector) {
    int n = vector.getValueCount();
    long[] values = ArrowArrays.longs(vector.getDataBuffer(), n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public long getLong(int row) {
        return values[row];
      }

      @Override
      public double getDouble(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "long";
      }
    };
  }

  static DecodedColumn of(Float4Vector vector) {
    int n = vector.getValueCount();
    float[] values = ArrowArrays.floats(vector.getDataBuffer(), n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public float getFloat(int row) {
        return values[row];
      }

      @Override
      public double getDouble(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "float";
      }
    };
  }

  static DecodedColumn of(Float8Vector vector) {
    int n = vector.getValueCount();
    double[] values = ArrowArrays.doubles(vector.getDataBuffer(), n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      public double getDouble(int row) {
        return values[row];
      }

      @Override
      Object box(int row) {
        return values[row];
      }

      @Override
      public String typeName() {
        return "double";
      }
    };
  }
}
