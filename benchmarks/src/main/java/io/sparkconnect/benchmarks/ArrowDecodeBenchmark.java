package io.sparkconnect.benchmarks;

import io.sparkconnect.arrow.ArrowChunk;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.FieldKind;
import io.sparkconnect.arrow.ResultDecoder;
import io.sparkconnect.arrow.ResultField;
import io.sparkconnect.arrow.ValueFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
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
 * Decoding one Spark-shaped Arrow batch (long, double, string) into columns. Run with {@code -prof gc}: the
 * allocation per operation is the stable figure on shared machines. The fork opens java.nio only because the test
 * data is written with Arrow's own writer; the decoder needs no flag.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ArrowDecodeBenchmark {
  private static final List<ResultField> SCHEMA = List.of(
      ResultField.of("id", FieldKind.LONG, null, List.of()),
      ResultField.of("x", FieldKind.DOUBLE, null, List.of()),
      ResultField.of("s", FieldKind.STRING, null, List.of()));

  /** The batch has no structs or variants, so the factory is never called. */
  private static final ValueFactory NO_COMPOSITES = new ValueFactory() {
    @Override
    public Object struct(ResultField field, Object[] values) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object variant(ResultField field, byte[] value, byte[] metadata) {
      throw new UnsupportedOperationException();
    }
  };

  @Param({"10000"})
  int rows;

  private byte[] ipc;
  private ResultDecoder decoder;

  @Setup(Level.Trial)
  public void writeBatch() throws IOException {
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector ids = new BigIntVector("id", allocator);
        Float8Vector values = new Float8Vector("x", allocator);
        VarCharVector names = new VarCharVector("s", allocator)) {
      ids.allocateNew(rows);
      values.allocateNew(rows);
      names.allocateNew(rows * 16L, rows);
      for (int i = 0; i < rows; i++) {
        ids.set(i, i);
        values.set(i, i * 1.5);
        names.setSafe(i, ("name-" + i).getBytes(StandardCharsets.UTF_8));
      }
      ids.setValueCount(rows);
      values.setValueCount(rows);
      names.setValueCount(rows);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (VectorSchemaRoot root = VectorSchemaRoot.of(ids, values, names);
          ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
        root.setRowCount(rows);
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      ipc = out.toByteArray();
    }
    decoder = ResultDecoder.create(NO_COMPOSITES, Long.MAX_VALUE);
    decoder.expect(SCHEMA);
  }

  @TearDown(Level.Trial)
  public void close() {
    decoder.close();
  }

  @Benchmark
  public void decodeToColumns(Blackhole sink) {
    List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows));
    DecodedBatch batch = batches.get(0);
    long sum = 0;
    for (int i = 0; i < batch.rowCount(); i++) {
      sum += batch.column(0).getLong(i);
    }
    sink.consume(sum);
    sink.consume(batch.column(2).get(batch.rowCount() - 1));
  }
}
