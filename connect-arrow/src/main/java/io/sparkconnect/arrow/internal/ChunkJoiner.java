package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the chunks of Arrow batches that 4.1+ servers split across responses, checking chunk order, row counts
 * and start offsets, so a batch is decoded only when it is whole and no rows are lost or repeated. The chunks are
 * kept as they are, never concatenated.
 */
public final class ChunkJoiner {
  private final List<ByteBuffer> chunks = new ArrayList<>();
  private long expectedChunks = 1;
  private long batchRowCount;
  private long batchStartOffset;
  private long rowsSoFar;

  /**
   * Adds one message's chunk.
   *
   * @param startOffset the announced first row of the batch, or -1 if none was announced
   * @return the chunks of a batch once its last chunk arrives, in order, or null while chunks are missing
   */
  public List<ByteBuffer> add(ByteBuffer data, long rowCount, long startOffset, long chunkIndex, long numChunks) {
    if (chunkIndex != chunks.size()) {
      throw new ArrowDecodingException("Arrow batch chunk " + chunkIndex + " arrived, expected chunk "
          + chunks.size() + "; the result stream is out of order");
    }
    if (rowCount < 0) {
      throw new ArrowDecodingException("An Arrow batch announced a negative row count " + rowCount);
    }
    if (chunkIndex == 0) {
      if (numChunks < 1) {
        throw new ArrowDecodingException("An Arrow batch announced " + numChunks + " chunks; at least 1 expected");
      }
      long start = startOffset < 0 ? rowsSoFar : startOffset;
      if (start != rowsSoFar) {
        throw new ArrowDecodingException("Arrow batch starts at row " + start + " but " + rowsSoFar
            + " rows arrived before it; rows were lost or repeated");
      }
      expectedChunks = numChunks;
      batchRowCount = rowCount;
      batchStartOffset = start;
    } else {
      if (rowCount != batchRowCount) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on its row count: " + batchRowCount
            + " and " + rowCount);
      }
      if (numChunks != expectedChunks) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on their number: " + expectedChunks
            + " and " + numChunks);
      }
      if (startOffset >= 0 && startOffset != batchStartOffset) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on its start row: " + batchStartOffset
            + " and " + startOffset);
      }
    }
    chunks.add(data);
    if (chunks.size() < expectedChunks) {
      return null;
    }
    List<ByteBuffer> whole = List.copyOf(chunks);
    chunks.clear();
    rowsSoFar += batchRowCount;
    return whole;
  }

  /** The row count the server announced for the batch completed last. */
  public long lastBatchRowCount() {
    return batchRowCount;
  }

  public boolean hasPartialBatch() {
    return !chunks.isEmpty();
  }

  /** How many chunks of the batch in progress arrived, and how many it has. */
  public String progress() {
    return chunks.size() + " of " + expectedChunks;
  }

  /** The rows of all completed batches, as announced. */
  public long rowsSoFar() {
    return rowsSoFar;
  }
}
