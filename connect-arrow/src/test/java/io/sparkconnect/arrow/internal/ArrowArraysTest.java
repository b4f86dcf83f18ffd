package io.sparkconnect.arrow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.ArrowDecodingException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class ArrowArraysTest {
  private static final int COUNT = 1_001;

  @Test
  void copiesTheLeadingValuesOfEachWidthFromASlice() {
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf whole = allocator.buffer(16 + COUNT * 8L)) {
      ArrowBuf buffer = whole.slice(16, COUNT * 8L); // values start past the first 16 bytes of the allocation
      whole.setLong(0, -1);
      long[] longs = new long[COUNT];
      for (int i = 0; i < COUNT; i++) {
        longs[i] = (long) i * 0x1_0000_0003L - 7;
        buffer.setLong(i * 8L, longs[i]);
      }
      assertArrayEquals(longs, ArrowArrays.longs(buffer, COUNT));
      assertArrayEquals(new long[] {longs[0], longs[1]}, ArrowArrays.longs(buffer, 2));

      double[] doubles = new double[COUNT];
      for (int i = 0; i < COUNT; i++) {
        buffer.setLong(i * 8L, Double.doubleToRawLongBits(doubles[i] = i * -1.25));
      }
      assertArrayEquals(doubles, ArrowArrays.doubles(buffer, COUNT));

      int[] ints = new int[COUNT];
      float[] floats = new float[COUNT];
      for (int i = 0; i < COUNT; i++) {
        buffer.setInt(i * 4L, ints[i] = i * 65_537 - 3);
      }
      assertArrayEquals(ints, ArrowArrays.ints(buffer, COUNT));
      for (int i = 0; i < COUNT; i++) {
        buffer.setInt(i * 4L, Float.floatToRawIntBits(floats[i] = i / 3f));
      }
      assertArrayEquals(floats, ArrowArrays.floats(buffer, COUNT));

      short[] shorts = new short[COUNT];
      for (int i = 0; i < COUNT; i++) {
        buffer.setShort(i * 2L, shorts[i] = (short) (i * 97 - 500));
      }
      assertArrayEquals(shorts, ArrowArrays.shorts(buffer, COUNT));
    }
  }

  @Test
  void refusesToReadPastTheBuffer() {
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf whole = allocator.buffer(64)) {
      whole.setZero(0, 64);
      ArrowBuf buffer = whole.slice(0, 16);
      ArrowDecodingException error = assertThrows(ArrowDecodingException.class, () -> ArrowArrays.longs(buffer, 3));
      assertTrue(error.getMessage().contains("buffer of 16 bytes is read for 24 bytes"), error.getMessage());
      assertThrows(ArrowDecodingException.class, () -> ArrowArrays.ints(buffer, 5));
      assertArrayEquals(new int[4], ArrowArrays.ints(buffer, 4));
    }
  }
}
