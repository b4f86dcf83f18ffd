package io.sparkconnect.arrow.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte array on the heap: one Arrow buffer while a batch is encoded. */
final class ByteSink {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The largest array the JVM reliably allocates. */
  private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(capacity, 8)];
  }

  int size() {
    return size;
  }

  /** The backing array; its first {@link #size()} bytes are the content. */
  byte[] array() {
    return bytes;
  }

  void clear() {
    size = 0;
  }

  void putByte(byte value) {
    ensure(1);
    bytes[size++] = value;
  }

  void putShort(short value) {
    ensure(2);
    SHORT.set(bytes, size, value);
    size += 2;
  }

  void putInt(int value) {
    ensure(4);
    INT.set(bytes, size, value);
    size += 4;
  }

  void putLong(long value) {
    ensure(8);
    LONG.set(bytes, size, value);
    size += 8;
  }

  void putBytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  /** Appends {@code n} zero bytes. */
  void putZeros(int n) {
    ensure(n);
    Arrays.fill(bytes, size, size + n, (byte) 0);
    size += n;
  }

  /** Sets bit {@code index} (counted from the start of the sink) to 1; the byte holding it must exist. */
  void setBit(int index) {
    bytes[index >>> 3] |= (byte) (1 << (index & 7));
  }

  int getInt(int offset) {
    return (int) INT.get(bytes, offset);
  }

  private void ensure(int more) {
    if (more <= bytes.length - size) {
      return;
    }
    long needed = (long) size + more;
    if (needed > MAX_SIZE) {
      throw new IllegalArgumentException("An Arrow buffer would exceed " + MAX_SIZE + " bytes; encode fewer rows at "
          + "once or smaller values");
    }
    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_SIZE, Math.max(needed, 2L * bytes.length)));
  }
}
