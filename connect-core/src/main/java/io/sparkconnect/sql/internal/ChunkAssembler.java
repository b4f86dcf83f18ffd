package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the chunks of Arrow batches that 4.1+ servers split across responses, checking chunk order, row counts
 * and start offsets, so a batch is decoded only when it is whole and no rows are lost or repeated.
 */
final class ChunkAssembler {
  private final List<ByteString> chunks = new ArrayList<>();
  private long expectedChunks = -1;
  private long batchRowCount;
  private long batchStartOffset;
  private long rowsSoFar;

  /**
   * Adds one response's batch.
   *
   * @return the complete IPC stream of a batch once its last chunk arrives, or null while chunks are missing
   */
  ByteString add(ExecutePlanResponse.ArrowBatch batch) {
    long chunkIndex = batch.hasChunkIndex() ? batch.getChunkIndex() : 0;
    if (chunkIndex != chunks.size()) {
      throw new ArrowDecodingException("Arrow batch chunk " + chunkIndex + " arrived, expected chunk "
          + chunks.size() + "; the result stream is out of order");
    }
    if (chunkIndex == 0) {
      expectedChunks = batch.hasNumChunksInBatch() ? batch.getNumChunksInBatch() : 1;
      batchRowCount = batch.getRowCount();
      batchStartOffset = batch.hasStartOffset() ? batch.getStartOffset() : rowsSoFar;
      if (batchStartOffset != rowsSoFar) {
        throw new ArrowDecodingException("Arrow batch starts at row " + batchStartOffset + " but " + rowsSoFar
            + " rows arrived before it; rows were lost or repeated");
      }
    } else if (batch.getRowCount() != batchRowCount) {
      throw new ArrowDecodingException("Chunks of one Arrow batch disagree on its row count: " + batchRowCount
          + " and " + batch.getRowCount());
    }
    chunks.add(batch.getData());
    if (expectedChunks > 0 && chunks.size() < expectedChunks) {
      return null;
    }
    ByteString whole = chunks.size() == 1 ? chunks.get(0) : ByteString.copyFrom(chunks);
    chunks.clear();
    rowsSoFar += batchRowCount;
    return whole;
  }

  /** The row count the server announced for the batch just completed. */
  long lastBatchRowCount() {
    return batchRowCount;
  }

  boolean hasPartialBatch() {
    return !chunks.isEmpty();
  }

  long rowsSoFar() {
    return rowsSoFar;
  }
}
