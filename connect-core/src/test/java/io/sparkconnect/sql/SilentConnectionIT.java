package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.testkit.FaultInjectingProxy;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that go silent without closing: the stream idle limit resumes the result on a new connection with
 * nothing lost or repeated, and the operation deadline holds while the client waits on a silent server.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SilentConnectionIT {
  private static final long ROWS = 3_000_000;
  private static final String QUERY = "SELECT id, (id * 7919) % 1000003 AS h FROM range(" + ROWS + ")";
  private static final Duration IDLE = Duration.ofSeconds(2);
  /** About 20 s of sleeping tasks that send nothing before their one row. */
  private static final String SILENT_QUERY = "SELECT max(nap) FROM (SELECT reflect('java.lang.Thread', 'sleep', "
      + "CAST(100 AS BIGINT)) AS nap FROM range(0, 400, 1, 2))";

  /** Records when each reattach happened and why. */
  private static final class Reattaches implements RetryListener {
    final List<Long> nanos = new CopyOnWriteArrayList<>();
    final List<Failure> causes = new CopyOnWriteArrayList<>();

    @Override
    public void onReattach(String operationId, String lastResponseId, int reattach, Failure cause) {
      nanos.add(System.nanoTime());
      causes.add(cause);
    }
  }

  @SparkConnectTest
  void aSilentConnectionIsLeftAfterTheIdleLimitAndTheResultArrivesExactly(SparkConnectServer server) {
    long expectedSum;
    try (SparkSession direct = SparkSession.builder().remote(server.connectionString()).build()) {
      expectedSum = direct.sql("SELECT sum((id * 7919) % 1000003) FROM range(" + ROWS + ")").first().getLong(0);
    }
    Reattaches reattaches = new Reattaches();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).lifetime(Duration.ofMinutes(3))
        .start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).streamIdleTimeout(IDLE)
            .retryListener(reattaches).build()) {
      long next = 0;
      long sum = 0;
      long silencedAt = 0;
      // A loaded machine can keep the first batch back for longer than the idle limit, which resumes the result
      // on a new connection before the proxy silences anything: the reattaches that count come after it.
      int reattachesBefore = 0;
      try (CloseableIterator<Row> rows = spark.sql(QUERY).toLocalIterator()) {
        while (rows.hasNext()) {
          Row row = rows.next();
          assertEquals(next++, row.getLong(0), "rows arrive in order, none lost or repeated");
          sum += row.getLong(1);
          if (next == ROWS / 3) {
            reattachesBefore = reattaches.nanos.size();
            assertTrue(proxy.silenceOpenConnections() >= 1,
                "the result's connection is silenced; reattaches before it: " + reattaches.causes);
            silencedAt = System.nanoTime();
          }
        }
      }
      assertEquals(ROWS, next);
      assertEquals(expectedSum, sum, "checksum of every row equals the server's own aggregate");
      assertTrue(reattaches.nanos.size() > reattachesBefore, "the silent stream was resumed");
      Failure cause = reattaches.causes.get(reattachesBefore);
      assertTrue(cause.message().contains("streamIdleTimeout"), cause.toString());
      long detectedMillis = TimeUnit.NANOSECONDS.toMillis(reattaches.nanos.get(reattachesBefore) - silencedAt);
      assertTrue(detectedMillis >= IDLE.toMillis() && detectedMillis < IDLE.toMillis() + 8_000,
          "resumed " + detectedMillis + " ms after the connection went silent, with an idle limit of " + IDLE);
      assertEquals(3, spark.range(3).count(), "the session goes on over the new connection");
      System.out.printf("[silent-connection] spark %s: %d rows, resumed %d ms after silence, %d reattaches%n",
          server.sparkVersion(), next, detectedMillis, reattaches.nanos.size());
    }
  }

  @SparkConnectTest
  void theOperationDeadlineHoldsWhileTheServerIsSilent(SparkConnectServer server) throws Exception {
    Duration deadline = Duration.ofSeconds(4);
    try (SparkSession warmUp = SparkSession.builder().remote(server.connectionString()).build()) {
      assertEquals(1, warmUp.range(1).count(), "a fresh server answers its first query slowly");
    }
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).lifetime(Duration.ofMinutes(3))
        .start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).operationDeadline(deadline)
            .rpcDeadline(Duration.ofSeconds(60)).build()) {
      assertEquals(1, spark.range(1).count(), "the session and its connection are up");
      Thread silencer = new Thread(() -> {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        proxy.silenceOpenConnections();
      });
      long start = System.nanoTime();
      silencer.start();
      SparkConnectException error = assertThrows(SparkConnectException.class,
          () -> spark.sql(SILENT_QUERY).collect());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      silencer.join();
      assertTrue(error.getMessage().contains("ran longer than its deadline of " + deadline), error.getMessage());
      assertEquals(1, proxy.silencedConnections(), "the query's connection went silent");
      assertTrue(millis >= deadline.toMillis() && millis < deadline.toMillis() + 8_000,
          "failed after " + millis + " ms with a deadline of " + deadline);
      assertEquals(List.of(), spark.interruptAll(), "the operation was interrupted on the server");
      assertEquals(3, spark.range(3).count(), "the session goes on over a new connection");
      System.out.printf("[silent-connection] spark %s: deadline of %s reported after %d ms of silence%n",
          server.sparkVersion(), deadline, millis);
    }
  }
}
