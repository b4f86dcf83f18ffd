package io.sparkconnect.sql;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test support: an interceptor keeping every Arrow batch a session receives, as the server sent it, in order. */
final class ArrowBatchCapture implements ClientInterceptor {
  final List<ExecutePlanResponse.ArrowBatch> seen = new CopyOnWriteArrayList<>();

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onMessage(R message) {
            if (message instanceof ExecutePlanResponse && ((ExecutePlanResponse) message).hasArrowBatch()) {
              seen.add(((ExecutePlanResponse) message).getArrowBatch());
            }
            super.onMessage(message);
          }
        }, headers);
      }
    };
  }
}
