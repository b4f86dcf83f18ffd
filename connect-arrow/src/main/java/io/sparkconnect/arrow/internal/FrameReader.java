package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;

/**
 * Reads little-endian numbers from a range of a byte array, for the frame headers of compressed buffers; reading past
 * the range is an {@link ArrowDecodingException} naming what was being read.
 */
final class FrameReader {
  private final byte[] bytes;
  private final String format;
  private final int end;
  private int position;

  FrameReader(byte[] bytes, int offset, int length, String format) {
    this.bytes = bytes;
    this.format = format;
    this.position = offset;
    this.end = offset + length;
  }

  boolean hasMore() {
    return position < end;
  }

  int position() {
    return position;
  }

  int remaining() {
    return end - position;
  }

  /** Skips {@code n} bytes of {@code what}. */
  void skip(long n, String what) {
    require(n, what);
    position += (int) n;
  }

  int u8(String what) {
    require(1, what);
    return bytes[position++] & 0xFF;
  }

  int u16(String what) {
    require(2, what);
    int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
    position += 2;
    return value;
  }

  int u24(String what) {
    require(3, what);
    int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8 | (bytes[position + 2] & 0xFF) << 16;
    position += 3;
    return value;
  }

  int i32(String what) {
    require(4, what);
    int value = 0;
    for (int i = 3; i >= 0; i--) {
      value = value << 8 | (bytes[position + i] & 0xFF);
    }
    position += 4;
    return value;
  }

  long i64(String what) {
    require(8, what);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = value << 8 | (bytes[position + i] & 0xFF);
    }
    position += 8;
    return value;
  }

  /** An unsigned number of {@code width} bytes (0, 1, 2, 4 or 8). */
  long unsigned(int width, String what) {
    switch (width) {
      case 0:
        return 0;
      case 1:
        return u8(what);
      case 2:
        return u16(what);
      case 4:
        return i32(what) & 0xFFFF_FFFFL;
      default:
        return i64(what);
    }
  }

  ArrowDecodingException malformed(String problem) {
    return new ArrowDecodingException("Malformed " + format + " buffer in a compressed Arrow batch: " + problem);
  }

  private void require(long n, String what) {
    if (n < 0 || n > end - position) {
      throw malformed(what + " of " + n + " bytes does not fit in the " + (end - position) + " bytes left");
    }
  }
}
