package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Lists: 32-bit offsets into the one child, the elements. */
final class ListWriter extends ColumnWriter {
  private final ByteSink offsets = new ByteSink(256);
  private final ColumnWriter elements;

  ListWriter(Field field, String path) {
    super(field, path, true);
    Field element = field.getChildren().get(0);
    this.elements = ColumnWriter.of(element, path + "." + element.getName());
    offsets.putInt(0);
  }

  @Override
  void appendValue(Object value) {
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        elements.write(element);
      }
    } else if (value instanceof Object[]) {
      for (Object element : (Object[]) value) {
        elements.write(element);
      }
    } else {
      throw BadValue.wrongClass(path, field.getType(), "a List or an Object[]", value);
    }
    offsets.putInt(elements.length());
    slot(true);
  }

  @Override
  void appendNull() {
    offsets.putInt(elements.length());
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    offsets.putInt(elements.length());
    slot(!nullable());
  }

  @Override
  long bytes() {
    return super.bytes() + IpcOutput.padded(offsets.size()) + elements.bytes();
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    buffers.add(new SinkPart(offsets));
    elements.collect(nodes, buffers);
  }

  @Override
  void clear() {
    super.clear();
    offsets.clear();
    offsets.putInt(0);
    elements.clear();
  }
}
