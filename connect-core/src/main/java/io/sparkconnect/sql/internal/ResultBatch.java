package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.sql.types.StructType;

/** A decoded batch paired with the result schema, converting nested values for the API on read. */
final class ResultBatch {
  private final StructType schema;
  private final DecodedBatch batch;
  private final boolean[] converts;

  ResultBatch(StructType schema, DecodedBatch batch) {
    if (schema.size() != batch.columnCount()) {
      throw new IllegalStateException("Result schema has " + schema.size() + " columns but a batch has "
          + batch.columnCount());
    }
    this.schema = schema;
    this.batch = batch;
    this.converts = new boolean[schema.size()];
    for (int i = 0; i < converts.length; i++) {
      converts[i] = ValueConverter.needsConversion(schema.field(i).dataType());
    }
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
    Object value = batch.column(column).get(row);
    return converts[column] ? ValueConverter.convert(value, schema.field(column).dataType()) : value;
  }
}
