package io.sparkconnect.arrow;

import io.sparkconnect.arrow.internal.ArrowStreamDecoder;
import io.sparkconnect.arrow.internal.ChunkJoiner;
import io.sparkconnect.arrow.internal.ColumnCopier;
import io.sparkconnect.arrow.internal.Plan;
import io.sparkconnect.arrow.internal.SchemaAgreement;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Decodes all the Arrow batches of one Spark Connect result: joins chunked batches, holds every batch to the Arrow
 * schema of the first and checks it against the expected Spark schema, and decodes each whole batch (decompressing
 * LZ4_FRAME or ZSTD bodies, resolving dictionary-encoded columns) into columns, or hands it out as Arrow vectors.
 * Both ways run the same checks. Malformed input is answered with {@link ArrowDecodingException}. Not thread-safe;
 * close it to free its memory.
 */
public final class ResultDecoder implements AutoCloseable {
  private final ValueFactory values;
  private final ArrowStreamDecoder decoder;
  private final ChunkJoiner chunks;
  private final SchemaAgreement agreement = new SchemaAgreement();
  private List<ResultField> expected;
  private Function<List<Field>, List<ResultField>> fromArrow;
  private List<Field> planSchema;
  private List<ResultField> planExpected;
  private List<Plan> plans;
  private boolean closed;

  private ResultDecoder(ValueFactory values, long maxArrowBytes) {
    this.values = Objects.requireNonNull(values, "values");
    this.decoder = ArrowStreamDecoder.create(maxArrowBytes);
    this.chunks = new ChunkJoiner(maxArrowBytes);
  }

  /**
   * A decoder building structs and variants with {@code values}, using at most {@code maxArrowBytes} of Arrow
   * memory at once (a batch whose body needs more, or whose chunks add up to more, is an {@link
   * ArrowDecodingException}).
   */
  public static ResultDecoder create(ValueFactory values, long maxArrowBytes) {
    return new ResultDecoder(values, maxArrowBytes);
  }

  /**
   * The result's Spark schema, once it is known. Every Arrow schema that arrives afterwards must have the same
   * columns, names (also of struct fields) and compatible types, and columns are decoded by their expected kinds.
   */
  public void expect(List<ResultField> schema) {
    expected = List.copyOf(schema);
  }

  /**
   * For results that come without a Spark schema: if none was given by {@link #expect} when the first batch
   * arrives, {@code derive} builds it from the fields of that batch's Arrow schema, and it is expected from then on.
   */
  public void expectFromArrow(Function<List<Field>, List<ResultField>> derive) {
    fromArrow = Objects.requireNonNull(derive, "derive");
  }

  /**
   * Adds one message's chunk and decodes the batch it completes.
   *
   * @return the decoded record batches of the completed batch (usually one), or an empty list while chunks of it
   *     are missing
   * @throws ArrowDecodingException if the chunk is out of order or disagrees with earlier chunks, the batch is
   *     malformed, has another Arrow schema than the first batch, does not match the expected schema, or holds
   *     other than the announced rows; rows before a schema is expected are also an error. Exceptions of the
   *     {@link ValueFactory} pass unchanged, here or when a value is read (see its contract).
   */
  public List<DecodedBatch> add(ArrowChunk chunk) {
    List<DecodedBatch> batches = new ArrayList<>(1);
    decode(chunk, true, (vectors, rows) -> batches.add(ColumnCopier.copy(plans, vectors, rows, values)));
    return batches;
  }

  /**
   * Adds one message's chunk and hands each record batch of the batch it completes to {@code consumer} as Arrow
   * vectors (dictionary-encoded columns decoded), without copying them out of Arrow memory. Everything is checked
   * as by {@link #add}, except that without an expected schema any loadable Arrow schema is used. The root is valid
   * only during the call.
   *
   * @return the rows handed to {@code consumer}, 0 while chunks of the batch are missing
   * @throws ArrowDecodingException as {@link #add} does; exceptions of {@code consumer} pass unchanged
   */
  public long forEach(ArrowChunk chunk, Consumer<VectorSchemaRoot> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return decode(chunk, false, (vectors, rows) -> consumer.accept(new VectorSchemaRoot(
        vectors.stream().map(FieldVector::getField).collect(Collectors.toList()), vectors, rows)));
  }

  /** The checks and decoding both {@link #add} and {@link #forEach} run; {@code sink} gets each record batch. */
  private long decode(ArrowChunk chunk, boolean needsExpected, ArrowStreamDecoder.BatchSink sink) {
    if (closed) {
      throw new IllegalStateException("The result decoder is closed");
    }
    List<ByteBuffer> whole = chunks.add(chunk.buffer(), chunk.rowCount(), chunk.startOffset(), chunk.chunkIndex(),
        chunk.numChunks());
    if (whole == null) {
      return 0;
    }
    return decoder.read(whole, chunks.lastBatchRowCount(), new ArrowStreamDecoder.Listener() {
      @Override
      public void schema(List<Field> schema) {
        agreement.check(schema);
        if (expected == null && fromArrow != null) {
          expected = List.copyOf(fromArrow.apply(schema));
        }
        if (expected != null) {
          plansFor(schema);
        }
      }

      @Override
      public void beforeBatch(long rows) {
        if (needsExpected && expected == null) {
          throw new ArrowDecodingException("An Arrow batch of " + rows + " rows arrived without a schema; "
              + "expect(...) or expectFromArrow(...) must be called before rows are added");
        }
      }

      @Override
      public void batch(List<FieldVector> vectors, int rowCount) {
        sink.batch(vectors, rowCount);
      }
    });
  }

  /**
   * Declares the result complete.
   *
   * @throws ArrowDecodingException if it ended in the middle of a chunked batch
   */
  public void finish() {
    if (chunks.hasPartialBatch()) {
      throw new ArrowDecodingException("The result ended in the middle of a chunked Arrow batch: "
          + chunks.progress() + " chunks arrived");
    }
  }

  /** The rows of all completed batches so far, as the server announced them. */
  public long rowsSoFar() {
    return chunks.rowsSoFar();
  }

  /** Frees all Arrow memory; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      decoder.close();
    }
  }

  private void plansFor(List<Field> schema) {
    if (plans != null && expected == planExpected && schema.equals(planSchema)) {
      return;
    }
    plans = null;
    List<Plan> matched = Plan.match(expected, schema);
    plans = matched;
    planSchema = schema;
    planExpected = expected;
  }
}
