package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A blocking stream runs its call's callbacks on the reading thread and ends as gRPC's own blocking stream does. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallerRunsStreamTest {
  private final List<Thread> callbackThreads = new CopyOnWriteArrayList<>();
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void responsesAndTheirCallbacksArriveOnTheReadingThread() throws Exception {
    Channel calls = serve((request, responses) -> {
      for (int i = 0; i < 5; i++) {
        responses.onNext(response("r" + i));
      }
      responses.onCompleted();
    });
    CallerRunsStream<ExecutePlanResponse> stream = start(calls);
    List<String> ids = new ArrayList<>();
    while (stream.hasNext()) {
      ids.add(stream.next().getResponseId());
    }
    assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), ids);
    assertFalse(stream.hasNext());
    assertFalse(callbackThreads.isEmpty());
    for (Thread thread : callbackThreads) {
      assertEquals(Thread.currentThread(), thread, "a callback ran on " + thread.getName());
    }
  }

  @Test
  void aFailureComesAfterTheResponsesSentBeforeIt() throws Exception {
    Channel calls = serve((request, responses) -> {
      responses.onNext(response("r0"));
      responses.onNext(response("r1"));
      responses.onError(Status.INTERNAL.withDescription("broke").asRuntimeException());
    });
    CallerRunsStream<ExecutePlanResponse> stream = start(calls);
    assertEquals("r0", stream.next().getResponseId());
    assertEquals("r1", stream.next().getResponseId());
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, stream::hasNext);
    assertEquals(Status.Code.INTERNAL, error.getStatus().getCode());
    assertEquals("broke", error.getStatus().getDescription());
    assertThrows(StatusRuntimeException.class, stream::hasNext, "the failure stays");
  }

  @Test
  void anInterruptedReaderCancelsTheCallAndKeepsItsInterrupt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> cancelledOnServer = new CompletableFuture<>();
    Channel calls = serve((request, responses) -> {
      ((io.grpc.stub.ServerCallStreamObserver<ExecutePlanResponse>) responses)
          .setOnCancelHandler(() -> cancelledOnServer.complete(true));
      started.countDown();
    });
    CallerRunsStream<ExecutePlanResponse> stream = start(calls);
    Thread reader = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      try {
        started.await();
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      reader.interrupt();
    });
    interrupter.start();
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, stream::hasNext);
    boolean interrupted = Thread.interrupted();
    interrupter.join();
    assertEquals(Status.Code.CANCELLED, error.getStatus().getCode());
    assertTrue(interrupted, "the reader's interrupt is kept");
    assertTrue(cancelledOnServer.get(5, TimeUnit.SECONDS));
  }

  private CallerRunsStream<ExecutePlanResponse> start(Channel channel) {
    return CallerRunsStream.start(channel, SparkConnectServiceGrpc.getExecutePlanMethod(), CallOptions.DEFAULT,
        ExecutePlanRequest.newBuilder().setSessionId("s").build());
  }

  private Channel serve(BiConsumer<ExecutePlanRequest, StreamObserver<ExecutePlanResponse>> answer)
      throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
          @Override
          public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> responses) {
            answer.accept(request, responses);
          }
        }).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return ClientInterceptors.intercept(channel, new RecordingInterceptor());
  }

  private static ExecutePlanResponse response(String id) {
    return ExecutePlanResponse.newBuilder().setOperationId("op").setResponseId(id).build();
  }

  /** Notes the thread of every callback of the calls it sees. */
  private final class RecordingInterceptor implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onHeaders(Metadata headers) {
              callbackThreads.add(Thread.currentThread());
              super.onHeaders(headers);
            }

            @Override
            public void onMessage(R message) {
              callbackThreads.add(Thread.currentThread());
              super.onMessage(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              callbackThreads.add(Thread.currentThread());
              super.onClose(status, trailers);
            }
          }, headers);
        }
      };
    }
  }
}
