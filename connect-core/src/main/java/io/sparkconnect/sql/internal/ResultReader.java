package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.ArrowChunk;
import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.ResultDecoder;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the responses of one execution: the schema (or, when the responses carry none, the Spark schema of the
 * first Arrow batch), the Arrow batches (decoded one at a time by a {@link ResultDecoder}, which runs the same
 * chunk, row count and schema checks for rows and for Arrow vectors, so memory stays bounded, and shown to the
 * operation listeners before their rows are handed out), observed metrics, and a SQL command's result relation. Reading is for one thread; {@link #close()} is
 * safe from any thread: it cancels the stream, and the decoder's memory is freed only once no thread reads.
 */
final class ResultReader implements AutoCloseable {
  /**
   * Arrow memory one result may use at once: half the maximum heap, so a batch that claims (or decompresses to)
   * more fails with a typed error instead of exhausting memory.
   */
  private static final long MAX_ARROW_BYTES = Runtime.getRuntime().maxMemory() / 2;

  private final ResponseStream stream;
  private final OperationEvents events;
  private final ObservedMetricsStore observations;
  private final ResultLimits limits;
  private final ResultDecoder decoder = ResultDecoder.create(RowValues.INSTANCE, MAX_ARROW_BYTES);
  private final Deque<ResultBatch> pending = new ArrayDeque<>();
  private final ReentrantLock reading = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean freed = new AtomicBoolean();
  private StructType schema;
  private ExecutePlanResponse commandResult;
  private boolean finished;
  private long rows;
  private long bytes;
  private long bytesSinceBatch;
  private volatile Throwable failure;

  ResultReader(ResponseStream stream, OperationEvents events, ObservedMetricsStore observations,
      ResultLimits limits) {
    this.stream = stream;
    this.events = events;
    this.observations = observations;
    this.limits = limits;
    decoder.expectFromArrow(arrow -> {
      schema = ArrowSchemaConverter.toSpark(arrow);
      return ResultFields.of(schema);
    });
  }

  /**
   * The result schema, reading ahead until it or the first batch arrives.
   *
   * @throws SparkConnectException if the result ends with neither
   */
  StructType schema() {
    return read(() -> {
      while (schema == null && pending.isEmpty() && readNext()) {
        // read until the schema or a batch arrives
      }
      return requireSchema();
    });
  }

  /**
   * The next batch, or null when the result is complete.
   *
   * @throws SparkConnectException if the result ends with neither a schema nor a batch
   */
  ResultBatch nextBatch() {
    return read(() -> {
      while (pending.isEmpty() && readNext()) {
        // read until a batch is complete
      }
      if (pending.isEmpty()) {
        requireSchema();
      }
      return pending.poll();
    });
  }

  /**
   * Reads everything and returns the last response carrying a command's result (a {@code sql_command_result}, a
   * {@code checkpoint_command_result}, ...), or null when the command answered with none.
   */
  ExecutePlanResponse commandResult() {
    return read(() -> {
      while (readNext()) {
        // drain
      }
      return commandResult;
    });
  }

  /**
   * The next response carrying a command's result, as it arrives, or null at the end: for commands whose results
   * keep coming, such as the streaming query listener's events.
   */
  ExecutePlanResponse nextCommandResult() {
    return read(() -> {
      while (!finished) {
        if (!stream.hasNext()) {
          finished = true;
          decoder.finish();
          return null;
        }
        ExecutePlanResponse response = record(stream.next());
        if (isCommandResult(response)) {
          return response;
        }
      }
      return null;
    });
  }

  /**
   * Hands each batch to {@code consumer} as Arrow vectors, after the listeners saw it; exceptions of the consumer
   * reach the caller as they are.
   */
  long forEachArrowBatch(Consumer<VectorSchemaRoot> consumer) {
    RuntimeException[] fromConsumer = new RuntimeException[1];
    Consumer<VectorSchemaRoot> guarded = root -> {
      accept(root.getRowCount());
      try {
        consumer.accept(root);
      } catch (RuntimeException e) {
        fromConsumer[0] = e;
        throw e;
      }
    };
    try {
      return read(() -> {
        while (stream.hasNext()) {
          ExecutePlanResponse response = record(stream.next());
          if (response.hasArrowBatch()) {
            bytesSinceBatch += response.getArrowBatch().getData().size();
            decoder.forEach(chunk(response), guarded);
          }
        }
        decoder.finish();
        finished = true;
        requireSchema();
        return rows;
      });
    } catch (RuntimeException e) {
      if (fromConsumer[0] != null) {
        throw fromConsumer[0];
      }
      throw e;
    }
  }

  private boolean readNext() {
    if (finished) {
      return false;
    }
    if (!stream.hasNext()) {
      finished = true;
      decoder.finish();
      return false;
    }
    ExecutePlanResponse response = record(stream.next());
    if (response.hasArrowBatch()) {
      bytesSinceBatch += response.getArrowBatch().getData().size();
      List<DecodedBatch> batches = decoder.add(chunk(response));
      if (!batches.isEmpty()) {
        accept(batches.stream().mapToLong(DecodedBatch::rowCount).sum());
        batches.forEach(batch -> pending.add(new ResultBatch(schema, batch)));
      }
    } else if (isCommandResult(response)) {
      commandResult = response;
    }
    return true;
  }

  private static boolean isCommandResult(ExecutePlanResponse response) {
    switch (response.getResponseTypeCase()) {
      case ARROW_BATCH:
      case RESULT_COMPLETE:
      case EXECUTION_PROGRESS:
      case RESPONSETYPE_NOT_SET:
        return false;
      default:
        return true;
    }
  }

  /**
   * The schema of a result read to its end. A query result always has one, sent or derived from its Arrow batches:
   * servers send at least one batch even without rows. Spark's own client fails here too.
   */
  private StructType requireSchema() {
    if (schema == null) {
      throw new SparkConnectException("The result of operation " + events.operation().operationId() + " ended "
          + "with neither a schema nor an Arrow batch; a query result has at least one batch, even without rows, so "
          + "the server broke the protocol or the plan was not a query");
    }
    return schema;
  }

  /** Counts a decoded batch against the limits and shows it to the listeners, before any of its rows go out. */
  private void accept(long batchRows) {
    rows += batchRows;
    bytes += bytesSinceBatch;
    limits.check(events.operation(), rows, bytes);
    events.batch(batchRows, bytesSinceBatch);
    bytesSinceBatch = 0;
  }

  /** Takes the schema and observed metrics a response carries. */
  private ExecutePlanResponse record(ExecutePlanResponse response) {
    response.getObservedMetricsList().forEach(observations::record);
    if (response.hasSchema() && schema == null) {
      schema = DataTypeConverter.schemaFromProto(response.getSchema());
      decoder.expect(ResultFields.of(schema));
    }
    return response;
  }

  /** The batch's chunk; without {@code num_chunks_in_batch}, or with 0 (as for compatibility), it is whole. */
  private static ArrowChunk chunk(ExecutePlanResponse response) {
    ExecutePlanResponse.ArrowBatch batch = response.getArrowBatch();
    long chunks = batch.hasNumChunksInBatch() && batch.getNumChunksInBatch() != 0 ? batch.getNumChunksInBatch() : 1;
    return ArrowChunk.of(ByteStringBuffer.of(batch.getData()), batch.getRowCount(),
        batch.hasStartOffset() ? batch.getStartOffset() : -1, batch.hasChunkIndex() ? batch.getChunkIndex() : 0,
        chunks);
  }

  /** Runs one read under the reading lock; a failure is remembered for the listeners and releases the operation. */
  private <T> T read(Supplier<T> body) {
    reading.lock();
    try {
      checkNotClosed();
      T value = body.get();
      checkNotClosed();
      return value;
    } catch (RuntimeException e) {
      if (closed.get()) {
        throw failed(closedError(e));
      }
      if (e instanceof ArrowDecodingException) {
        throw failed(new SparkConnectException("The result of operation " + events.operation().operationId()
            + " could not be decoded: " + e.getMessage(), e));
      }
      throw failed(e);
    } catch (Error e) {
      throw failed(e);
    } finally {
      reading.unlock();
      if (closed.get()) {
        freeIfIdle();
      }
    }
  }

  /** A result closed by another thread must not look complete to the thread reading it. */
  private void checkNotClosed() {
    if (closed.get()) {
      throw closedError(null);
    }
  }

  private SparkConnectException closedError(Throwable cause) {
    return new SparkConnectException("The result of operation " + events.operation().operationId()
        + " was closed while it was being read", cause);
  }

  private <E extends Throwable> E failed(E error) {
    if (failure == null) {
      failure = error;
    }
    stream.close();
    return error;
  }

  /** Frees the decoder and reports the end, once, by whichever thread is last: never under a reader. */
  private void freeIfIdle() {
    if (reading.tryLock()) {
      try {
        if (freed.compareAndSet(false, true)) {
          pending.clear();
          decoder.close();
          events.end(rows, failure);
        }
      } finally {
        reading.unlock();
      }
    }
  }

  /** Stops the stream, releases the operation on the server and frees the decoder once no thread reads. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stream.close();
    } finally {
      freeIfIdle();
    }
  }
}
