package io.sparkconnect.benchmarks.official;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The official client running our {@code QueryBenchmark}'s small queries: latency, and throughput by threads. */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class QueryBenchmark {
  /** One session every thread shares. */
  @State(Scope.Benchmark)
  public static class Shared {
    SparkSession session;

    @Setup(Level.Trial)
    public void open() {
      session = Sessions.open();
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
    }
  }

  /** A session of this thread's own. */
  @State(Scope.Thread)
  public static class Own {
    SparkSession session;

    @Setup(Level.Trial)
    public void open() {
      session = Sessions.open();
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
    }
  }

  private static final String SELECT_ONE = Workloads.query("select-one");
  private static final String SMALL_AGGREGATION = Workloads.query("small-aggregation");

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 12, time = 10)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int selectOne(Shared shared) {
    return checkedOne(shared.session.sql(SELECT_ONE).collectAsList());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int selectOneSharedSession(Shared shared) {
    return checkedOne(shared.session.sql(SELECT_ONE).collectAsList());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int selectOneOwnSession(Own own) {
    return checkedOne(own.session.sql(SELECT_ONE).collectAsList());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 4, time = 10)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long smallAggregation(Shared shared) {
    List<Row> groups = shared.session.sql(SMALL_AGGREGATION).collectAsList();
    if (groups.size() != 10) {
      throw new IllegalStateException("small-aggregation returned " + groups.size() + " groups, expected 10");
    }
    return groups.get(0).getLong(1);
  }

  private static int checkedOne(List<Row> rows) {
    if (rows.size() != 1 || rows.get(0).getInt(0) != 1) {
      throw new IllegalStateException("SELECT 1 returned " + rows);
    }
    return rows.get(0).getInt(0);
  }
}
