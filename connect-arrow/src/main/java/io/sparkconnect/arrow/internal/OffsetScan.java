package io.sparkconnect.arrow.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Finds the first offset of an Arrow offset buffer that is negative or smaller than the one before it. It reads the
 * buffer in blocks into a heap array rather than value by value, since each of {@code ArrowBuf}'s checked reads also
 * checks that the buffer is still live, which keeps the loop from being optimised.
 */
final class OffsetScan {
  private static final int BLOCK = 4 * 1024;

  private OffsetScan() {}

  /** The index of the first bad one of the {@code count} 32-bit offsets in {@code offsets}, or -1. */
  static int firstDecreasingInt(ArrowBuf offsets, int count) {
    byte[] scratch = new byte[BLOCK];
    IntBuffer block = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    int previous = 0;
    for (int start = 0; start < count; start += BLOCK / 4) {
      int n = Math.min(BLOCK / 4, count - start);
      offsets.getBytes((long) start * 4, scratch, 0, n * 4);
      for (int i = 0; i < n; i++) {
        int next = block.get(i);
        if (next < previous) {
          return start + i;
        }
        previous = next;
      }
    }
    return -1;
  }

  /** The index of the first bad one of the {@code count} 64-bit offsets in {@code offsets}, or -1. */
  static int firstDecreasingLong(ArrowBuf offsets, int count) {
    byte[] scratch = new byte[BLOCK];
    LongBuffer block = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    long previous = 0;
    for (int start = 0; start < count; start += BLOCK / 8) {
      int n = Math.min(BLOCK / 8, count - start);
      offsets.getBytes((long) start * 8, scratch, 0, n * 8);
      for (int i = 0; i < n; i++) {
        long next = block.get(i);
        if (next < previous) {
          return start + i;
        }
        previous = next;
      }
    }
    return -1;
  }
}
