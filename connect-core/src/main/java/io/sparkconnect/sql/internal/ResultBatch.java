package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.sql.types.StructType;

/** A decoded batch of a result with the result's Spark schema. */
final class ResultBatch {
  private final StructType schema;
  private final DecodedBatch batch;

  ResultBatch(StructType schema, DecodedBatch batch) {
    this.schema = schema;
    this.batch = batch;
  }

  StructType schema() {
    return schema;
  }

  int rowCount() {
    return batch.rowCount();
  }

  DecodedColumn column(int index) {
    return batch.column(index);
  }

  Object value(int column, int row) {
    return batch.column(column).get(row);
  }
}
