package io.sparkconnect.arrow.internal;

import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Where the buffers of a record batch lie in its body, in IPC order: as the header declares them on the wire, or
 * where they were decompressed to. Holds the numbers only; {@link BatchCheck} checks them.
 */
final class BufferLayout {
  private final long[] offsets;
  private final long[] lengths;
  private final long bodyLength;

  BufferLayout(long[] offsets, long[] lengths, long bodyLength) {
    this.offsets = offsets;
    this.lengths = lengths;
    this.bodyLength = bodyLength;
  }

  /**
   * The buffers a record batch header declares. Their number is bounded by the message: {@link MessageCheck} checked
   * that the vector of 16-byte buffer entries lies inside it.
   */
  static BufferLayout of(RecordBatch header, long bodyLength) {
    int count = header.buffersLength();
    long[] offsets = new long[count];
    long[] lengths = new long[count];
    org.apache.arrow.flatbuf.Buffer buffer = new org.apache.arrow.flatbuf.Buffer();
    for (int i = 0; i < count; i++) {
      header.buffers(buffer, i);
      offsets[i] = buffer.offset();
      lengths[i] = buffer.length();
    }
    return new BufferLayout(offsets, lengths, bodyLength);
  }

  int count() {
    return offsets.length;
  }

  long offset(int i) {
    return offsets[i];
  }

  long length(int i) {
    return lengths[i];
  }

  long bodyLength() {
    return bodyLength;
  }
}
