package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.ResultField;
import io.sparkconnect.arrow.ValueFactory;
import io.sparkconnect.sql.Variant;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.OtherType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Builds the API's composite values while decoding: structs as {@link io.sparkconnect.sql.Row}s, variants. */
final class RowValues implements ValueFactory {
  static final RowValues INSTANCE = new RowValues();

  private RowValues() {}

  @Override
  public Object struct(ResultField field, Object[] values) {
    return new GenericRow(structType(field), values);
  }

  @Override
  public Object variant(ResultField field, byte[] value, byte[] metadata) {
    return new Variant(value, metadata);
  }

  /** The field's Spark type, or one made from its Arrow fields for types the client does not know. */
  private static StructType structType(ResultField field) {
    if (field.apiType() instanceof StructType) {
      return (StructType) field.apiType();
    }
    List<StructField> fields = new ArrayList<>();
    for (ResultField child : field.children()) {
      DataType type = child.apiType() instanceof DataType ? (DataType) child.apiType()
          : new OtherType(child.kind().name().toLowerCase(java.util.Locale.ROOT));
      fields.add(DataTypes.createStructField(child.name(), type, true));
    }
    return DataTypes.createStructType(fields);
  }
}
