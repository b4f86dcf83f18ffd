package io.sparkconnect.arrow.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Strings (UTF-8) and binary values: 32-bit offsets and the bytes. */
final class VarWidthWriter extends ColumnWriter {
  private final boolean utf8;
  private final ByteSink offsets = new ByteSink(256);
  private final ByteSink data = new ByteSink(1024);

  VarWidthWriter(Field field, String path, boolean utf8) {
    super(field, path, true);
    this.utf8 = utf8;
    offsets.putInt(0);
  }

  @Override
  void appendValue(Object value) {
    byte[] bytes;
    if (utf8) {
      if (!(value instanceof String)) {
        throw BadValue.wrongClass(path, field.getType(), "a String", value);
      }
      bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
    } else {
      if (!(value instanceof byte[])) {
        throw BadValue.wrongClass(path, field.getType(), "a byte[]", value);
      }
      bytes = (byte[]) value;
    }
    data.putBytes(bytes);
    offsets.putInt(data.size());
    slot(true);
  }

  @Override
  void appendNull() {
    offsets.putInt(data.size());
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    offsets.putInt(data.size());
    slot(!nullable());
  }

  @Override
  long bytes() {
    return super.bytes() + IpcOutput.padded(offsets.size()) + IpcOutput.padded(data.size());
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    buffers.add(new SinkPart(offsets));
    buffers.add(new SinkPart(data));
  }

  @Override
  void clear() {
    super.clear();
    offsets.clear();
    offsets.putInt(0);
    data.clear();
  }
}
