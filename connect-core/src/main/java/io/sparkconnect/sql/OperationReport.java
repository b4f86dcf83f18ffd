package io.sparkconnect.sql;

import java.time.Duration;
import java.util.Optional;

/** How one operation went, as its listeners hear at its end: duration, what it received, retries and outcome. */
public final class OperationReport {
  private final OperationContext operation;
  private final Duration duration;
  private final long rows;
  private final long batches;
  private final long bytes;
  private final long retries;
  private final long reattaches;
  private final Throwable failure;

  public OperationReport(OperationContext operation, Duration duration, long rows, long batches, long bytes,
      long retries, long reattaches, Throwable failure) {
    this.operation = operation;
    this.duration = duration;
    this.rows = rows;
    this.batches = batches;
    this.bytes = bytes;
    this.retries = retries;
    this.reattaches = reattaches;
    this.failure = failure;
  }

  public OperationContext operation() {
    return operation;
  }

  /** From the start of the operation to its end (the result read to the end or closed, or the failure). */
  public Duration duration() {
    return duration;
  }

  /** Result rows received; 0 for operations without a result. */
  public long rows() {
    return rows;
  }

  public long batches() {
    return batches;
  }

  /** Arrow result bytes received. */
  public long bytes() {
    return bytes;
  }

  /** Calls sent again after a transient failure. */
  public long retries() {
    return retries;
  }

  /** Result streams resumed with {@code ReattachExecute}. */
  public long reattaches() {
    return reattaches;
  }

  /** What made the operation fail; empty when it succeeded. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  public boolean succeeded() {
    return failure == null;
  }

  @Override
  public String toString() {
    return operation.kind() + " " + operation.operationId() + ": " + (failure == null ? "ok" : "failed (" + failure
        .getClass().getSimpleName() + ")") + " in " + duration.toMillis() + " ms, " + rows + " rows, " + bytes
        + " bytes, " + retries + " retries, " + reattaches + " reattaches";
  }
}
