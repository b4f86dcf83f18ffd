package io.sparkconnect.sql.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.sparkconnect.sql.OperationContext;

/**
 * A CLIENT span per RPC attempt, a child of its operation's span, named and attributed by the OpenTelemetry RPC
 * conventions; the W3C trace context goes to the server in the call's metadata, so a traced server joins the
 * trace. Counts the operation's retries and reattaches in its {@link OperationStats} and records each attempt's
 * duration.
 */
final class TracingInterceptor implements ClientInterceptor {
  private static final TextMapSetter<Metadata> HEADERS =
      (headers, key, value) -> headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
  private static final String REATTACH = "ReattachExecute";

  private final Telemetry telemetry;
  private final OperationTrace operations;
  private final OperationStats.Running running;

  TracingInterceptor(Telemetry telemetry, OperationTrace operations, OperationStats.Running running) {
    this.telemetry = telemetry;
    this.operations = operations;
    this.running = running;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    OperationContext operation = options.getOption(OperationContext.CALL_OPTION);
    Span operationSpan = operation == null ? null : operations.span(operation.operationId());
    Context parent = operationSpan == null ? Context.current() : Context.current().with(operationSpan);
    Span span = telemetry.tracer.spanBuilder(method.getFullMethodName())
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute(Telemetry.RPC_SYSTEM, "grpc")
        .setAttribute(Telemetry.RPC_METHOD, method.getFullMethodName())
        .setAttribute(Telemetry.SERVER_ADDRESS, telemetry.serverAddress)
        .setAttribute(Telemetry.SERVER_PORT, telemetry.serverPort)
        .startSpan();
    if (operation != null) {
      span.setAttribute(Telemetry.OPERATION_ID, operation.operationId());
      span.setAttribute(Telemetry.ATTEMPT, operation.attempt());
      OperationStats stats = running.get(operation.operationId());
      if (stats != null) {
        count(stats, method.getBareMethodName(), operation.attempt());
      }
    }
    long startNanos = System.nanoTime();
    Context traced = parent.with(span);
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        telemetry.propagator.inject(traced, headers, HEADERS);
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            try {
              finish(span, method, status, startNanos);
            } finally {
              super.onClose(status, trailers);
            }
          }
        }, headers);
      }
    };
  }

  private void count(OperationStats stats, String method, int attempt) {
    Attributes attributes = Attributes.of(Telemetry.RPC_METHOD, method);
    if (REATTACH.equals(method)) {
      stats.reattached();
      telemetry.reattaches.add(1, attributes);
    } else if (attempt > 0) {
      stats.retried();
      telemetry.retries.add(1, attributes);
    }
  }

  private void finish(Span span, MethodDescriptor<?, ?> method, Status status, long startNanos) {
    String code = status.getCode().name();
    span.setAttribute(Telemetry.RPC_STATUS, code);
    if (!status.isOk()) {
      span.setAttribute(Telemetry.ERROR_TYPE, code);
      span.setStatus(StatusCode.ERROR, status.getDescription() == null ? code : status.getDescription());
    }
    span.end();
    telemetry.rpcDuration.record((System.nanoTime() - startNanos) / 1e9, Attributes.builder()
        .put(Telemetry.RPC_SYSTEM, "grpc").put(Telemetry.RPC_METHOD, method.getFullMethodName())
        .put(Telemetry.RPC_STATUS, code).put(Telemetry.SERVER_ADDRESS, telemetry.serverAddress)
        .put(Telemetry.SERVER_PORT, telemetry.serverPort).build());
  }
}
