package io.sparkconnect.benchmarks;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BigIntVector;
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
 * Large results from a real server, each read whole three ways: {@code collect} (every row in memory),
 * {@code iterator} (streamed rows) and {@code arrowBatches} (Arrow vectors, no rows). {@code narrow} is one long
 * column; {@code wide} adds a double, a string, a decimal, a timestamp and a struct holding an array. Each operation
 * checks the row count. Rows per second and bytes per row follow from the time and {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
public class LargeResultBenchmark {
  @Param({"narrow", "wide"})
  String shape;

  @Param({"1000000", "10000000"})
  long rows;

  private BenchmarkServer server;
  private SparkSession session;
  private String query;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.open();
    session = SparkSession.builder().remote(server.connectionString()).build();
    query = Workloads.query(shape, rows);
  }

  @TearDown(Level.Trial)
  public void close() {
    session.close();
    server.close();
  }

  @Benchmark
  public List<Row> collect() {
    List<Row> result = session.sql(query).collect();
    check(result.size());
    return result;
  }

  @Benchmark
  public long iterator() {
    long count = 0;
    long sum = 0;
    try (CloseableIterator<Row> it = session.sql(query).toLocalIterator()) {
      while (it.hasNext()) {
        sum += it.next().getLong(0);
        count++;
      }
    }
    check(count);
    return sum;
  }

  @Benchmark
  public void arrowBatches(Blackhole sink) {
    long count = session.sql(query).forEachArrowBatch(batch -> {
      if (batch.getRowCount() > 0) {
        sink.consume(((BigIntVector) batch.getVector(0)).get(batch.getRowCount() - 1));
      }
    });
    check(count);
  }

  private void check(long count) {
    if (count != rows) {
      throw new IllegalStateException(shape + " returned " + count + " rows, expected " + rows);
    }
  }
}
