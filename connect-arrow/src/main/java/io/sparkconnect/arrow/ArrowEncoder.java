package io.sparkconnect.arrow;

import io.sparkconnect.arrow.internal.EncodableTypes;
import io.sparkconnect.arrow.internal.RootStreamEncoder;
import io.sparkconnect.arrow.internal.RowStreamEncoder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Encodes rows as an Arrow IPC stream (the schema message, record batches, the end-of-stream marker), as Spark
 * Connect's {@code LocalRelation} carries local data. It writes the flatbuffer messages and the buffers itself, on the
 * heap, so no {@code --add-opens} is needed on Java 17+.
 *
 * <p>The schema must use the Arrow types Spark maps its types to: signed integers of 8 to 64 bits, single and double
 * floats, 128-bit decimals, Utf8, Binary, Date(DAY), Timestamp(MICROSECOND) with or without a time zone,
 * Duration(MICROSECOND), Interval(YEAR_MONTH or MONTH_DAY_NANO), Time(NANOSECOND, 64), Null, Bool, List, Map and
 * Struct, nested to any depth. A row, like a struct value, is an {@code Object[]} or a {@code List} of its field
 * values; the values of each type are {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer}, {@code Long},
 * {@code Float}, {@code Double}, {@code BigDecimal} (rounded half-up to the scale), {@code String}, {@code byte[]},
 * {@code LocalDate}, {@code Instant} (with a time zone) or {@code LocalDateTime} (without), {@code Duration}, {@code
 * Period} (without days) or Arrow's {@code PeriodDuration}, {@code LocalTime}, {@code List} or {@code Object[]} for
 * lists, and {@code Map} for maps (in its iteration order), or null where the field is nullable. Timestamps,
 * durations and times are written in the type's unit; finer digits are dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArrowEncoder {
  /** The rows a record batch holds at most, unless set otherwise: {@value}. */
  public static final int DEFAULT_MAX_ROWS_PER_BATCH = 10_000;
  /** The bytes after which a record batch ends, unless set otherwise: {@value} (4 MiB). */
  public static final long DEFAULT_MAX_BATCH_BYTES = 4L * 1024 * 1024;

  private final Schema schema;
  private final int maxRowsPerBatch;
  private final long maxBatchBytes;
  private final RowStreamEncoder rows;

  private ArrowEncoder(Schema schema, int maxRowsPerBatch, long maxBatchBytes) {
    this.schema = schema;
    this.maxRowsPerBatch = maxRowsPerBatch;
    this.maxBatchBytes = maxBatchBytes;
    this.rows = new RowStreamEncoder(schema, maxRowsPerBatch, maxBatchBytes);
  }

  /**
   * An encoder of rows of {@code schema}, with the default batch bounds.
   *
   * @throws IllegalArgumentException naming a field whose type is not one of Spark's Arrow types
   */
  public static ArrowEncoder create(Schema schema) {
    return create(schema, DEFAULT_MAX_ROWS_PER_BATCH, DEFAULT_MAX_BATCH_BYTES);
  }

  /**
   * An encoder of rows of {@code schema} whose record batches hold at most {@code maxRowsPerBatch} rows, and end
   * after the row with which their buffers reach {@code maxBatchBytes} (so a batch exceeds it by at most one row).
   *
   * @throws IllegalArgumentException naming a field whose type is not one of Spark's Arrow types, or if a bound is
   *     not positive
   */
  public static ArrowEncoder create(Schema schema, int maxRowsPerBatch, long maxBatchBytes) {
    Objects.requireNonNull(schema, "schema");
    checkBounds(maxRowsPerBatch, maxBatchBytes);
    EncodableTypes.check(schema);
    return new ArrowEncoder(schema, maxRowsPerBatch, maxBatchBytes);
  }

  public Schema schema() {
    return schema;
  }

  public int maxRowsPerBatch() {
    return maxRowsPerBatch;
  }

  public long maxBatchBytes() {
    return maxBatchBytes;
  }

  /**
   * Writes the stream of {@code rows} to {@code out}: the schema, as many record batches as the bounds need (none
   * for no rows), and the end-of-stream marker. {@code out} is not closed.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException naming the row (counted from 0) and the field of the first value that does not
   *     fit its field: a value of another class, a null in a non-nullable field, a decimal with too many digits, a
   *     struct value with another number of values; nothing useful has been written then
   * @throws UncheckedIOException if {@code out} fails
   */
  public long write(Iterator<?> rows, OutputStream out) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(out, "out");
    return this.rows.write(rows, out);
  }

  /**
   * The stream of {@code rows} as bytes.
   *
   * @throws IllegalArgumentException as {@link #write} does
   */
  public byte[] encode(Iterable<?> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(rows.iterator(), out);
    return out.toByteArray();
  }

  /**
   * Writes the schema and rows of {@code root} to {@code out} as one stream, sliced into record batches of at most
   * {@code maxRowsPerBatch} rows and about {@code maxBatchBytes} bytes. The buffers are copied out of Arrow memory
   * without Arrow's IPC writer, so this needs no {@code --add-opens} either. The root is not modified or closed.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException naming a field whose type is not one of Spark's Arrow types, or if a bound is
   *     not positive
   * @throws UncheckedIOException if {@code out} fails
   */
  public static long write(VectorSchemaRoot root, OutputStream out, int maxRowsPerBatch, long maxBatchBytes) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(out, "out");
    checkBounds(maxRowsPerBatch, maxBatchBytes);
    return RootStreamEncoder.write(root, out, maxRowsPerBatch, maxBatchBytes);
  }

  private static void checkBounds(int maxRowsPerBatch, long maxBatchBytes) {
    if (maxRowsPerBatch <= 0) {
      throw new IllegalArgumentException("maxRowsPerBatch must be positive, got " + maxRowsPerBatch);
    }
    if (maxBatchBytes <= 0) {
      throw new IllegalArgumentException("maxBatchBytes must be positive, got " + maxBatchBytes);
    }
  }

  @Override
  public String toString() {
    return "ArrowEncoder{" + schema + ", maxRowsPerBatch=" + maxRowsPerBatch + ", maxBatchBytes=" + maxBatchBytes
        + "}";
  }
}
