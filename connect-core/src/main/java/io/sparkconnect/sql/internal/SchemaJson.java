package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.CollatedStringType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.SizedType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.util.Map;

/**
 * A data type in Spark's JSON form ({@code DataType.json}), which keeps what DDL cannot say: the nullability of
 * array elements and map values, and field metadata.
 */
final class SchemaJson {
  /** Spark's JSON names of the types whose simple string differs. */
  private static final Map<String, String> NAMES = Map.of(
      "tinyint", "byte", "smallint", "short", "int", "integer", "bigint", "long");

  private SchemaJson() {}

  static String of(DataType type) {
    StringBuilder out = new StringBuilder();
    append(out, type);
    return out.toString();
  }

  private static void append(StringBuilder out, DataType type) {
    if (type instanceof StructType) {
      out.append("{\"type\":\"struct\",\"fields\":[");
      boolean first = true;
      for (StructField field : ((StructType) type).fields()) {
        out.append(first ? "" : ",").append("{\"name\":");
        VariantJson.quote(out, field.name());
        out.append(",\"type\":");
        append(out, field.dataType());
        out.append(",\"nullable\":").append(field.nullable()).append(",\"metadata\":")
            .append(field.metadata() == null || field.metadata().isBlank() ? "{}" : field.metadata()).append('}');
        first = false;
      }
      out.append("]}");
    } else if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      out.append("{\"type\":\"array\",\"elementType\":");
      append(out, array.elementType());
      out.append(",\"containsNull\":").append(array.containsNull()).append('}');
    } else if (type instanceof MapType) {
      MapType map = (MapType) type;
      out.append("{\"type\":\"map\",\"keyType\":");
      append(out, map.keyType());
      out.append(",\"valueType\":");
      append(out, map.valueType());
      out.append(",\"valueContainsNull\":").append(map.valueContainsNull()).append('}');
    } else if (type instanceof DecimalType || type instanceof IntervalType || type instanceof SizedType
        || type instanceof CollatedStringType) {
      VariantJson.quote(out, type.simpleString());
    } else {
      VariantJson.quote(out, NAMES.getOrDefault(type.simpleString(), type.simpleString()));
    }
  }
}
