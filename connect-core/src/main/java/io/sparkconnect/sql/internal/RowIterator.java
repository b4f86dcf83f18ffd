package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.StructType;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams rows batch by batch: only the current batch is held, and the server operation is released when the
 * iterator ends or is closed.
 */
public final class RowIterator implements CloseableIterator<Row> {
  private final ArrowResult result;
  private final AtomicBoolean closed = new AtomicBoolean();
  private StructType schema;
  private ResultBatch batch;
  private int index;

  RowIterator(ArrowResult result) {
    this.result = result;
  }

  @Override
  public boolean hasNext() {
    if (closed.get()) {
      return false;
    }
    try {
      while (batch == null || index >= batch.rowCount()) {
        if (schema == null) {
          schema = result.schema();
        }
        DecodedBatch next = result.nextBatch();
        if (next == null) {
          close();
          return false;
        }
        if (schema == null) {
          throw new SparkConnectException("The server sent result rows without a schema");
        }
        batch = new ResultBatch(schema, next);
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
    if (closed.compareAndSet(false, true)) {
      batch = null;
      result.close();
    }
  }
}
