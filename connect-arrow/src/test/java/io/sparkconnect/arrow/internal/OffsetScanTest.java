package io.sparkconnect.arrow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class OffsetScanTest {
  private static final int COUNT = 10_001; // spans ten 1,024-offset blocks of 32-bit offsets

  @Test
  void findsTheFirstDecreasingIntOffsetInAnyBlock() {
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf offsets = allocator.buffer(COUNT * 4L)) {
      for (int i = 0; i < COUNT; i++) {
        offsets.setInt(i * 4L, i * 3);
      }
      assertEquals(-1, OffsetScan.firstDecreasingInt(offsets, COUNT));
      offsets.setInt(4096 * 4L, 4095 * 3 - 1); // the first offset of a block, below the last of the one before
      offsets.setInt(9000 * 4L, 0);
      assertEquals(4096, OffsetScan.firstDecreasingInt(offsets, COUNT));
      offsets.setInt(0, -1);
      assertEquals(0, OffsetScan.firstDecreasingInt(offsets, COUNT));
    }
  }

  @Test
  void findsTheFirstDecreasingLongOffsetInAnyBlock() {
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf offsets = allocator.buffer(COUNT * 8L)) {
      for (int i = 0; i < COUNT; i++) {
        offsets.setLong(i * 8L, i * 5L);
      }
      assertEquals(-1, OffsetScan.firstDecreasingLong(offsets, COUNT));
      offsets.setLong(9999 * 8L, 9997 * 5L);
      assertEquals(9999, OffsetScan.firstDecreasingLong(offsets, COUNT));
      offsets.setLong(2048 * 8L, 1L << 40); // fine itself; the next one is then below it
      assertEquals(2049, OffsetScan.firstDecreasingLong(offsets, COUNT));
    }
  }
}
