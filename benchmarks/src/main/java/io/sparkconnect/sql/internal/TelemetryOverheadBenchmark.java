package io.sparkconnect.sql.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.sql.OperationContext;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client's telemetry adds to one operation with one RPC attempt: the operation span and metrics, the
 * RPC span, the trace-context injection and the duration histogram, without any network. {@code noop} is the
 * library as users without an OpenTelemetry SDK run it; {@code sdk} records every span and metric. Compare the
 * result with a warm {@code SELECT 1} round trip (about 10 ms against a local server): with {@code -prof gc} the
 * allocation per operation is the stable figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TelemetryOverheadBenchmark {
  private static final MethodDescriptor<ConfigRequest, ConfigResponse> CONFIG =
      SparkConnectServiceGrpc.getConfigMethod();

  /** Receives every span and keeps none, so the run measures recording, not a growing list. */
  private static final SpanExporter DISCARD = new SpanExporter() {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  };

  @Param({"noop", "sdk"})
  public String telemetry;

  private OpenTelemetrySdk sdk;
  private OperationTrace trace;
  private TracingInterceptor interceptor;
  private OperationStats.Running running;
  private final String sessionId = UUID.randomUUID().toString();

  /** A channel whose calls complete at once with OK, so only the instrumentation runs. */
  private static final Channel ANSWERING = new Channel() {
    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
      return new ClientCall<>() {
        private Listener<R> listener;

        @Override
        public void start(Listener<R> responseListener, Metadata headers) {
          listener = responseListener;
        }

        @Override
        public void request(int numMessages) {}

        @Override
        public void cancel(String message, Throwable cause) {}

        @Override
        public void halfClose() {
          listener.onClose(Status.OK, new Metadata());
        }

        @Override
        public void sendMessage(Q message) {}
      };
    }

    @Override
    public String authority() {
      return "127.0.0.1:15002";
    }
  };

  @Setup
  public void setUp() {
    OpenTelemetry otel = OpenTelemetry.noop();
    if (telemetry.equals("sdk")) {
      sdk = OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder()
              .addSpanProcessor(SimpleSpanProcessor.create(DISCARD)).build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
          .build();
      otel = sdk;
    }
    Telemetry instruments = new Telemetry(otel, "127.0.0.1", 15002);
    trace = new OperationTrace(instruments, () -> null);
    running = new OperationStats.Running();
    interceptor = new TracingInterceptor(instruments, trace, running);
  }

  @TearDown
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
  }

  @Benchmark
  public OperationContext operationWithOneRpc() {
    OperationContext operation = OperationContext.create("Config", "op", sessionId, Set.of(), null);
    OperationEvents events = new OperationEvents(java.util.List.of(trace), operation, running);
    events.start();
    ClientCall<ConfigRequest, ConfigResponse> call = interceptor.interceptCall(CONFIG,
        CallOptions.DEFAULT.withOption(OperationContext.CALL_OPTION, operation), ANSWERING);
    call.start(new ClientCall.Listener<>() { }, new Metadata());
    call.halfClose();
    events.end(0, null);
    return operation;
  }
}
