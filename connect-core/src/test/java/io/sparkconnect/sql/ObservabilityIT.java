package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the server reports besides rows, as a user reaches it: progress while a query runs (4.x), the executed
 * plan's metrics after an action, and observed metrics that an {@link Observation} waits for.
 */
class ObservabilityIT {
  /** About 4 s of tasks on two partitions, so the server reports progress while it runs. */
  private static final String SLOW = "SELECT count(nap) FROM (SELECT reflect('java.lang.Thread', 'sleep', "
      + "CAST(40 AS BIGINT)) AS nap FROM range(0, 200, 1, 2))";

  private static boolean reportsProgress(SparkSession spark) {
    return !spark.version().startsWith("3.");
  }

  @SparkConnectTest
  void progressReachesTheSessionListenerAndAThreadsRegistrationWhileItIsOpen(SparkConnectServer server) {
    List<ExecutionProgress> sessionWide = new CopyOnWriteArrayList<>();
    List<String> operations = new CopyOnWriteArrayList<>();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .progressListener((operation, progress) -> sessionWide.add(progress)).build()) {
      List<ExecutionProgress> scoped = new CopyOnWriteArrayList<>();
      try (ProgressListener.Registration registration = spark.reportProgressTo((operation, progress) -> {
        scoped.add(progress);
        operations.add(operation.operationId());
      })) {
        assertEquals(200, spark.sql(SLOW).first().getLong(0));
      }
      if (!reportsProgress(spark)) {
        assertEquals(List.of(), sessionWide, "3.5 servers send no progress");
        assertEquals(List.of(), scoped);
        return;
      }
      assertTrue(!scoped.isEmpty(), "progress while the query ran");
      assertEquals(sessionWide.size(), scoped.size(), "both listeners heard every report");
      assertTrue(operations.stream().distinct().count() <= 2, "reports of the statement and its query only");
      ExecutionProgress last = scoped.get(scoped.size() - 1);
      assertTrue(last.totalTasks() >= 2, last.toString());
      assertTrue(last.completedTasks() <= last.totalTasks(), last.toString());
      assertTrue(scoped.stream().anyMatch(p -> !p.stages().isEmpty()), scoped.toString());
      int before = scoped.size();
      assertEquals(200, spark.sql(SLOW).first().getLong(0));
      assertEquals(before, scoped.size(), "a closed registration hears nothing more");
      assertTrue(sessionWide.size() > before, "the session's listener hears every query");
    }
  }

  @SparkConnectTest
  void theExecutedPlansMetricsAreAvailableAfterAnAction(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      DataFrame grouped = spark.range(1000).groupBy(col("id").mod(lit(10)).alias("k")).agg(sum("id"));
      assertTrue(grouped.executionInfo().isEmpty(), "no action yet");
      assertEquals(10, grouped.collect().size());
      ExecutionInfo info = grouped.executionInfo().orElseThrow();
      assertTrue(!info.metrics().isEmpty(), info.toString());
      long outputRows = info.metrics().stream().filter(node -> node.name().contains("HashAggregate"))
          .mapToLong(node -> node.values().getOrDefault("number of output rows", 0L)).max().orElse(-1);
      assertTrue(outputRows >= 10, "an aggregate node output at least the 10 groups: " + info.metrics());
      DataFrame counted = spark.range(77);
      assertEquals(77, counted.count());
      assertTrue(counted.executionInfo().isPresent(), "count() reports its execution on the counted DataFrame");
    }
  }

  @SparkConnectTest
  void anObservationWaitsForTheActionThatReportsIt(SparkConnectServer server) throws Exception {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      Observation early = new Observation("never_run");
      spark.range(3).observe(early, count(lit(1)).alias("rows"));
      SparkConnectException timeout = assertThrows(SparkConnectException.class,
          () -> early.get(Duration.ofMillis(200)));
      assertTrue(timeout.getMessage().contains("within PT0.2S"), timeout.getMessage());

      Observation observation = new Observation("late");
      DataFrame observed = spark.range(5).observe(observation, count(lit(1)).alias("rows"),
          sum("id").alias("total"));
      AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread waiter = new Thread(() -> {
        try {
          seen.set(observation.get(Duration.ofMinutes(1)));
        } catch (Throwable e) {
          failed.set(e);
        }
      });
      waiter.start();
      Thread.sleep(300);
      assertTrue(waiter.isAlive(), "get() waits for an action instead of failing early");
      assertEquals(5, observed.collect().size());
      waiter.join(30_000);
      assertEquals(null, failed.get());
      assertEquals(Map.of("rows", 5L, "total", 10L), seen.get());
    }
  }
}
