package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the chunks of Arrow batches that 4.1+ servers split across responses, checking chunk order, row counts
 * and start offsets (every chunk of a batch must repeat its first chunk's), so a batch is decoded only when it is
 * whole and no rows are lost or repeated. The chunks are kept as they are, never concatenated, and the bytes held
 * for one batch are bounded.
 */
public final class ChunkJoiner {
  private static final String FIX = "; have the server send smaller batches (spark.connect.grpc.arrow.maxBatchSize, "
      + "spark.sql.execution.arrow.maxRecordsPerBatch) or give the client more heap (-Xmx)";

  private final List<ByteBuffer> chunks = new ArrayList<>();
  private final long maxBatchBytes;
  private long expectedChunks = 1;
  private long batchRowCount;
  private long announcedStartOffset;
  private long batchBytes;
  private long rowsSoFar;

  /** A joiner holding at most {@code maxBatchBytes} bytes of one batch's chunks. */
  public ChunkJoiner(long maxBatchBytes) {
    this.maxBatchBytes = maxBatchBytes;
  }

  /**
   * Adds one message's chunk.
   *
   * @param startOffset the announced first row of the batch, or -1 if none was announced
   * @return the chunks of a batch once its last chunk arrives, in order, or null while chunks are missing
   * @throws io.sparkconnect.arrow.ArrowDecodingException if the chunk is out of order, disagrees with the first
   *     chunk of its batch, or the batch needs more than the byte limit (known after its first chunk: a server cuts
   *     a batch into equal slices but for the last, so n chunks of which the first has s bytes are at least
   *     (n - 1) * s bytes)
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
      long size = data.remaining();
      if (numChunks > 1 && size > 0 && numChunks - 1 > maxBatchBytes / size) {
        throw new ArrowDecodingException("An Arrow batch announced " + numChunks + " chunks, the first of " + size
            + " bytes: at least " + (numChunks - 1) + " x " + size + " bytes, more than the Arrow memory limit of "
            + maxBatchBytes + " bytes" + FIX);
      }
      expectedChunks = numChunks;
      batchRowCount = rowCount;
      announcedStartOffset = startOffset;
      batchBytes = 0;
    } else {
      if (rowCount != batchRowCount) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on its row count: " + batchRowCount
            + " and " + rowCount);
      }
      if (numChunks != expectedChunks) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on their number: " + expectedChunks
            + " and " + numChunks);
      }
      if (startOffset != announcedStartOffset) {
        throw new ArrowDecodingException("Chunks of one Arrow batch disagree on its start row: "
            + describeStart(announcedStartOffset) + " and " + describeStart(startOffset));
      }
    }
    batchBytes += data.remaining();
    if (batchBytes > maxBatchBytes) {
      throw new ArrowDecodingException("The chunks of an Arrow batch add up to more than the Arrow memory limit of "
          + maxBatchBytes + " bytes after chunk " + chunkIndex + " of " + expectedChunks + FIX);
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

  private static String describeStart(long startOffset) {
    return startOffset < 0 ? "none" : Long.toString(startOffset);
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
