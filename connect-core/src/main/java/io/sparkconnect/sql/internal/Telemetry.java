package io.sparkconnect.sql.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.sparkconnect.transport.ConnectChannel;
import java.util.List;

/**
 * A session's OpenTelemetry instruments: the tracer, the propagator that carries the trace context to the
 * server, and the metric instruments. With no SDK installed every instrument is a no-op. Thread-safe.
 */
final class Telemetry {
  static final String SCOPE = "io.sparkconnect";

  static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("spark_connect.session.id");
  static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("spark_connect.operation.id");
  static final AttributeKey<String> OPERATION_KIND = AttributeKey.stringKey("spark_connect.operation.kind");
  static final AttributeKey<List<String>> TAGS = AttributeKey.stringArrayKey("spark_connect.operation.tags");
  static final AttributeKey<String> SERVER_VERSION = AttributeKey.stringKey("spark_connect.server.version");
  static final AttributeKey<Long> ROWS = AttributeKey.longKey("spark_connect.rows");
  static final AttributeKey<Long> BATCHES = AttributeKey.longKey("spark_connect.batches");
  static final AttributeKey<Long> BYTES = AttributeKey.longKey("spark_connect.bytes");
  static final AttributeKey<Long> RETRIES = AttributeKey.longKey("spark_connect.retries");
  static final AttributeKey<Long> REATTACHES = AttributeKey.longKey("spark_connect.reattaches");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("spark_connect.attempt");
  static final AttributeKey<String> ERROR_CLASS = AttributeKey.stringKey("spark_connect.error_class");
  static final AttributeKey<String> SQL_STATE = AttributeKey.stringKey("spark_connect.sql_state");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("spark_connect.outcome");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system.name");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> RPC_STATUS = AttributeKey.stringKey("rpc.status_code");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  final Tracer tracer;
  final TextMapPropagator propagator;
  final DoubleHistogram rpcDuration;
  final DoubleHistogram operationDuration;
  final LongCounter rows;
  final LongCounter bytes;
  final LongUpDownCounter activeOperations;
  final LongCounter retries;
  final LongCounter reattaches;
  final LongCounter resultLimitHits;
  final String serverAddress;
  final long serverPort;

  Telemetry(OpenTelemetry openTelemetry, String serverAddress, int serverPort) {
    String version = ConnectChannel.clientVersion();
    this.tracer = openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    Meter meter = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(version).build();
    this.rpcDuration = meter.histogramBuilder("rpc.client.call.duration").setUnit("s")
        .setDescription("Duration of each RPC attempt to the Spark Connect server").build();
    this.operationDuration = meter.histogramBuilder("spark_connect.client.operation.duration").setUnit("s")
        .setDescription("Duration of client operations, from sending to the end of the result").build();
    this.rows = meter.counterBuilder("spark_connect.client.rows").setUnit("{row}")
        .setDescription("Result rows received").build();
    this.bytes = meter.counterBuilder("spark_connect.client.bytes").setUnit("By")
        .setDescription("Arrow result bytes received").build();
    this.activeOperations = meter.upDownCounterBuilder("spark_connect.client.operations.active")
        .setUnit("{operation}").setDescription("Operations running now").build();
    this.retries = meter.counterBuilder("spark_connect.client.retries").setUnit("{retry}")
        .setDescription("RPCs sent again after a transient failure").build();
    this.reattaches = meter.counterBuilder("spark_connect.client.reattaches").setUnit("{reattach}")
        .setDescription("Result streams resumed with ReattachExecute").build();
    this.resultLimitHits = meter.counterBuilder("spark_connect.client.result_limit.hits").setUnit("{operation}")
        .setDescription("Operations stopped by a result limit").build();
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }
}
