package io.sparkconnect.arrow.internal;

import org.apache.arrow.vector.types.pojo.Field;

/** The null type: no buffers, every value null. */
final class NullWriter extends ColumnWriter {
  NullWriter(Field field, String path) {
    super(field, path, false);
  }

  @Override
  void appendValue(Object value) {
    throw BadValue.wrongClass(path, field.getType(), "only null", value);
  }

  @Override
  void appendNull() {
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    slot(false);
  }
}
