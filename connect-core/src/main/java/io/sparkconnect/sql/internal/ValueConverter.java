package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.StructValue;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.Variant;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns decoded values into the API's values: struct values become {@link Row}s, at any depth. */
final class ValueConverter {
  private ValueConverter() {}

  /** Whether values of this type contain structs and so need converting. */
  static boolean needsConversion(DataType type) {
    if (type instanceof StructType || type.equals(DataTypes.VariantType)) {
      return true;
    }
    if (type instanceof ArrayType) {
      return needsConversion(((ArrayType) type).elementType());
    }
    if (type instanceof MapType) {
      return needsConversion(((MapType) type).keyType()) || needsConversion(((MapType) type).valueType());
    }
    return false;
  }

  static Object convert(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.VariantType) && value instanceof StructValue) {
      StructValue struct = (StructValue) value;
      int valueIndex = struct.names().indexOf("value");
      int metadataIndex = struct.names().indexOf("metadata");
      return new Variant((byte[]) struct.get(valueIndex), (byte[]) struct.get(metadataIndex));
    }
    if (type instanceof StructType && value instanceof StructValue) {
      StructValue struct = (StructValue) value;
      StructType structType = (StructType) type;
      Object[] values = new Object[struct.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = convert(struct.get(i), structType.field(i).dataType());
      }
      return new GenericRow(structType, values);
    }
    if (type instanceof ArrayType && value instanceof List) {
      DataType element = ((ArrayType) type).elementType();
      List<?> list = (List<?>) value;
      List<Object> converted = new ArrayList<>(list.size());
      for (Object item : list) {
        converted.add(convert(item, element));
      }
      return Collections.unmodifiableList(converted);
    }
    if (type instanceof MapType && value instanceof Map) {
      MapType mapType = (MapType) type;
      Map<Object, Object> converted = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) ->
          converted.put(convert(k, mapType.keyType()), convert(v, mapType.valueType())));
      return Collections.unmodifiableMap(converted);
    }
    return value;
  }
}
