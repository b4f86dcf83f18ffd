package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import io.sparkconnect.transport.ConnectionString;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** The seams of the execution path (settings, interceptors, listeners) and closing from another thread. */
class ExecutionPathIT {

  @SparkConnectTest
  void anAddressSetThroughTheChannelCustomizerIsTheOneUsed(SparkConnectServer server) {
    ConnectionString address = ConnectionString.parse(server.connectionString());
    try (SparkSession spark = SparkSession.builder()
        .channel(c -> c.host(address.host()).port(address.port())).build()) {
      assertEquals(server.sparkVersion(), spark.version());
      assertEquals(address.port(), spark.settings().channel().port());
    }
  }

  @SparkConnectTest
  void interceptorsAndListenersSeeEachOperation(SparkConnectServer server) {
    List<OperationContext> intercepted = new CopyOnWriteArrayList<>();
    List<String> events = new CopyOnWriteArrayList<>();
    ClientInterceptor interceptor = new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
          Channel next) {
        intercepted.add(OperationContext.of(options).orElseThrow(() -> new AssertionError("no operation")));
        events.add("intercepted by the first");
        return next.newCall(method, options);
      }
    };
    ClientInterceptor second = new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
          Channel next) {
        events.add("intercepted by the second");
        return next.newCall(method, options);
      }
    };
    OperationListener listener = new OperationListener() {
      @Override
      public void onStart(OperationContext operation) {
        events.add("start " + operation.kind());
      }

      @Override
      public void onBatch(OperationContext operation, long rows, long bytes) {
        events.add("batch " + rows + (bytes > 0 ? "" : " without bytes"));
      }

      @Override
      public void onEnd(OperationContext operation, long rows, Throwable failure) {
        events.add("end " + operation.kind() + " " + rows + (failure == null ? "" : " failed"));
      }
    };
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .interceptor(interceptor).interceptor(second).operationListener(listener).build()) {
      spark.addTag("traced");
      assertEquals(5, spark.range(5).collect().size());
      assertEquals("intercepted by the first", events.get(1), "the interceptor added first sees a call first");
      assertEquals("intercepted by the second", events.get(2), events.toString());
      OperationContext execute = intercepted.stream().filter(o -> o.kind().equals("ExecutePlan")).findFirst()
          .orElseThrow();
      assertEquals(spark.sessionId(), execute.sessionId());
      assertTrue(execute.tags().contains("traced"), execute.toString());
      assertTrue(events.contains("start ExecutePlan"), events.toString());
      assertTrue(events.contains("end ExecutePlan 5"), events.toString());
      assertTrue(events.stream().anyMatch(e -> e.startsWith("batch ") && !e.contains("without")), events.toString());

      events.clear();
      assertEquals(3, spark.range(3).forEachArrowBatch(root -> events.add("consumed " + root.getRowCount())));
      List<String> seen = events.stream().filter(e -> !e.startsWith("intercepted"))
          .collect(java.util.stream.Collectors.toList());
      for (int i = 0; i < seen.size(); i++) {
        if (seen.get(i).startsWith("consumed ")) {
          assertEquals("batch " + seen.get(i).substring("consumed ".length()), seen.get(i - 1),
              "the listeners see each Arrow batch before the consumer: " + seen);
        }
      }
      assertTrue(seen.stream().anyMatch(e -> e.startsWith("consumed ")), seen.toString());

      AnalysisException missing = assertThrows(AnalysisException.class,
          () -> spark.sql("SELECT * FROM no_such_table_anywhere"));
      assertTrue(missing.getMessage().contains("no_such_table_anywhere"), missing.getMessage());
      if (!server.sparkVersion().startsWith("3.")) {
        assertTrue(intercepted.stream().anyMatch(o -> o.kind().equals("FetchErrorDetails")),
            "4.x servers' error details are fetched through the interceptors too");
      }
    }
  }

  @SparkConnectTest
  void aListenerCanStopAResultAndTheSessionStaysUsable(SparkConnectServer server) {
    SparkConnectException limit = new SparkConnectException("too many rows for this test");
    AtomicReference<Throwable> ended = new AtomicReference<>();
    OperationListener listener = new OperationListener() {
      @Override
      public void onBatch(OperationContext operation, long rows, long bytes) {
        if (rows > 10) {
          throw limit;
        }
      }

      @Override
      public void onEnd(OperationContext operation, long rows, Throwable failure) {
        if (operation.kind().equals("ExecutePlan") && failure != null) {
          ended.set(failure);
        }
      }
    };
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .operationListener(listener).build()) {
      assertSame(limit, assertThrows(SparkConnectException.class, () -> spark.range(1000).collect()));
      assertSame(limit, ended.get());
      assertEquals(3, spark.range(3).collect().size());
    }
  }

  @SparkConnectTest
  void closingAnIteratorFromAnotherThreadWhileItIsReadIsSafe(SparkConnectServer server) throws Exception {
    Random random = new Random(42);
    long total = 400_000;
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      DataFrame wide = spark.range(total).selectExpr("id", "id * 1.5 AS x", "concat('row-', id) AS s",
          "named_struct('a', id, 'b', array(id, id)) AS nested");
      int interrupted = 0;
      for (int round = 0; round < 20; round++) {
        CloseableIterator<Row> rows = wide.toLocalIterator();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        long[] read = new long[1];
        Thread reader = new Thread(() -> {
          try {
            while (rows.hasNext()) {
              rows.next().getStruct(3);
              read[0]++;
            }
          } catch (Throwable e) {
            outcome.set(e);
          }
        });
        reader.start();
        Thread.sleep(random.nextInt(round < 5 ? 5 : 400));
        rows.close();
        reader.join(60_000);
        assertTrue(!reader.isAlive(), "the reader is still blocked after close");
        Throwable error = outcome.get();
        if (error != null) {
          if (!(error instanceof SparkConnectException) || !error.getMessage().contains("closed")) {
            fail("closing from another thread gave the reader " + error, error);
          }
          interrupted++;
        } else {
          assertEquals(total, read[0], "a reader that saw no error must have read every row");
        }
      }
      assertTrue(interrupted > 0, "no round closed the iterator while it was being read");
      assertEquals(3, spark.range(3).collect().size());
    }
  }

  @SparkConnectTest
  void closingTheSessionFromAnotherThreadWhileAResultIsReadIsSafe(SparkConnectServer server) throws Exception {
    for (int round = 0; round < 5; round++) {
      SparkSession spark = SparkSession.builder().remote(server.connectionString()).retryPolicy("none").build();
      CloseableIterator<Row> rows = spark.range(2_000_000).selectExpr("id", "concat('v', id) AS s")
          .toLocalIterator();
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread reader = new Thread(() -> {
        try (rows) {
          while (rows.hasNext()) {
            rows.next().getString(1);
          }
        } catch (Throwable e) {
          outcome.set(e);
        }
      });
      reader.start();
      Thread.sleep(100 + 100 * round);
      spark.close();
      reader.join(60_000);
      assertTrue(!reader.isAlive(), "the reader is still blocked after the session closed");
      Throwable error = outcome.get();
      if (error != null && !(error instanceof SessionException)) {
        fail("closing the session gave the reader " + error, error);
      }
    }
  }
}
