package io.sparkconnect.sql.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A blocking server stream whose call callbacks (parsing each response included) run on the thread that reads it,
 * while it waits, instead of on gRPC's shared executor: one thread hand-off less per response. gRPC's own blocking
 * stream parses on the executor and hands each response over a queue. Flow control asks for one response ahead of
 * the one being read. Not thread-safe: one thread reads; cancelling the call from any thread wakes it.
 */
final class CallerRunsStream<T> implements Iterator<T> {
  private final LinkedBlockingQueue<Runnable> callbacks;
  private final ArrayDeque<T> responses = new ArrayDeque<>();
  private final ClientCall<?, T> call;
  private StatusRuntimeException failure;
  private boolean closed;

  private CallerRunsStream(ClientCall<?, T> call, LinkedBlockingQueue<Runnable> callbacks) {
    this.call = call;
    this.callbacks = callbacks;
  }

  /** Starts the call with its one request; responses and callbacks wait for the reading thread. */
  static <ReqT, RespT> CallerRunsStream<RespT> start(Channel channel, MethodDescriptor<ReqT, RespT> method,
      CallOptions options, ReqT request) {
    LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
    ClientCall<ReqT, RespT> call = channel.newCall(method, options.withExecutor(callbacks::add));
    CallerRunsStream<RespT> stream = new CallerRunsStream<>(call, callbacks);
    try {
      call.start(stream.new Listener(), new Metadata());
      call.request(2);
      call.sendMessage(request);
      call.halfClose();
    } catch (RuntimeException | Error e) {
      call.cancel("the call could not be started", e);
      throw e;
    }
    return stream;
  }

  @Override
  public boolean hasNext() {
    boolean interrupted = false;
    try {
      while (responses.isEmpty() && !closed) {
        try {
          callbacks.take().run();
        } catch (InterruptedException e) {
          interrupted = true;
          call.cancel("Thread interrupted", e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (!responses.isEmpty()) {
      return true;
    }
    if (failure != null) {
      throw failure;
    }
    return false;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T response = responses.poll();
    if (!closed) {
      call.request(1);
    }
    return response;
  }

  /** Receives the call's callbacks, always on the reading thread. */
  private final class Listener extends ClientCall.Listener<T> {
    @Override
    public void onMessage(T message) {
      responses.add(message);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      closed = true;
      if (!status.isOk()) {
        failure = status.asRuntimeException(trailers);
      }
    }
  }
}
