package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationReport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What one running operation has received and how often its calls were repeated. Thread-safe. */
final class OperationStats {
  private final long startNanos = System.nanoTime();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong reattaches = new AtomicLong();

  void batch(long batchBytes) {
    batches.incrementAndGet();
    bytes.addAndGet(batchBytes);
  }

  void retried() {
    retries.incrementAndGet();
  }

  void reattached() {
    reattaches.incrementAndGet();
  }

  OperationReport report(OperationContext operation, long rows, Throwable failure) {
    return new OperationReport(operation, Duration.ofNanos(System.nanoTime() - startNanos), rows, batches.get(),
        bytes.get(), retries.get(), reattaches.get(), failure);
  }

  /** The stats of a session's running operations by operation id, for the calls that belong to them. */
  static final class Running {
    private final Map<String, OperationStats> byId = new ConcurrentHashMap<>();

    void add(String operationId, OperationStats stats) {
      byId.put(operationId, stats);
    }

    void remove(String operationId, OperationStats stats) {
      byId.remove(operationId, stats);
    }

    /** The running operation's stats, or null for calls outside an operation or after its end. */
    OperationStats get(String operationId) {
      return byId.get(operationId);
    }
  }
}
