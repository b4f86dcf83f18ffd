package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of collected batches as an immutable list. Rows are views created on access, so a collected result
 * costs its columns and nothing per row.
 */
final class RowList extends AbstractList<Row> implements RandomAccess {
  private final List<ResultBatch> batches;
  private final int[] starts;
  private final int size;

  RowList(List<ResultBatch> batches) {
    this.batches = batches.stream().filter(b -> b.rowCount() > 0).collect(java.util.stream.Collectors.toList());
    this.starts = new int[this.batches.size()];
    long total = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = (int) total;
      total += this.batches.get(i).rowCount();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new io.sparkconnect.sql.SparkConnectException("The result has " + total
          + " rows, more than a Java list can hold; use toLocalIterator() to stream it");
    }
    this.size = (int) total;
  }

  @Override
  public Row get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Row " + index + " of " + size);
    }
    int batch = java.util.Arrays.binarySearch(starts, index);
    if (batch < 0) {
      batch = -batch - 2;
    }
    return new BatchRow(batches.get(batch), index - starts[batch]);
  }

  @Override
  public int size() {
    return size;
  }
}
