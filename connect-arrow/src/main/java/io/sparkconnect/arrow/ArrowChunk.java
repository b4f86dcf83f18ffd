package io.sparkconnect.arrow;

import io.sparkconnect.arrow.internal.DirectMemory;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The content of one Spark Connect {@code ArrowBatch} message, without protobuf: Arrow IPC bytes (a whole IPC
 * stream, or one chunk of it) and what the server announced about them. Immutable; the bytes are not copied. A
 * whole batch in a direct buffer is read in place where {@link #readsInPlace()}: the vectors loaded from it point
 * into the buffer, which they keep reachable, until the decoder loads the next batch or closes.
 */
public final class ArrowChunk {
  private final ByteBuffer data;
  private final long rowCount;
  private final long startOffset;
  private final long chunkIndex;
  private final long numChunks;

  private ArrowChunk(ByteBuffer data, long rowCount, long startOffset, long chunkIndex, long numChunks) {
    this.data = Objects.requireNonNull(data, "data").slice();
    this.rowCount = rowCount;
    this.startOffset = startOffset;
    this.chunkIndex = chunkIndex;
    this.numChunks = numChunks;
  }

  /** Whether whole batches in direct buffers are read in place on this JVM, rather than copied into Arrow memory. */
  public static boolean readsInPlace() {
    return DirectMemory.available();
  }

  /** A whole batch in one message, as servers before 4.1 send it: no start offset, one chunk. */
  public static ArrowChunk whole(ByteBuffer data, long rowCount) {
    return new ArrowChunk(data, rowCount, -1, 0, 1);
  }

  /**
   * A message with every field the server may send.
   *
   * @param data the remaining bytes of this buffer; it must not be modified while the decoder holds the chunk
   * @param startOffset the row at which the batch starts, or -1 when the server sent none
   * @param chunkIndex the index of this chunk in its batch (0 when absent)
   * @param numChunks the number of chunks of the batch (1 when absent)
   */
  public static ArrowChunk of(ByteBuffer data, long rowCount, long startOffset, long chunkIndex, long numChunks) {
    return new ArrowChunk(data, rowCount, startOffset, chunkIndex, numChunks);
  }

  /** A read-only view of the bytes. */
  public ByteBuffer data() {
    return data.asReadOnlyBuffer();
  }

  /** The bytes, shared (not a read-only view, so heap arrays stay reachable for bulk copies). */
  ByteBuffer buffer() {
    return data.duplicate();
  }

  public long rowCount() {
    return rowCount;
  }

  /** The row at which the batch starts, or -1 when the server sent none. */
  public long startOffset() {
    return startOffset;
  }

  public long chunkIndex() {
    return chunkIndex;
  }

  public long numChunks() {
    return numChunks;
  }

  @Override
  public String toString() {
    return "ArrowChunk{" + data.remaining() + " bytes, rows=" + rowCount + ", startOffset=" + startOffset
        + ", chunk " + chunkIndex + " of " + numChunks + "}";
  }
}
