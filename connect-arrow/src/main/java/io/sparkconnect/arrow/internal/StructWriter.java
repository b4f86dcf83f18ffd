package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Structs: a validity bitmap over one child per field; struct values are {@code Object[]} or {@code List}. */
final class StructWriter extends ColumnWriter {
  private final ColumnWriter[] children;

  StructWriter(Field field, String path) {
    this(field, path, path + ".");
  }

  /** A struct whose children are named {@code childPrefix + name} in messages. */
  StructWriter(Field field, String path, String childPrefix) {
    super(field, path, true);
    List<Field> fields = field.getChildren();
    children = new ColumnWriter[fields.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = ColumnWriter.of(fields.get(i), childPrefix + fields.get(i).getName());
    }
  }

  @Override
  void appendValue(Object value) {
    List<?> values = Values.struct(value, children.length, path);
    for (int i = 0; i < children.length; i++) {
      children[i].write(values.get(i));
    }
    slot(true);
  }

  /** Appends a struct of these field values, known to be as many as the fields. */
  void appendFields(Object first, Object second) {
    children[0].write(first);
    children[1].write(second);
    slot(true);
  }

  @Override
  void appendNull() {
    for (ColumnWriter child : children) {
      child.appendPlaceholder();
    }
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    if (nullable()) {
      appendNull();
    } else {
      for (ColumnWriter child : children) {
        child.appendPlaceholder();
      }
      slot(true);
    }
  }

  @Override
  long bytes() {
    long bytes = super.bytes();
    for (ColumnWriter child : children) {
      bytes += child.bytes();
    }
    return bytes;
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    for (ColumnWriter child : children) {
      child.collect(nodes, buffers);
    }
  }

  @Override
  void clear() {
    super.clear();
    for (ColumnWriter child : children) {
      child.clear();
    }
  }
}
