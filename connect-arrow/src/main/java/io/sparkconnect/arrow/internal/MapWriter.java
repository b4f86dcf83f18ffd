package io.sparkconnect.arrow.internal;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;

/** Maps: 32-bit offsets into a non-null struct child of key and value entries, in the map's iteration order. */
final class MapWriter extends ColumnWriter {
  private final ByteSink offsets = new ByteSink(256);
  private final StructWriter entries;

  MapWriter(Field field, String path) {
    super(field, path, true);
    entries = new StructWriter(field.getChildren().get(0), path, path + ".");
    offsets.putInt(0);
  }

  @Override
  void appendValue(Object value) {
    if (!(value instanceof Map)) {
      throw BadValue.wrongClass(path, field.getType(), "a Map", value);
    }
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      entries.appendFields(entry.getKey(), entry.getValue());
    }
    offsets.putInt(entries.length());
    slot(true);
  }

  @Override
  void appendNull() {
    offsets.putInt(entries.length());
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    offsets.putInt(entries.length());
    slot(!nullable());
  }

  @Override
  long bytes() {
    return super.bytes() + IpcOutput.padded(offsets.size()) + entries.bytes();
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    buffers.add(new SinkPart(offsets));
    entries.collect(nodes, buffers);
  }

  @Override
  void clear() {
    super.clear();
    offsets.clear();
    offsets.putInt(0);
    entries.clear();
  }
}
