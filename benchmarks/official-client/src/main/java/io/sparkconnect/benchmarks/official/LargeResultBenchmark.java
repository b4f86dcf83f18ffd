package io.sparkconnect.benchmarks.official;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
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

/** The official client reading our {@code LargeResultBenchmark}'s results whole, by collect and by iterator. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx12g"})
public class LargeResultBenchmark {
  @Param({"narrow", "wide"})
  String shape;

  @Param({"1000000", "10000000"})
  long rows;

  private SparkSession session;
  private String query;

  @Setup(Level.Trial)
  public void open() {
    session = Sessions.open();
    query = Workloads.query(shape, rows);
  }

  /**
   * Closes the session. The iterator {@code toLocalIterator} returns cannot be closed and keeps its last Arrow batch,
   * so the session's allocator may report a leak on close: the client's behaviour, not a failed measurement.
   */
  @TearDown(Level.Trial)
  public void close() {
    try {
      session.close();
    } catch (IllegalStateException leak) {
      System.err.println("The official client's session closed with a leak: " + leak.getMessage());
    }
  }

  @Benchmark
  public void collect(Blackhole sink) {
    List<Row> result = session.sql(query).collectAsList();
    check(result.size());
    sink.consume(result);
    sink.consume(result.get(result.size() - 1).getLong(0));
  }

  @Benchmark
  public long iterator() {
    long count = 0;
    long sum = 0;
    Iterator<Row> it = session.sql(query).toLocalIterator();
    while (it.hasNext()) {
      sum += it.next().getLong(0);
      count++;
    }
    check(count);
    return sum;
  }

  private void check(long count) {
    if (count != rows) {
      throw new IllegalStateException(shape + " returned " + count + " rows, expected " + rows);
    }
  }
}
