package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.lit;

import io.sparkconnect.sql.internal.ServerVersion;
import java.util.ArrayList;
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

/**
 * What the client spends before a query reaches the wire, with no server: building a deep plan ({@code depth}
 * chained projections and filters) or a wide one (one projection of {@code width} expressions) through the
 * DataFrame API, and serializing it as the request sends it. In {@code io.sparkconnect.sql} to reach the plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {
  @Param({"100"})
  int depth;

  @Param({"500"})
  int width;

  private SparkSession session;

  @Setup(Level.Trial)
  public void open() {
    session = SparkSession.builder().remote("sc://127.0.0.1:1").build();
    session.operations().assumeServerVersion(ServerVersion.parse("4.1.2"));
  }

  @TearDown(Level.Trial)
  public void close() {
    session.close();
  }

  @Benchmark
  public byte[] deepPlan() {
    DataFrame df = session.range(1000);
    for (int i = 0; i < depth; i++) {
      df = i % 2 == 0
          ? df.withColumn("c" + i, col("id").plus(i).multiply(2))
          : df.filter(col("c" + (i - 1)).gt(lit(i)));
    }
    return df.plan().toByteArray();
  }

  @Benchmark
  public byte[] widePlan() {
    List<Column> columns = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      columns.add(col("id").plus(i).cast("string").alias("c" + i));
    }
    return session.range(1000).select(columns.toArray(new Column[0])).plan().toByteArray();
  }
}
