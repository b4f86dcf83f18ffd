package io.sparkconnect.arrow.internal;

import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Appends the values of one field (and, through its children, of its nested fields) to the buffers of the record
 * batch being built, then hands out its field nodes and buffers in IPC order. Every slot gets a validity bit, so
 * validity buffers are always written in full.
 */
abstract class ColumnWriter {
  final Field field;
  final String path;
  private final boolean nullable;
  /** The validity bitmap, or null for the null type, which has no buffers. */
  private final ByteSink validity;
  private int length;
  private int nullCount;

  ColumnWriter(Field field, String path, boolean hasValidity) {
    this.field = field;
    this.path = path;
    this.nullable = field.isNullable();
    this.validity = hasValidity ? new ByteSink(64) : null;
  }

  /** A writer for {@code field}, named {@code path} in messages. */
  static ColumnWriter of(Field field, String path) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Null:
        return new NullWriter(field, path);
      case Bool:
        return new BoolWriter(field, path);
      case Utf8:
        return new VarWidthWriter(field, path, true);
      case Binary:
        return new VarWidthWriter(field, path, false);
      case List:
        return new ListWriter(field, path);
      case Map:
        return new MapWriter(field, path);
      case Struct:
        return new StructWriter(field, path);
      default:
        return new FixedWidthWriter(field, path, FixedWidthValue.of(type));
    }
  }

  /** Appends a value, which may be null. */
  final void write(Object value) {
    if (value == null) {
      if (!nullable) {
        throw new BadValue("field '" + path + "' is not nullable, but its value is null");
      }
      appendNull();
    } else {
      appendValue(value);
    }
  }

  /** Appends a non-null value of this field's type, its validity bit included. */
  abstract void appendValue(Object value);

  /** Appends a null slot. */
  abstract void appendNull();

  /**
   * Appends the slot of a value whose parent is null: null if this field is nullable, otherwise a valid slot
   * holding the type's empty value (zero, empty, or a struct of such slots).
   */
  abstract void appendPlaceholder();

  /** The bytes of the buffers so far, each padded to 8 bytes. */
  long bytes() {
    return validity == null ? 0 : IpcOutput.padded(validity.size());
  }

  /** Adds this field's node and buffers, then its children's, depth first. */
  void collect(List<long[]> nodes, List<BodyPart> buffers) {
    nodes.add(new long[] {length, nullCount});
    if (validity != null) {
      buffers.add(new SinkPart(validity));
    }
  }

  /** Empties the buffers for the next batch. */
  void clear() {
    length = 0;
    nullCount = 0;
    if (validity != null) {
      validity.clear();
    }
  }

  int length() {
    return length;
  }

  /** Records the validity bit of the slot being appended. */
  final void slot(boolean valid) {
    if (validity != null) {
      if ((length & 7) == 0) {
        validity.putByte((byte) 0);
      }
      if (valid) {
        validity.setBit(length);
      }
    }
    if (!valid) {
      nullCount++;
    }
    length++;
  }

  final boolean nullable() {
    return nullable;
  }

  /** A sink as a body buffer. */
  static final class SinkPart implements BodyPart {
    private final ByteSink sink;

    SinkPart(ByteSink sink) {
      this.sink = sink;
    }

    @Override
    public long size() {
      return sink.size();
    }

    @Override
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
      out.write(sink.array(), 0, sink.size());
    }
  }
}
