package io.sparkconnect.benchmarks;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Small queries against a real server: {@code SELECT 1} latency (sample mode, for p50/p99/p99.9), its throughput
 * from threads sharing one session or each with its own (run with {@code -t 1}, {@code -t 4}, {@code -t 16}), and a
 * small aggregation. Run with {@code -prof io.sparkconnect.benchmarks.ClientCpuProfiler} for client CPU per query.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryBenchmark {
  /** The server, and one session every thread shares. */
  @State(Scope.Benchmark)
  public static class Shared {
    BenchmarkServer server;
    SparkSession session;

    @Setup(Level.Trial)
    public void open() {
      server = BenchmarkServer.open();
      session = SparkSession.builder().remote(server.connectionString()).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
      server.close();
    }
  }

  /** A session of this thread's own, on the shared server. */
  @State(Scope.Thread)
  public static class Own {
    SparkSession session;

    @Setup(Level.Trial)
    public void open(Shared shared) {
      session = SparkSession.builder().remote(shared.server.connectionString()).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
    }
  }

  private static final String SELECT_ONE = Workloads.query("select-one");
  private static final String SMALL_AGGREGATION = Workloads.query("small-aggregation");

  @Benchmark
  // Single queries leave the JIT compiling for longer than the class's warm-up: client CPU per SELECT 1 was
  // 28.8 ms after 6 s of warm-up and 6 ms after 60 s, and the compilers still took 9 ms of the 17 per query after
  // 40 s in a slow run (about 800 queries); 120 s covers about 2,000 queries, as the official client's suite.
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 12, time = 10)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int selectOne(Shared shared) {
    return checkedOne(shared.session.sql(SELECT_ONE).collect());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int selectOneSharedSession(Shared shared) {
    return checkedOne(shared.session.sql(SELECT_ONE).collect());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int selectOneOwnSession(Own own) {
    return checkedOne(own.session.sql(SELECT_ONE).collect());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 4, time = 10)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long smallAggregation(Shared shared) {
    List<Row> groups = shared.session.sql(SMALL_AGGREGATION).collect();
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
