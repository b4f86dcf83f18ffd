package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Booleans, one bit each. */
final class BoolWriter extends ColumnWriter {
  private final ByteSink bits = new ByteSink(64);

  BoolWriter(Field field, String path) {
    super(field, path, true);
  }

  @Override
  void appendValue(Object value) {
    if (!(value instanceof Boolean)) {
      throw BadValue.wrongClass(path, field.getType(), "a Boolean", value);
    }
    bit((Boolean) value);
    slot(true);
  }

  @Override
  void appendNull() {
    bit(false);
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    bit(false);
    slot(!nullable());
  }

  private void bit(boolean set) {
    int index = length();
    if ((index & 7) == 0) {
      bits.putByte((byte) 0);
    }
    if (set) {
      bits.setBit(index);
    }
  }

  @Override
  long bytes() {
    return super.bytes() + IpcOutput.padded(bits.size());
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    buffers.add(new SinkPart(bits));
  }

  @Override
  void clear() {
    super.clear();
    bits.clear();
  }
}
