package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/** Fixed-width values: numbers, decimals, dates, timestamps, intervals and times. */
final class FixedWidthWriter extends ColumnWriter {
  private final FixedWidthValue value;
  private final ByteSink data = new ByteSink(256);

  FixedWidthWriter(Field field, String path, FixedWidthValue value) {
    super(field, path, true);
    this.value = value;
  }

  @Override
  void appendValue(Object v) {
    value.write(v, data, path);
    slot(true);
  }

  @Override
  void appendNull() {
    data.putZeros(value.width());
    slot(false);
  }

  @Override
  void appendPlaceholder() {
    data.putZeros(value.width());
    slot(!nullable());
  }

  @Override
  long bytes() {
    return super.bytes() + IpcOutput.padded(data.size());
  }

  @Override
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    super.collect(nodes, buffers);
    buffers.add(new SinkPart(data));
  }

  @Override
  void clear() {
    super.clear();
    data.clear();
  }
}
