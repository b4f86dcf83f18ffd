package io.sparkconnect.arrow.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Reads the bytes of a batch's chunks in sequence, as if they were one stream, without joining them. The total
 * size is known up front, so every length from the wire can be checked against what is actually there.
 */
final class ChunkInput {
  private final ByteBuffer[] parts;
  private final long total;
  private int part;
  private long remaining;

  ChunkInput(List<ByteBuffer> chunks) {
    parts = new ByteBuffer[chunks.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = chunks.get(i).duplicate().order(ByteOrder.LITTLE_ENDIAN);
      remaining += parts[i].remaining();
    }
    total = remaining;
  }

  /** Bytes read so far. */
  long consumed() {
    return total - remaining;
  }

  /** Bytes not read yet. */
  long remaining() {
    return remaining;
  }

  private ByteBuffer current() {
    while (!parts[part].hasRemaining()) {
      part++;
    }
    return parts[part];
  }

  /** A little-endian int; the caller checked that 4 bytes remain. */
  int readInt() {
    ByteBuffer buffer = current();
    remaining -= 4;
    if (buffer.remaining() >= 4) {
      return buffer.getInt();
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value |= (current().get() & 0xFF) << (8 * i);
    }
    return value;
  }

  /**
   * The next {@code length} bytes as a little-endian buffer at position 0: a view when they lie in one chunk, a
   * copy (at most {@code remaining()} bytes, which the caller checked) otherwise.
   */
  ByteBuffer read(int length) {
    if (length > 0 && current().remaining() >= length) {
      remaining -= length;
      ByteBuffer buffer = current();
      ByteBuffer view = buffer.slice().limit(length);
      buffer.position(buffer.position() + length);
      return view.order(ByteOrder.LITTLE_ENDIAN);
    }
    return ByteBuffer.wrap(readBytes(length)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A copy of the next {@code length} bytes; the caller checked that they remain. */
  byte[] readBytes(int length) {
    remaining -= length;
    byte[] copy = new byte[length];
    int done = 0;
    while (done < length) {
      ByteBuffer source = current();
      int n = Math.min(source.remaining(), length - done);
      source.get(copy, done, n);
      done += n;
    }
    return copy;
  }

  /** Skips {@code length} bytes; the caller checked that they remain. */
  void skip(long length) {
    remaining -= length;
    while (length > 0) {
      ByteBuffer source = current();
      int n = (int) Math.min(source.remaining(), length);
      source.position(source.position() + n);
      length -= n;
    }
  }

  /**
   * Copies the next {@code length} bytes into {@code target} from offset 0; the caller checked that they remain.
   * Heap chunks are copied straight from their arrays; others go through {@code scratch}, since reading the
   * address of a direct buffer would need {@code --add-opens}.
   */
  void copyTo(ArrowBuf target, long length, byte[] scratch) {
    remaining -= length;
    long offset = 0;
    while (offset < length) {
      ByteBuffer source = current();
      int n = (int) Math.min(source.remaining(), length - offset);
      if (source.hasArray()) {
        target.setBytes(offset, source.array(), source.arrayOffset() + source.position(), n);
        source.position(source.position() + n);
      } else {
        for (int done = 0; done < n; ) {
          int step = Math.min(scratch.length, n - done);
          source.get(scratch, 0, step);
          target.setBytes(offset + done, scratch, 0, step);
          done += step;
        }
      }
      offset += n;
    }
  }
}
