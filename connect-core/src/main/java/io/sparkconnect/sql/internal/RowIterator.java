package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import java.util.NoSuchElementException;

/**
 * Streams rows batch by batch: only the current batch is held, and the server operation is released when the
 * iterator ends or is closed. {@link #close()} may come from another thread; a thread blocked reading then gets a
 * {@link io.sparkconnect.sql.SparkConnectException}.
 */
final class RowIterator implements CloseableIterator<Row> {
  private final ResultReader result;
  private volatile boolean closed;
  private volatile Thread closedBy;
  private boolean exhausted;
  private ResultBatch batch;
  private int index;

  RowIterator(ResultReader result) {
    this.result = result;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      if (!exhausted && closedBy != Thread.currentThread()) {
        throw new SparkConnectException("The result was closed by another thread while it was being read");
      }
      return false;
    }
    try {
      while (batch == null || index >= batch.rowCount()) {
        ResultBatch next = result.nextBatch();
        if (next == null) {
          exhausted = true;
          close();
          return false;
        }
        batch = next;
        index = 0;
      }
      return true;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new BatchRow(batch, index++);
  }

  @Override
  public void close() {
    if (!closed) {
      closedBy = Thread.currentThread();
      closed = true;
      result.close();
    }
  }
}
