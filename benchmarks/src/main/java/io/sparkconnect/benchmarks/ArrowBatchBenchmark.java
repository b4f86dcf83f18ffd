package io.sparkconnect.benchmarks;

import io.sparkconnect.arrow.ArrowChunk;
import io.sparkconnect.arrow.ResultDecoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
 * How close handing a received batch out as Arrow vectors ({@code forEachArrowBatch}) is to the floor: {@code
 * vectors} frames, checks and loads one batch's IPC bytes from a heap array into vectors, copying them into Arrow
 * memory; {@code inPlace} does the same from a direct buffer, whose bytes the vectors point into; {@code memoryCopy}
 * only copies the bytes into Arrow memory once, the least any reader that does not alias the received bytes must
 * do. Same batches as {@link DecodeBenchmark}, no server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ArrowBatchBenchmark {
  @Param({"long", "string", "struct"})
  String type;

  @Param({"10000"})
  int rows;

  private byte[] ipc;
  private ByteBuffer direct;
  private ResultDecoder decoder;
  private BufferAllocator allocator;
  private ArrowBuf target;

  @Setup(Level.Trial)
  public void prepare() {
    TypedPayloads.Payload payload = TypedPayloads.of(type, rows);
    ipc = payload.ipc();
    direct = ByteBuffer.allocateDirect(ipc.length).put(ipc).flip();
    decoder = ResultDecoder.create(DecodeBenchmark.PLAIN_VALUES, Long.MAX_VALUE);
    decoder.expect(payload.schema());
    allocator = new RootAllocator();
    target = allocator.buffer(ipc.length);
  }

  @TearDown(Level.Trial)
  public void close() {
    decoder.close();
    target.close();
    allocator.close();
  }

  @Benchmark
  public long vectors(Blackhole sink) {
    return decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> sink.consume(root.getRowCount()));
  }

  @Benchmark
  public long inPlace(Blackhole sink) {
    return decoder.forEach(ArrowChunk.whole(direct.duplicate(), rows), root -> sink.consume(root.getRowCount()));
  }

  @Benchmark
  public ArrowBuf memoryCopy() {
    target.setBytes(0, ipc, 0, ipc.length);
    return target;
  }
}
