package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationListener;
import io.sparkconnect.sql.OperationReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a session's {@link OperationListener}s about one operation: its start, its batches, its one end with an
 * {@link OperationReport}; while it runs, its {@link OperationStats} are where its calls count retries.
 */
final class OperationEvents {
  private static final Logger LOG = LoggerFactory.getLogger(OperationEvents.class);

  private final List<OperationListener> listeners;
  private final OperationContext operation;
  private final OperationStats.Running running;
  private final OperationStats stats = new OperationStats();
  private final AtomicBoolean ended = new AtomicBoolean();

  OperationEvents(List<OperationListener> listeners, OperationContext operation, OperationStats.Running running) {
    this.listeners = listeners;
    this.operation = operation;
    this.running = running;
  }

  OperationContext operation() {
    return operation;
  }

  /** Reports the start; if a listener refuses it, those told so far hear the end with that failure. */
  void start() {
    running.add(operation.operationId(), stats);
    try {
      for (OperationListener listener : listeners) {
        listener.onStart(operation);
      }
    } catch (RuntimeException e) {
      end(0, e);
      throw e;
    }
  }

  void batch(long rows, long bytes) {
    stats.batch(bytes);
    for (OperationListener listener : listeners) {
      listener.onBatch(operation, rows, bytes);
    }
  }

  /** Reports the end once; later calls do nothing. */
  void end(long rows, Throwable failure) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    running.remove(operation.operationId(), stats);
    OperationReport report = stats.report(operation, rows, failure);
    for (OperationListener listener : listeners) {
      try {
        listener.onEnd(report);
      } catch (RuntimeException e) {
        OperationLog.warn(LOG, operation.operationId(), "An operation listener failed in onEnd", e);
      }
    }
  }
}
