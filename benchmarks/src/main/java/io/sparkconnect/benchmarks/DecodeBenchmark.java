package io.sparkconnect.benchmarks;

import io.sparkconnect.arrow.ArrowChunk;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.arrow.ResultDecoder;
import io.sparkconnect.arrow.ResultField;
import io.sparkconnect.arrow.ValueFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one result batch of each Spark type and reading every value (primitives through their unboxed
 * getters, as {@code Row.getLong} reads them), with no server. With {@code -prof gc} the
 * bytes allocated per operation, divided by {@code rows}, are the figure CI holds under a ceiling: allocation is
 * stable on shared machines where time is not. The fork opens java.nio only because the payloads are written with
 * Arrow's own writer; the decoder needs no flag.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class DecodeBenchmark {
  /** Structs come back as their values; the benchmark measures decoding, not building rows. */
  static final ValueFactory PLAIN_VALUES = new ValueFactory() {
    @Override
    public Object struct(ResultField field, Object[] values) {
      return values;
    }

    @Override
    public Object variant(ResultField field, byte[] value, byte[] metadata) {
      return value;
    }
  };

  @Param({"long", "double", "boolean", "string", "decimal", "timestamp", "date", "array", "map", "struct"})
  String type;

  @Param({"10000"})
  int rows;

  private ByteBuffer ipc;
  private ResultDecoder decoder;
  private ValueReader reader;

  /** Reads one value of a column into the sink, through the getter {@code Row} would use for the type. */
  private interface ValueReader {
    void read(DecodedColumn column, int index, Blackhole sink);
  }

  @Setup(Level.Trial)
  public void prepare() {
    TypedPayloads.Payload payload = TypedPayloads.of(type, rows);
    ipc = ByteBuffer.wrap(payload.ipc());
    decoder = ResultDecoder.create(PLAIN_VALUES, Long.MAX_VALUE);
    decoder.expect(payload.schema());
    reader = switch (type) {
      case "long" -> (column, i, sink) -> sink.consume(column.getLong(i));
      case "double" -> (column, i, sink) -> sink.consume(column.getDouble(i));
      case "boolean" -> (column, i, sink) -> sink.consume(column.getBoolean(i));
      default -> (column, i, sink) -> sink.consume(column.get(i));
    };
  }

  @TearDown(Level.Trial)
  public void close() {
    decoder.close();
  }

  @Benchmark
  public void decode(Blackhole sink) {
    List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ipc.duplicate(), rows));
    DecodedColumn column = batches.get(0).column(0);
    for (int i = 0; i < column.size(); i++) {
      if (!column.isNull(i)) {
        reader.read(column, i, sink);
      }
    }
  }
}
