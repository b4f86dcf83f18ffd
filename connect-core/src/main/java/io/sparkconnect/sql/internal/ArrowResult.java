package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.ArrowStreamDecoder;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the responses of one query execution: its schema, its Arrow batches (reassembled from chunks and decoded
 * one at a time, so memory stays bounded), and a SQL command's result relation. Not thread-safe.
 */
public final class ArrowResult implements AutoCloseable {
  /** Arrow memory one result may use at once. */
  private static final long MAX_ARROW_BYTES = Long.MAX_VALUE;

  private final ResponseStream stream;
  private final ObservedMetricsStore observations;
  private final ArrowStreamDecoder decoder = ArrowStreamDecoder.create(MAX_ARROW_BYTES);
  private final ChunkAssembler chunks = new ChunkAssembler();
  private final Deque<DecodedBatch> pending = new ArrayDeque<>();
  private StructType schema;
  private Relation commandResult;
  private boolean finished;

  public ArrowResult(ResponseStream stream, ObservedMetricsStore observations) {
    this.stream = stream;
    this.observations = observations;
  }

  /** The result schema, reading ahead until it arrives; null if the execution sends none. */
  public StructType schema() {
    while (schema == null && pending.isEmpty() && readNext()) {
      // keep reading until the schema or a batch arrives
    }
    return schema;
  }

  /** The next decoded batch, or null when the result is complete. */
  public DecodedBatch nextBatch() {
    while (pending.isEmpty() && readNext()) {
      // keep reading until a batch is complete
    }
    return pending.poll();
  }

  /** Reads everything and returns the relation of a {@code sql_command_result}, or null. */
  public Relation commandResult() {
    while (readNext()) {
      // drain
    }
    return commandResult;
  }

  /** Hands each batch to {@code consumer} as Arrow vectors, without copying out of Arrow memory. */
  public long forEachArrowBatch(java.util.function.Consumer<VectorSchemaRoot> consumer) {
    long rows = 0;
    while (stream.hasNext()) {
      ByteString ipc = handle(stream.next());
      if (ipc != null) {
        rows += decoder.read(ipc.newInput(), consumer);
      }
    }
    finished = true;
    return rows;
  }

  private boolean readNext() {
    if (finished) {
      return false;
    }
    if (!stream.hasNext()) {
      finished = true;
      if (chunks.hasPartialBatch()) {
        throw new ArrowDecodingException("The result ended in the middle of a chunked Arrow batch");
      }
      return false;
    }
    ByteString ipc = handle(stream.next());
    if (ipc != null) {
      long rows = 0;
      for (DecodedBatch batch : decoder.decode(ipc.newInput())) {
        pending.add(batch);
        rows += batch.rowCount();
      }
      if (rows != chunks.lastBatchRowCount()) {
        throw new ArrowDecodingException("An Arrow batch announced " + chunks.lastBatchRowCount()
            + " rows but holds " + rows);
      }
    }
    return true;
  }

  /** Records what a response carries; returns a complete Arrow IPC stream when one is ready. */
  private ByteString handle(ExecutePlanResponse response) {
    response.getObservedMetricsList().forEach(observations::record);
    if (response.hasSchema() && schema == null) {
      schema = DataTypeConverter.schemaFromProto(response.getSchema());
    }
    switch (response.getResponseTypeCase()) {
      case ARROW_BATCH:
        return chunks.add(response.getArrowBatch());
      case SQL_COMMAND_RESULT:
        commandResult = response.getSqlCommandResult().getRelation();
        return null;
      default:
        return null;
    }
  }

  public long rowsRead() {
    return chunks.rowsSoFar();
  }

  @Override
  public void close() {
    stream.close();
    decoder.close();
  }
}
