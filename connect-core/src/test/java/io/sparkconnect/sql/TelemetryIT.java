package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sparkconnect.testkit.FaultInjectingProxy;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * The spans and metrics a session produces against real servers, read back from the OpenTelemetry SDK's
 * in-memory exporters: one span per operation, a CLIENT child per RPC attempt, the W3C context in the request
 * headers, and the counts of rows, bytes, retries and reattaches.
 */
class TelemetryIT {
  private static final String EXECUTE = "spark.connect.SparkConnectService/ExecutePlan";
  private static final String REATTACH = "spark.connect.SparkConnectService/ReattachExecute";
  private static final String ANALYZE = "spark.connect.SparkConnectService/AnalyzePlan";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();

  @AfterEach
  void shutdown() {
    otel.close();
  }

  private List<SpanData> named(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  private List<SpanData> childrenOf(SpanData parent) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .collect(Collectors.toList());
  }

  private SpanData operation(String operationId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.INTERNAL && operationId.equals(s.getAttributes().get(
            AttributeKey.stringKey("spark_connect.operation.id"))))
        .findFirst().orElseThrow(() -> new AssertionError("no span for operation " + operationId + " in "
            + spans.getFinishedSpanItems()));
  }

  private MetricData metric(String name) {
    return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  private static long attribute(SpanData span, String key) {
    Long value = span.getAttributes().get(AttributeKey.longKey(key));
    assertNotNull(value, key + " on " + span);
    return value;
  }

  /** Remembers each operation's id and report as it ends. */
  private static final class Ids implements OperationListener {
    final List<String> ids = new CopyOnWriteArrayList<>();
    final List<OperationReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public void onEnd(OperationReport report) {
      ids.add(report.operation().operationId());
      reports.add(report);
    }

    OperationReport last() {
      return reports.get(reports.size() - 1);
    }
  }

  /** Captures the traceparent header each call carries to the server. */
  private static final class TraceHeaders implements ClientInterceptor {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          seen.add(headers.get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)));
          super.start(listener, headers);
        }
      };
    }
  }

  @SparkConnectTest
  void aQueryIsOneOperationSpanOverItsRpcSpansAndTheTraceReachesTheServer(SparkConnectServer server) {
    Ids ids = new Ids();
    TraceHeaders headers = new TraceHeaders();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).openTelemetry(otel)
        .operationListener(ids).interceptor(headers).build()) {
      String version = spark.version();
      Span parent = otel.getTracer("test").spanBuilder("user work").startSpan();
      try (Scope scope = parent.makeCurrent()) {
        assertEquals(1000, spark.sql("SELECT id, repeat('x', 100) AS pad FROM range(1000)").collect().size());
      } finally {
        parent.end();
      }
      SpanData query = operation(ids.ids.get(ids.ids.size() - 1));
      SpanData user = named("user work").get(0);
      assertEquals("spark_connect ExecutePlan", query.getName());
      assertEquals(user.getSpanId(), query.getParentSpanId(), "the operation joins the caller's trace");
      assertEquals(user.getTraceId(), query.getTraceId());
      assertEquals(spark.sessionId(), query.getAttributes().get(AttributeKey.stringKey("spark_connect.session.id")));
      assertEquals(version, query.getAttributes().get(AttributeKey.stringKey("spark_connect.server.version")));
      assertEquals(1000, attribute(query, "spark_connect.rows"));
      assertTrue(attribute(query, "spark_connect.batches") >= 1);
      assertTrue(attribute(query, "spark_connect.bytes") > 100_000, "bytes: " + attribute(query, "spark_connect.bytes"));
      assertEquals(0, attribute(query, "spark_connect.retries"));
      assertEquals(0, attribute(query, "spark_connect.reattaches"));
      assertEquals(StatusCode.UNSET, query.getStatus().getStatusCode());

      List<SpanData> rpcs = childrenOf(query);
      SpanData execute = rpcs.stream().filter(s -> s.getName().equals(EXECUTE)).findFirst().orElseThrow();
      assertEquals(SpanKind.CLIENT, execute.getKind());
      assertEquals("grpc", execute.getAttributes().get(AttributeKey.stringKey("rpc.system.name")));
      assertEquals(EXECUTE, execute.getAttributes().get(AttributeKey.stringKey("rpc.method")));
      assertEquals("OK", execute.getAttributes().get(AttributeKey.stringKey("rpc.status_code")));
      assertEquals((long) server.port(), execute.getAttributes().get(AttributeKey.longKey("server.port")));
      assertEquals(0, attribute(execute, "spark_connect.attempt"));
      String traceparent = "00-" + execute.getTraceId() + "-" + execute.getSpanId() + "-";
      assertTrue(headers.seen.stream().anyMatch(h -> h != null && h.startsWith(traceparent)),
          "the ExecutePlan request carried its span's W3C context " + traceparent + ": " + headers.seen);

      HistogramPointData rpcDurations = (HistogramPointData) metric("rpc.client.call.duration").getHistogramData()
          .getPoints().stream().filter(p -> EXECUTE.equals(p.getAttributes().get(
              AttributeKey.stringKey("rpc.method")))).findFirst().orElseThrow();
      assertEquals(2, rpcDurations.getCount(), "spark.sql runs the statement, collect the query");
      long rows = metric("spark_connect.client.rows").getLongSumData().getPoints().stream()
          .mapToLong(LongPointData::getValue).sum();
      assertEquals(1000, rows, "rows of every operation: only the query had any");
      long active = metric("spark_connect.client.operations.active").getLongSumData().getPoints().stream()
          .mapToLong(LongPointData::getValue).sum();
      assertEquals(0, active, "no operation is left running");
    }
  }

  @SparkConnectTest
  void aFailureCarriesSparksErrorClassAndSqlState(SparkConnectServer server) {
    Ids ids = new Ids();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).openTelemetry(otel)
        .operationListener(ids).build()) {
      SparkConnectException error = assertThrows(SparkConnectException.class,
          () -> spark.sql("SELECT * FROM no_such_table_anywhere").collect());
      SpanData failed = operation(ids.ids.get(ids.ids.size() - 1));
      assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
      assertEquals(error.getClass().getName(), failed.getAttributes().get(AttributeKey.stringKey("error.type")));
      if (!spark.version().startsWith("3.")) {
        assertNotNull(error.errorClass(), "4.x servers name the error class");
      }
      assertEquals(error.errorClass(), failed.getAttributes().get(AttributeKey.stringKey("spark_connect.error_class")));
      assertEquals(error.sqlState(), failed.getAttributes().get(AttributeKey.stringKey("spark_connect.sql_state")));
      assertEquals(1, failed.getEvents().stream().filter(e -> e.getName().equals("exception")).count());
    }
  }

  @SparkConnectTest
  void retriedAndReattachedCallsAreCountedOnTheirOperation(SparkConnectServer server) throws Exception {
    Ids ids = new Ids();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).cutAfterBytes(2 << 20)
        .lifetime(Duration.ofMinutes(3)).start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).openTelemetry(otel)
            .operationListener(ids).build()) {
      long rows = 0;
      try (CloseableIterator<Row> it = spark.sql("SELECT id, id * 3 AS x FROM range(1500000)").toLocalIterator()) {
        while (it.hasNext()) {
          it.next();
          rows++;
        }
      }
      assertEquals(1_500_000, rows);
      SpanData cut = operation(ids.ids.get(ids.ids.size() - 1));
      long reattaches = attribute(cut, "spark_connect.reattaches");
      assertTrue(reattaches >= 1 && proxy.cuts() >= 1, "reattaches " + reattaches + ", cuts " + proxy.cuts());
      assertEquals(reattaches, childrenOf(cut).stream().filter(s -> s.getName().equals(REATTACH)).count(),
          "one ReattachExecute span per reattach, under the operation");
      assertEquals(1_500_000, attribute(cut, "spark_connect.rows"));
      OperationReport report = ids.last();
      assertEquals(reattaches, report.reattaches(), "the listener's report agrees with the span");
      assertEquals(attribute(cut, "spark_connect.bytes"), report.bytes());
      assertEquals(1_500_000, report.rows());
      assertTrue(report.succeeded() && report.duration().toNanos() > 0, report.toString());
      long reattachMetric = metric("spark_connect.client.reattaches").getLongSumData().getPoints().stream()
          .mapToLong(LongPointData::getValue).sum();
      assertEquals(reattaches, reattachMetric);

      proxy.refuseConnectionsFor(Duration.ofMillis(1500));
      proxy.cutAll();
      assertEquals(1, spark.range(5).select("id").schema().size());
      SpanData analyzed = operation(ids.ids.get(ids.ids.size() - 1));
      long retries = attribute(analyzed, "spark_connect.retries");
      assertTrue(retries >= 1, "retries: " + retries);
      assertEquals(retries, ids.last().retries(), ids.last().toString());
      List<SpanData> attempts = childrenOf(analyzed).stream().filter(s -> s.getName().equals(ANALYZE))
          .collect(Collectors.toList());
      assertEquals(retries + 1, attempts.size(), "one span per attempt");
      assertTrue(attempts.stream().anyMatch(s -> s.getStatus().getStatusCode() == StatusCode.ERROR
          && "UNAVAILABLE".equals(s.getAttributes().get(AttributeKey.stringKey("rpc.status_code")))));
      assertEquals("OK", attempts.stream().max(java.util.Comparator.comparingLong(SpanData::getEndEpochNanos))
          .orElseThrow().getAttributes().get(AttributeKey.stringKey("rpc.status_code")));
    }
  }

  @SparkConnectTest
  void aRetriedExecutionHasOneSpanPerAttempt(SparkConnectServer server) throws Exception {
    Ids ids = new Ids();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).lifetime(Duration.ofMinutes(2))
        .start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).openTelemetry(otel)
            .reattachPolicy(io.sparkconnect.spi.ReattachPolicy.none()).operationListener(ids).build()) {
      DataFrame query = spark.range(7);
      proxy.refuseConnectionsFor(Duration.ofMillis(1500));
      assertEquals(7, query.collect().size());
      SpanData execution = operation(ids.ids.get(ids.ids.size() - 1));
      long retries = attribute(execution, "spark_connect.retries");
      assertTrue(retries >= 1, "retries: " + retries);
      assertEquals(0, attribute(execution, "spark_connect.reattaches"));
      List<SpanData> attempts = childrenOf(execution).stream().filter(s -> s.getName().equals(EXECUTE))
          .collect(Collectors.toList());
      assertEquals(retries + 1, attempts.size(), "one ExecutePlan span per attempt");
      assertEquals(retries + 1, attempts.stream().map(s -> s.getAttributes().get(AttributeKey.longKey(
          "spark_connect.attempt"))).distinct().count(), "attempts numbered apart");
    }
  }
}
