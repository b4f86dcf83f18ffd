package io.sparkconnect.sql.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationListener;
import io.sparkconnect.sql.OperationReport;
import io.sparkconnect.sql.ResultLimitException;
import io.sparkconnect.sql.SparkConnectException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces, measures and logs each operation of a session: a span from start to end, the parent of its RPC attempts,
 * with the rows, batches, bytes, retries and reattaches of its report, and the failure's error class and SQL state.
 * Registered first among the session's listeners, so it hears every operation. Thread-safe.
 */
final class OperationTrace implements OperationListener {
  private static final Logger LOG = LoggerFactory.getLogger(OperationTrace.class);

  private final Telemetry telemetry;
  private final Supplier<ServerVersion> knownServerVersion;
  private final Map<String, Span> spans = new ConcurrentHashMap<>();

  OperationTrace(Telemetry telemetry, Supplier<ServerVersion> knownServerVersion) {
    this.telemetry = telemetry;
    this.knownServerVersion = knownServerVersion;
  }

  /** The span of a running operation, the parent of its RPC attempts; null when the operation is not running. */
  Span span(String operationId) {
    return spans.get(operationId);
  }

  @Override
  public void onStart(OperationContext operation) {
    Span span = telemetry.tracer.spanBuilder("spark_connect " + operation.kind())
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.current())
        .setAttribute(Telemetry.SESSION_ID, operation.sessionId())
        .setAttribute(Telemetry.OPERATION_ID, operation.operationId())
        .setAttribute(Telemetry.OPERATION_KIND, operation.kind())
        .startSpan();
    if (!operation.tags().isEmpty()) {
      span.setAttribute(Telemetry.TAGS, new ArrayList<>(new TreeSet<>(operation.tags())));
    }
    spans.put(operation.operationId(), span);
    OperationLog.debug(LOG, operation.operationId(), "{} {} started (session {}, tags {})", operation.kind(),
        operation.operationId(), operation.sessionId(), operation.tags());
    telemetry.activeOperations.add(1, kind(operation));
  }

  @Override
  public void onBatch(OperationContext operation, long rows, long bytes) {
    telemetry.bytes.add(bytes, kind(operation));
  }

  @Override
  public void onEnd(OperationReport report) {
    OperationContext operation = report.operation();
    Attributes kind = kind(operation);
    telemetry.activeOperations.add(-1, kind);
    telemetry.rows.add(report.rows(), kind);
    Throwable failure = report.failure().orElse(null);
    if (failure instanceof ResultLimitException) {
      telemetry.resultLimitHits.add(1, kind);
    }
    telemetry.operationDuration.record(report.duration().toNanos() / 1e9,
        kind.toBuilder().put(Telemetry.OUTCOME, failure == null ? "ok" : "error").build());
    OperationLog.debug(LOG, operation.operationId(), "{}", report);
    Span span = spans.remove(operation.operationId());
    if (span != null) {
      end(span, report, failure);
    }
  }

  private void end(Span span, OperationReport report, Throwable failure) {
    ServerVersion version = knownServerVersion.get();
    if (version != null) {
      span.setAttribute(Telemetry.SERVER_VERSION, version.toString());
    }
    span.setAttribute(Telemetry.ROWS, report.rows());
    span.setAttribute(Telemetry.BATCHES, report.batches());
    span.setAttribute(Telemetry.BYTES, report.bytes());
    span.setAttribute(Telemetry.RETRIES, report.retries());
    span.setAttribute(Telemetry.REATTACHES, report.reattaches());
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
      span.setAttribute(Telemetry.ERROR_TYPE, failure.getClass().getName());
      span.recordException(failure);
      if (failure instanceof SparkConnectException) {
        SparkConnectException error = (SparkConnectException) failure;
        if (error.errorClass() != null) {
          span.setAttribute(Telemetry.ERROR_CLASS, error.errorClass());
        }
        if (error.sqlState() != null) {
          span.setAttribute(Telemetry.SQL_STATE, error.sqlState());
        }
      }
    }
    span.end();
  }

  private static Attributes kind(OperationContext operation) {
    return Attributes.of(Telemetry.OPERATION_KIND, operation.kind());
  }
}
