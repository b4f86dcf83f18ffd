package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.spi.DefaultRetryPolicy;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.testkit.FaultInjectingProxy;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Results survive cut connections; failures are clear and bounded; closing and interrupting free the server. */
class ReliabilityIT {
  private static final long ROWS = 3_000_000;
  private static final String QUERY = "SELECT id, (id * 7919) % 1000003 AS h FROM range(" + ROWS + ")";
  /** Partitions that take about a second each, so the query is still running while its first rows arrive. */
  private static final String SLOW_QUERY = "SELECT id, reflect('java.lang.Thread', 'sleep', CAST(2 AS BIGINT)) "
      + "AS nap FROM range(0, 200000, 1, 400)";

  /** Counts reattaches and retries. */
  private static final class Counting implements RetryListener {
    final AtomicInteger reattaches = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();

    @Override
    public void onReattach(String operationId, String lastResponseId, int reattach, Failure cause) {
      reattaches.incrementAndGet();
    }

    @Override
    public void onRetry(String call, Failure failure, int retry, Duration delay) {
      retries.incrementAndGet();
    }
  }

  @SparkConnectTest
  void cutStreamsArriveCompleteInOrderWithoutDuplicates(SparkConnectServer server) {
    long expectedSum;
    try (SparkSession direct = SparkSession.builder().remote(server.connectionString()).build()) {
      expectedSum = direct.sql("SELECT sum((id * 7919) % 1000003) FROM range(" + ROWS + ")").first().getLong(0);
    }
    Counting listener = new Counting();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).cutAfterBytes(3 << 20)
        .lifetime(Duration.ofMinutes(5)).start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).retryListener(listener)
            .build()) {
      long next = 0;
      long sum = 0;
      try (CloseableIterator<Row> rows = spark.sql(QUERY).toLocalIterator()) {
        while (rows.hasNext()) {
          Row row = rows.next();
          assertEquals(next++, row.getLong(0), "rows arrive in order, none lost or repeated");
          sum += row.getLong(1);
        }
      }
      assertEquals(ROWS, next);
      assertEquals(expectedSum, sum, "checksum of every row equals the server's own aggregate");
      assertTrue(proxy.cuts() >= 3, "the proxy cut the stream " + proxy.cuts() + " times");
      assertTrue(listener.reattaches.get() >= 3, "reattaches: " + listener.reattaches.get());
      List<Row> collected = spark.sql("SELECT id FROM range(1000000)").collect();
      assertEquals(1_000_000, collected.size());
      assertEquals(999_999, collected.get(999_999).getLong(0));
      System.out.printf("[reliability] spark %s: %d rows through %d cuts, %d reattaches, %d retries%n",
          server.sparkVersion(), next, proxy.cuts(), listener.reattaches.get(), listener.retries.get());
    }
  }

  @SparkConnectTest
  void partiallyReceivedChunkedBatchesSurviveACut(SparkConnectServer server) {
    Counting listener = new Counting();
    // 4.1+ cuts batches into 64 KiB chunks, so 1 MiB connections cut batches apart; 3.5 ignores chunking and
    // sends batches of up to ~3 MiB, which no connection shorter than a batch can carry.
    long cutAfter = server.sparkVersion().compareTo("4.1") >= 0 ? 1 << 20 : 8 << 20;
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).cutAfterBytes(cutAfter)
        .lifetime(Duration.ofMinutes(3)).start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).retryListener(listener)
            .arrowChunkSize(64 * 1024).build()) {
      List<Row> rows = spark.sql("SELECT id, repeat(CAST(id AS STRING), 50) AS s FROM range(40000)").collect();
      assertEquals(40_000, rows.size());
      for (int i = 0; i < rows.size(); i += 1999) {
        assertEquals(i, rows.get(i).getLong(0));
        assertEquals(Long.toString(i).repeat(50), rows.get(i).getString(1));
      }
      assertTrue(listener.reattaches.get() >= 1, "reattaches: " + listener.reattaches.get());
    }
  }

  @SparkConnectTest
  void closingAnIteratorMidwayFreesTheServerOperation(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      try (CloseableIterator<Row> running = spark.sql(SLOW_QUERY).toLocalIterator()) {
        running.next();
        assertEquals(1, spark.interruptAll().size(), "an open iterator's operation is live on the server");
      } catch (SparkConnectException interrupted) {
        // the control operation was interrupted by interruptAll, as intended
      }
      try (CloseableIterator<Row> rows = spark.sql(SLOW_QUERY).toLocalIterator()) {
        for (int i = 0; i < 10; i++) {
          rows.next();
        }
      }
      assertEquals(List.of(), spark.interruptAll(), "closing the iterator released the operation");
      assertEquals(3, spark.range(3).count());
    }
  }

  @SparkConnectTest
  void interruptingTheReadingThreadCancelsTheQuery(SparkConnectServer server) throws Exception {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      ExecutorService executor = Executors.newSingleThreadExecutor();
      AtomicInteger read = new AtomicInteger();
      Future<Throwable> reader = executor.submit(() -> {
        try (CloseableIterator<Row> rows = spark.sql(SLOW_QUERY).toLocalIterator()) {
          while (rows.hasNext()) {
            rows.next();
            read.incrementAndGet();
          }
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      while (read.get() == 0) {
        Thread.sleep(50);
      }
      executor.shutdownNow();
      Throwable error = reader.get(60, TimeUnit.SECONDS);
      assertTrue(error instanceof SparkConnectException && error.getMessage().contains("Interrupted"),
          String.valueOf(error));
      assertEquals(List.of(), spark.interruptAll(), "the interrupted operation was released");
    }
  }

  @SparkConnectTest
  void operationDeadlineStopsALongQuery(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .operationDeadline(Duration.ofSeconds(3)).build()) {
      long start = System.nanoTime();
      SparkConnectException error = assertThrows(SparkConnectException.class,
          () -> spark.sql(SLOW_QUERY).collect());
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertTrue(error.getMessage().contains("deadline"), error.getMessage());
      assertTrue(seconds < 30, "stopped after " + seconds + " s");
      assertEquals(List.of(), spark.interruptAll());
    }
  }

  @Test
  void killedServerGivesAClearErrorWithinTheRetryBudget() {
    Counting listener = new Counting();
    SparkConnectServer server = SparkConnectServer.builder().sparkVersion(SparkVersions.matrix().get(0)).start();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).retryListener(listener)
        .retryPolicy(DefaultRetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(100)).build())
        .build()) {
      assertEquals(1, spark.sql("SELECT 1").count());
      server.close();
      long start = System.nanoTime();
      ConnectionException error = assertThrows(ConnectionException.class, () -> spark.sql("SELECT 2").collect());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(error.getMessage().contains("gave up after 3 retries"), error.getMessage());
      assertTrue(error.getMessage().contains("Cannot reach the Spark Connect server"), error.getMessage());
      assertEquals(3, listener.retries.get());
      assertTrue(millis < 15_000, "failed after " + millis + " ms, not a hang");
    } finally {
      server.close();
    }
  }

  @SparkConnectTest
  void refusedAndStalledConnectionsAreRetried(SparkConnectServer server) throws Exception {
    Counting listener = new Counting();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).lifetime(Duration.ofMinutes(2))
        .start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).retryListener(listener)
            .build()) {
      assertEquals(5, spark.range(5).count());
      proxy.refuseConnectionsFor(Duration.ofMillis(1500));
      proxy.cutAll();
      assertEquals(7, spark.range(7).count(), "the query succeeds once connections are accepted again");
      assertTrue(listener.retries.get() >= 1, "retries: " + listener.retries.get());
      proxy.stall(Duration.ofSeconds(2));
      assertEquals(9, spark.range(9).count(), "a stalled network only delays the answer");
    }
  }
}
