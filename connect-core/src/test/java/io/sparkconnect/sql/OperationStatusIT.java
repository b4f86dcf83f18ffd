package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spark 4.2's GetStatus: a running operation is RUNNING; servers before 4.2 refuse with the typed error. */
class OperationStatusIT {
  private static final String SLOW = "SELECT count(slept) FROM (SELECT reflect('java.lang.Thread', 'sleep', "
      + "CAST(5 AS BIGINT)) AS slept FROM range(0, 4000, 1, 40))";

  @SparkConnectTest
  void serversBefore42RefuseWithTheTypedError(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class,
          () -> spark.operationStatus(UUID.randomUUID().toString()));
      assertEquals("operationStatus()", error.feature());
      assertEquals("4.2", error.requiredVersion());
      assertEquals(server.sparkVersion(), error.serverVersion());
    }
  }

  @Test
  @Timeout(300)
  void a42ServerReportsARunningOperationAndNotAnUnknownOne() throws Exception {
    SparkConnectServer server = SparkConnectServer.shared("4.2");
    LinkedBlockingQueue<String> started = new LinkedBlockingQueue<>();
    OperationListener listener = new OperationListener() {
      @Override
      public void onStart(OperationContext operation) {
        if (operation.kind().equals("ExecutePlan")) {
          started.add(operation.operationId());
        }
      }
    };
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).operationListener(listener)
        .build()) {
      spark.version();
      CompletableFuture<Row> slow = CompletableFuture.supplyAsync(() -> spark.sql(SLOW).first());
      String running = started.poll(60, TimeUnit.SECONDS);
      String unknown = UUID.randomUUID().toString();
      Thread.sleep(1000);
      Map<String, OperationState> states = spark.operationStatus(running, unknown);
      assertEquals(OperationState.RUNNING, states.get(running), states.toString());
      assertEquals(OperationState.UNKNOWN, states.get(unknown), states.toString());
      spark.interruptOperation(running);
      assertThrows(Exception.class, () -> slow.get(60, TimeUnit.SECONDS));
      OperationState after = spark.operationStatus(running).get(running);
      assertTrue(after != OperationState.RUNNING && after != OperationState.SUCCEEDED, "after the interrupt: " + after);
    }
  }
}
