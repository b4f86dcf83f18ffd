package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SqlCommand;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.spi.DefaultRetryPolicy;
import io.sparkconnect.spi.ReattachPolicy;
import io.sparkconnect.spi.Ticker;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.RetryListener;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OutcomeUnknownException;
import io.sparkconnect.sql.PolicySettings;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkConnectSettings;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reattach protocol against a scripted gRPC server on loopback that injects the faults real servers and
 * proxies produce: streams cut short, vanished operations, unavailable servers. Waits use a recording sleeper.
 */
class ResponseStreamTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private Server server;
  private ConnectChannel channel;

  /** What the fake does for each ExecutePlan or ReattachExecute call, in order. */
  private final List<Script> scripts = Collections.synchronizedList(new ArrayList<>());

  private interface Script {
    void run(String lastResponseId, StreamObserver<ExecutePlanResponse> out);
  }

  private static ExecutePlanResponse response(String id) {
    return ExecutePlanResponse.newBuilder().setOperationId("op").setResponseId(id).build();
  }

  private static ExecutePlanResponse complete(String id) {
    return response(id).toBuilder().setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance())
        .build();
  }

  private static Script send(ExecutePlanResponse... responses) {
    return (last, out) -> {
      for (ExecutePlanResponse response : responses) {
        out.onNext(response);
      }
      out.onCompleted();
    };
  }

  private static Script fail(Status status) {
    return (last, out) -> out.onError(status.asRuntimeException());
  }

  private SessionRpc client(ReattachPolicy reattach) throws Exception {
    return client(reattach, p -> { });
  }

  private SessionRpc client(ReattachPolicy reattach, Consumer<PolicySettings.Builder> policies) throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
          @Override
          public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
            calls.add("execute");
            next().run(null, out);
          }

          @Override
          public void reattachExecute(ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
            String last = request.hasLastResponseId() ? request.getLastResponseId() : null;
            calls.add("reattach after " + last);
            next().run(last, out);
          }

          @Override
          public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
            calls.add(request.hasReleaseAll() ? "release all" : "release until " + request.getReleaseUntil()
                .getResponseId());
            out.onNext(ReleaseExecuteResponse.getDefaultInstance());
            out.onCompleted();
          }
        })
        .build().start();
    channel = ConnectChannel.open(ChannelSettings.builder().host("127.0.0.1").port(server.getPort()).build());
    SparkConnectSettings settings = SparkConnectSettings.builder()
        .channel(c -> c.host("127.0.0.1").port(server.getPort()))
        .policies(p -> p.retryPolicy(DefaultRetryPolicy.builder().maxRetries(3).random(() -> 0.0).build())
            .reattachPolicy(reattach).clock(sleeps::add, Ticker.system()).rpcDeadline(Duration.ofSeconds(30)))
        .policies(policies)
        .build();
    return new SessionRpc(channel, settings, ClientIdentity.create(UUID.randomUUID(), "test", null, null));
  }

  private static ResponseStream stream(SessionRpc rpc) {
    return stream(rpc, rpc, Plan.getDefaultInstance());
  }

  /** A command: a plan with effects, such as an INSERT. */
  private static Plan command() {
    return Plan.newBuilder().setCommand(Command.newBuilder().setSqlCommand(SqlCommand.newBuilder()
        .setInput(Relation.newBuilder().setSql(SQL.newBuilder().setQuery("INSERT INTO t VALUES (1)"))))).build();
  }

  private static ResponseStream stream(SessionRpc rpc, ExecutionCalls calls, Plan plan) {
    OperationContext operation = OperationContext.create("ExecutePlan", "op", rpc.sessionId(), Set.of(), null);
    ExecutePlanRequest request = rpc.envelope().stamp(ExecutePlanRequest.newBuilder())
        .setOperationId(operation.operationId()).setPlan(plan).build();
    return new ResponseStream(calls, rpc.retries(), operation, request);
  }

  /** Calls whose first execution fails as a refused connection does: the request never left the client. */
  private static ExecutionCalls firstExecuteRefused(SessionRpc rpc) {
    boolean[] refused = new boolean[1];
    return new ExecutionCalls() {
      @Override
      public ResponseSegment execute(OperationContext operation, ExecutePlanRequest request) {
        if (refused[0]) {
          return rpc.execute(operation, request);
        }
        refused[0] = true;
        StatusRuntimeException error = Status.UNAVAILABLE.withDescription("io exception")
            .withCause(new java.net.ConnectException("Connection refused")).asRuntimeException();
        return new ResponseSegment(new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            throw error;
          }

          @Override
          public ExecutePlanResponse next() {
            throw error;
          }
        }, io.grpc.Context.current().withCancellation(), rpc.envelope());
      }

      @Override
      public ResponseSegment reattach(OperationContext operation, String lastResponseId) {
        return rpc.reattach(operation, lastResponseId);
      }

      @Override
      public void release(OperationContext operation, String untilResponseId, boolean wait) {
        rpc.release(operation, untilResponseId, wait);
      }

      @Override
      public void reconnect() {
        rpc.reconnect();
      }
    };
  }

  private List<String> executions() {
    return calls.stream().filter(c -> !c.startsWith("release")).collect(java.util.stream.Collectors.toList());
  }

  private Script next() {
    synchronized (scripts) {
      if (scripts.isEmpty()) {
        return fail(Status.INTERNAL.withDescription("the test scripted no more calls"));
      }
      return scripts.remove(0);
    }
  }

  private static List<String> drain(ResponseStream stream) {
    List<String> ids = new ArrayList<>();
    try (stream) {
      while (stream.hasNext()) {
        ids.add(stream.next().getResponseId());
      }
    }
    return ids;
  }

  private void awaitCall(String call) throws InterruptedException {
    for (int i = 0; i < 100 && !calls.contains(call); i++) {
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.close();
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void resumesAStreamCutShortAfterTheLastResponse() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(send(response("r1"), response("r2")));
    scripts.add(send(response("r3")));
    scripts.add(send(complete("r4")));
    assertEquals(List.of("r1", "r2", "r3", "r4"), drain(stream(client)));
    awaitCall("release all");
    assertEquals(List.of("execute", "reattach after r2", "reattach after r3"),
        calls.stream().filter(c -> !c.startsWith("release")).collect(java.util.stream.Collectors.toList()));
    assertTrue(calls.contains("release until r1") && calls.contains("release until r3"), calls.toString());
    assertTrue(calls.contains("release all"), calls.toString());
    assertEquals(List.of(), sleeps, "progress means no waiting");
  }

  @Test
  void reexecutesAnOperationTheServerNeverStarted() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(fail(Status.UNAVAILABLE.withDescription("connection reset")));
    scripts.add(fail(Status.INTERNAL.withDescription("[INVALID_HANDLE.OPERATION_NOT_FOUND] unknown operation")));
    scripts.add(send(complete("r1")));
    assertEquals(List.of("r1"), drain(stream(client)));
    assertEquals(List.of("execute", "reattach after null", "execute"),
        calls.stream().filter(c -> !c.startsWith("release")).collect(java.util.stream.Collectors.toList()));
    assertEquals(List.of(Duration.ofMillis(50)), sleeps, "a lost operation is executed again at once");
  }

  @Test
  void aCommandTheServerLostAfterItCouldHaveArrivedIsNotSentAgain() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(fail(Status.UNAVAILABLE.withDescription("connection reset")));
    scripts.add(fail(Status.INTERNAL.withDescription("[INVALID_HANDLE.OPERATION_NOT_FOUND] unknown operation")));
    scripts.add(send(complete("r1")));
    OutcomeUnknownException error = assertThrows(OutcomeUnknownException.class,
        () -> drain(stream(client, client, command())));
    assertTrue(error.getMessage().contains("may or may not have run"), error.getMessage());
    assertTrue(error.getMessage().contains("check its effect"), error.getMessage());
    assertEquals(List.of("execute", "reattach after null"), executions(), "the command went out once");
  }

  @Test
  void aCommandThatSurelyNeverLeftTheClientIsSentAgain() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(fail(Status.INTERNAL.withDescription("[INVALID_HANDLE.OPERATION_NOT_FOUND] unknown operation")));
    scripts.add(send(complete("r1")));
    assertEquals(List.of("r1"), drain(stream(client, firstExecuteRefused(client), command())));
    assertEquals(List.of("reattach after null", "execute"), executions(),
        "refused before sending, so executed once the server answered");
  }

  @Test
  void withoutReattachingABrokenCommandIsOutcomeUnknownNotRetried() throws Exception {
    SessionRpc client = client(ReattachPolicy.none());
    scripts.add(fail(Status.UNAVAILABLE.withDescription("connection reset")));
    scripts.add(send(complete("r1")));
    OutcomeUnknownException error = assertThrows(OutcomeUnknownException.class,
        () -> drain(stream(client, client, command())));
    assertTrue(error.getMessage().contains("cannot be resumed"), error.getMessage());
    assertEquals(List.of("execute"), executions());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void withoutReattachingABrokenQueryIsRetried() throws Exception {
    SessionRpc client = client(ReattachPolicy.none());
    scripts.add(fail(Status.UNAVAILABLE.withDescription("connection reset")));
    scripts.add(send(complete("r1")));
    assertEquals(List.of("r1"), drain(stream(client)));
    assertEquals(List.of("execute", "execute"), executions());
  }

  @Test
  void anOperationLostAfterPartOfItsResultIsAnErrorNotASilentRestart() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(send(response("r1")));
    scripts.add(fail(Status.INTERNAL.withDescription("[INVALID_HANDLE.OPERATION_NOT_FOUND] gone")));
    ResponseStream stream = stream(client);
    assertEquals("r1", stream.next().getResponseId());
    SparkConnectException error = assertThrows(SparkConnectException.class, stream::hasNext);
    assertTrue(error.getMessage().contains("result is incomplete"), error.getMessage());
  }

  @Test
  void givesUpWithTheRetryBudgetWhenNothingArrives() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    for (int i = 0; i < 5; i++) {
      scripts.add(fail(Status.UNAVAILABLE.withDescription("refused")));
    }
    ResponseStream stream = stream(client);
    ConnectionException error = assertThrows(ConnectionException.class, stream::hasNext);
    assertTrue(error.getMessage().contains("gave up after 3 retries"), error.getMessage());
    assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(800)), sleeps);
    assertEquals(List.of("execute", "reattach after null", "reattach after null", "reattach after null"),
        calls.stream().filter(c -> !c.startsWith("release")).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void semanticErrorsAreNeverRetried() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Status.Code.INTERNAL.value())
        .setMessage("[DIVIDE_BY_ZERO] boom")
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
            .setReason("org.apache.spark.SparkArithmeticException").putMetadata("errorClass", "DIVIDE_BY_ZERO")
            .build()))
        .build();
    scripts.add((last, out) -> out.onError(io.grpc.protobuf.StatusProto.toStatusRuntimeException(status)));
    ResponseStream stream = stream(client);
    SparkConnectException error = assertThrows(SparkConnectException.class, stream::hasNext);
    assertEquals("DIVIDE_BY_ZERO", error.errorClass());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void withoutReattachingACutStreamIsAnError() throws Exception {
    SessionRpc client = client(ReattachPolicy.none());
    scripts.add((last, out) -> {
      out.onNext(response("r1"));
      out.onError(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
    });
    ResponseStream stream = stream(client);
    assertEquals("r1", stream.next().getResponseId());
    assertThrows(ConnectionException.class, stream::hasNext);
    assertEquals(List.of("execute"), calls);
  }

  @Test
  void closingMidwayReleasesTheOperation() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add(send(response("r1"), response("r2"), complete("r3")));
    ResponseStream stream = stream(client);
    assertEquals("r1", stream.next().getResponseId());
    stream.close();
    stream.close();
    assertTrue(calls.contains("release all"), calls.toString());
    assertEquals(false, stream.hasNext());
  }

  @Test
  void aStreamThatGoesSilentIsResumedAfterTheIdleLimit() throws Exception {
    List<Failure> causes = new CopyOnWriteArrayList<>();
    RetryListener listener = new RetryListener() {
      @Override
      public void onReattach(String operationId, String lastResponseId, int reattach, Failure cause) {
        causes.add(cause);
      }
    };
    SessionRpc client = client(ReattachPolicy.defaults(),
        p -> p.streamIdleTimeout(Duration.ofMillis(300)).retryListener(listener));
    scripts.add((last, out) -> out.onNext(response("r1")));
    scripts.add(send(complete("r2")));
    long start = System.nanoTime();
    assertEquals(List.of("r1", "r2"), drain(stream(client)));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 300 && millis < 5_000, "resumed after " + millis + " ms");
    assertEquals(List.of("execute", "reattach after r1"),
        calls.stream().filter(c -> !c.startsWith("release")).collect(java.util.stream.Collectors.toList()));
    assertEquals(1, causes.size());
    assertEquals("UNAVAILABLE", causes.get(0).statusCode());
    assertTrue(causes.get(0).message().contains("streamIdleTimeout"), causes.get(0).message());
    assertEquals(List.of(), sleeps, "the stream had made progress: resumed at once");
  }

  @Test
  void theOperationDeadlineEndsAWaitOnASilentServer() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults(), p -> p.operationDeadline(Duration.ofMillis(400)));
    scripts.add((last, out) -> { });
    ResponseStream stream = stream(client);
    long start = System.nanoTime();
    SparkConnectException error = assertThrows(SparkConnectException.class, stream::hasNext);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(error.getMessage().contains("ran longer than its deadline of PT0.4S"), error.getMessage());
    assertTrue(millis >= 400 && millis < 5_000, "failed after " + millis + " ms");
    awaitCall("release all");
    assertEquals(List.of("execute", "release all"), calls, "interrupted on the server, never resumed");
    assertEquals(List.of(), sleeps, "a deadline is not retried");
  }

  @Test
  void withoutReattachingASlowFirstResponseIsNotTakenForSilence() throws Exception {
    SessionRpc client = client(ReattachPolicy.none(), p -> p.streamIdleTimeout(Duration.ofMillis(100)));
    scripts.add((last, out) -> {
      try {
        Thread.sleep(600);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.onNext(response("r1"));
      out.onCompleted();
    });
    assertEquals(List.of("r1"), drain(stream(client)));
    assertEquals(List.of("execute"), calls);
  }

  @Test
  void closingTheSessionEndsAStreamAThreadIsBlockedOn() throws Exception {
    SessionRpc client = client(ReattachPolicy.defaults());
    scripts.add((last, out) -> out.onNext(response("r1"))); // and then nothing: the stream stays open
    ResponseStream stream = stream(client);
    assertTrue(stream.hasNext());
    assertEquals("r1", stream.next().getResponseId());
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        stream.hasNext();
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    reader.start();
    Thread.sleep(200);

    client.markClosed();
    client.cancelOpenStreams();

    reader.join(10_000);
    assertTrue(!reader.isAlive(), "the reader still waits on a stream of a closed session");
    assertTrue(outcome.get() instanceof SessionException, String.valueOf(outcome.get()));
    assertTrue(outcome.get().getMessage().contains("The session was closed while the result of operation op was "
        + "being read"), outcome.get().getMessage());
    assertEquals(List.of("execute", "release until r1"), calls, "not resumed after the session closed");
  }
}
