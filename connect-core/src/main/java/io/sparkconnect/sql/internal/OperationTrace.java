package io.sparkconnect.sql.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationListener;
import io.sparkconnect.sql.ResultLimitException;
import io.sparkconnect.sql.SparkConnectException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces, measures and logs each operation of a session: a span from start to end, the parent of its RPC attempts,
 * with the rows, batches, bytes, retries and reattaches it saw, and the failure's error class and SQL state.
 * Registered first among the session's listeners, so it hears every operation. Thread-safe.
 */
final class OperationTrace implements OperationListener {
  private static final Logger LOG = LoggerFactory.getLogger(OperationTrace.class);

  private final Telemetry telemetry;
  private final Supplier<ServerVersion> knownServerVersion;
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  OperationTrace(Telemetry telemetry, Supplier<ServerVersion> knownServerVersion) {
    this.telemetry = telemetry;
    this.knownServerVersion = knownServerVersion;
  }

  /** The span of a running operation, for its RPC attempts; null when the operation is not running. */
  Running running(String operationId) {
    return running.get(operationId);
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
      span.setAttribute(Telemetry.TAGS, new ArrayList<>(new java.util.TreeSet<>(operation.tags())));
    }
    running.put(operation.operationId(), new Running(span, System.nanoTime()));
    OperationLog.debug(LOG, operation.operationId(), "{} {} started (session {}, tags {})", operation.kind(),
        operation.operationId(), operation.sessionId(), operation.tags());
    telemetry.activeOperations.add(1, kind(operation));
  }

  @Override
  public void onBatch(OperationContext operation, long rows, long bytes) {
    Running run = running.get(operation.operationId());
    if (run != null) {
      run.batches.incrementAndGet();
      run.bytes.addAndGet(bytes);
    }
    telemetry.bytes.add(bytes, kind(operation));
  }

  @Override
  public void onEnd(OperationContext operation, long rows, Throwable failure) {
    Running run = running.remove(operation.operationId());
    Attributes kind = kind(operation);
    telemetry.activeOperations.add(-1, kind);
    if (run == null) {
      return;
    }
    telemetry.rows.add(rows, kind);
    Span span = run.span;
    ServerVersion version = knownServerVersion.get();
    if (version != null) {
      span.setAttribute(Telemetry.SERVER_VERSION, version.toString());
    }
    span.setAttribute(Telemetry.ROWS, rows);
    span.setAttribute(Telemetry.BATCHES, run.batches.get());
    span.setAttribute(Telemetry.BYTES, run.bytes.get());
    span.setAttribute(Telemetry.RETRIES, run.retries.get());
    span.setAttribute(Telemetry.REATTACHES, run.reattaches.get());
    String outcome = "ok";
    if (failure != null) {
      outcome = "error";
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
      if (failure instanceof ResultLimitException) {
        telemetry.resultLimitHits.add(1, kind);
      }
    }
    OperationLog.debug(LOG, operation.operationId(), "{} {} ended: {}, {} rows, {} bytes, {} retries, {} reattaches",
        operation.kind(), operation.operationId(), failure == null ? "ok" : failure.getClass().getSimpleName(), rows,
        run.bytes.get(), run.retries.get(), run.reattaches.get());
    telemetry.operationDuration.record((System.nanoTime() - run.startNanos) / 1e9,
        kind.toBuilder().put(Telemetry.OUTCOME, outcome).build());
    span.end();
  }

  private static Attributes kind(OperationContext operation) {
    return Attributes.of(Telemetry.OPERATION_KIND, operation.kind());
  }

  /** One running operation: its span and what its calls saw. */
  static final class Running {
    final Span span;
    final long startNanos;
    final AtomicLong batches = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong reattaches = new AtomicLong();

    Running(Span span, long startNanos) {
      this.span = span;
      this.startNanos = startNanos;
    }
  }
}
