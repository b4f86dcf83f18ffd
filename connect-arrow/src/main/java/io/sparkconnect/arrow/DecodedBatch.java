package io.sparkconnect.arrow;

import java.util.List;

/** The rows of one Arrow record batch, copied out of Arrow memory into {@link DecodedColumn}s. Immutable. */
public final class DecodedBatch {
  private final List<DecodedColumn> columns;
  private final int rowCount;

  public DecodedBatch(List<DecodedColumn> columns, int rowCount) {
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  public DecodedColumn column(int index) {
    return columns.get(index);
  }
}
