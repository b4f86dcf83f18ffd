package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.sql.types.StructType;

/** A row that reads its values from the columns of a decoded batch, so primitives are never boxed on read. */
final class BatchRow extends AbstractRow {
  private final ResultBatch batch;
  private final int index;

  BatchRow(ResultBatch batch, int index) {
    this.batch = batch;
    this.index = index;
  }

  @Override
  public int size() {
    return batch.schema().size();
  }

  @Override
  public Object get(int column) {
    return batch.value(column, index);
  }

  @Override
  public StructType schema() {
    return batch.schema();
  }

  @Override
  public boolean isNullAt(int column) {
    return batch.column(column).isNull(index);
  }

  @Override
  public boolean getBoolean(int column) {
    return nonNull(column).getBoolean(index);
  }

  @Override
  public int getInt(int column) {
    return nonNull(column).getInt(index);
  }

  @Override
  public long getLong(int column) {
    return nonNull(column).getLong(index);
  }

  @Override
  public double getDouble(int column) {
    return nonNull(column).getDouble(index);
  }

  private DecodedColumn nonNull(int column) {
    DecodedColumn values = batch.column(column);
    if (values.isNull(index)) {
      throw new NullPointerException("Value at column " + column + " ('" + schema().field(column).name()
          + "') is null; check isNullAt(" + column + ") first or use get(" + column + ")");
    }
    return values;
  }
}
