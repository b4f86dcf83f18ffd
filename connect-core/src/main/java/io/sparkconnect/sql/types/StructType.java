package io.sparkconnect.sql.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An ordered list of named fields: the schema of a DataFrame, a Row, or a struct column. Immutable. */
public final class StructType extends DataType {
  private final List<StructField> fields;
  private final Map<String, Integer> indexByName;

  public StructType(List<StructField> fields) {
    this.fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    Map<String, Integer> index = new HashMap<>();
    for (int i = this.fields.size() - 1; i >= 0; i--) {
      index.put(this.fields.get(i).name(), i);
    }
    this.indexByName = Collections.unmodifiableMap(index);
  }

  /** An empty struct to add fields to. */
  public static StructType empty() {
    return new StructType(List.of());
  }

  /** A copy with one more field. */
  public StructType add(String name, DataType type, boolean nullable) {
    List<StructField> more = new ArrayList<>(fields);
    more.add(new StructField(name, type, nullable));
    return new StructType(more);
  }

  public StructType add(String name, DataType type) {
    return add(name, type, true);
  }

  public List<StructField> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  public StructField field(int index) {
    return fields.get(index);
  }

  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fields.size());
    fields.forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * The position of the first field with this name.
   *
   * @throws IllegalArgumentException naming the fields that exist
   */
  public int fieldIndex(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new IllegalArgumentException("No field named '" + name + "'; the fields are " + fieldNames());
    }
    return index;
  }

  @Override
  public String simpleString() {
    StringBuilder out = new StringBuilder("struct<");
    for (int i = 0; i < fields.size(); i++) {
      StructField field = fields.get(i);
      out.append(i == 0 ? "" : ",").append(field.name()).append(':').append(field.dataType().simpleString());
    }
    return out.append('>').toString();
  }

  @Override
  public String sql() {
    StringBuilder out = new StringBuilder("STRUCT<");
    for (int i = 0; i < fields.size(); i++) {
      StructField field = fields.get(i);
      out.append(i == 0 ? "" : ", ").append('`').append(field.name().replace("`", "``")).append("`: ")
          .append(field.dataType().sql()).append(field.nullable() ? "" : " NOT NULL");
    }
    return out.append('>').toString();
  }

  /** The fields as DDL column definitions, such as {@code `id` BIGINT, `name` STRING NOT NULL}, as Spark's toDDL. */
  public String toDDL() {
    StringBuilder out = new StringBuilder();
    fields.forEach(field -> out.append(out.length() == 0 ? "" : ", ").append('`')
        .append(field.name().replace("`", "``")).append("` ").append(field.dataType().sql())
        .append(field.nullable() ? "" : " NOT NULL"));
    return out.toString();
  }

  /** The schema as an indented tree, as {@code printSchema()} shows it. */
  public String treeString() {
    StringBuilder out = new StringBuilder("root\n");
    appendTree(out, this, " |");
    return out.toString();
  }

  private static void appendTree(StringBuilder out, DataType type, String prefix) {
    if (type instanceof StructType) {
      for (StructField field : ((StructType) type).fields) {
        out.append(prefix).append("-- ").append(field.name()).append(": ").append(field.dataType().typeName())
            .append(" (nullable = ").append(field.nullable()).append(")\n");
        appendTree(out, field.dataType(), prefix + "    |");
      }
    } else if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      out.append(prefix).append("-- element: ").append(array.elementType().typeName())
          .append(" (containsNull = ").append(array.containsNull()).append(")\n");
      appendTree(out, array.elementType(), prefix + "    |");
    } else if (type instanceof MapType) {
      MapType map = (MapType) type;
      out.append(prefix).append("-- key: ").append(map.keyType().typeName()).append('\n');
      appendTree(out, map.keyType(), prefix + "    |");
      out.append(prefix).append("-- value: ").append(map.valueType().typeName())
          .append(" (valueContainsNull = ").append(map.valueContainsNull()).append(")\n");
      appendTree(out, map.valueType(), prefix + "    |");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructType && ((StructType) other).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }
}
