package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import sun.misc.Unsafe;

/**
 * Copies the leading values of an Arrow buffer into a Java array with one bounds check and one memory copy. {@code
 * ArrowBuf}'s reads check the buffer at every value, so a loop of them runs slowly until the JIT compiler has
 * optimised it, which on a fresh JVM takes many batches. Where {@code Unsafe} is missing, or on a big-endian
 * machine (Arrow data is little-endian), values are read one at a time.
 */
final class ArrowArrays {
  private static final Unsafe UNSAFE =
      ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? DirectMemory.unsafe() : null;

  private ArrowArrays() {}

  /** The first {@code count} 64-bit values of {@code buffer}. */
  static long[] longs(ArrowBuf buffer, int count) {
    long[] values = new long[count];
    if (!copy(buffer, values, Unsafe.ARRAY_LONG_BASE_OFFSET, (long) count * Long.BYTES)) {
      for (int i = 0; i < count; i++) {
        values[i] = buffer.getLong((long) i * Long.BYTES);
      }
    }
    return values;
  }

  /** The first {@code count} 32-bit values of {@code buffer}. */
  static int[] ints(ArrowBuf buffer, int count) {
    int[] values = new int[count];
    if (!copy(buffer, values, Unsafe.ARRAY_INT_BASE_OFFSET, (long) count * Integer.BYTES)) {
      for (int i = 0; i < count; i++) {
        values[i] = buffer.getInt((long) i * Integer.BYTES);
      }
    }
    return values;
  }

  /** The first {@code count} 16-bit values of {@code buffer}. */
  static short[] shorts(ArrowBuf buffer, int count) {
    short[] values = new short[count];
    if (!copy(buffer, values, Unsafe.ARRAY_SHORT_BASE_OFFSET, (long) count * Short.BYTES)) {
      for (int i = 0; i < count; i++) {
        values[i] = buffer.getShort((long) i * Short.BYTES);
      }
    }
    return values;
  }

  /** The first {@code count} 64-bit floating-point values of {@code buffer}. */
  static double[] doubles(ArrowBuf buffer, int count) {
    double[] values = new double[count];
    if (!copy(buffer, values, Unsafe.ARRAY_DOUBLE_BASE_OFFSET, (long) count * Double.BYTES)) {
      for (int i = 0; i < count; i++) {
        values[i] = buffer.getDouble((long) i * Double.BYTES);
      }
    }
    return values;
  }

  /** The first {@code count} 32-bit floating-point values of {@code buffer}. */
  static float[] floats(ArrowBuf buffer, int count) {
    float[] values = new float[count];
    if (!copy(buffer, values, Unsafe.ARRAY_FLOAT_BASE_OFFSET, (long) count * Float.BYTES)) {
      for (int i = 0; i < count; i++) {
        values[i] = buffer.getFloat((long) i * Float.BYTES);
      }
    }
    return values;
  }

  /** Copies the buffer's first {@code bytes} into {@code array}; false when values must be read one by one. */
  private static boolean copy(ArrowBuf buffer, Object array, long arrayBase, long bytes) {
    if (bytes > buffer.capacity()) {
      throw new ArrowDecodingException("An Arrow buffer of " + buffer.capacity() + " bytes is read for " + bytes
          + " bytes of values; the batch is inconsistent");
    }
    if (UNSAFE == null) {
      return false;
    }
    buffer.checkBytes(0, bytes); // the buffer is still live (when Arrow's bounds checks are on)
    UNSAFE.copyMemory(null, buffer.memoryAddress(), array, arrayBase, bytes);
    return true;
  }
}
