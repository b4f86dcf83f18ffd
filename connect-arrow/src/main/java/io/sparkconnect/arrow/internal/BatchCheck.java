package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.validate.ValidateVectorBufferVisitor;

/**
 * The checks around loading a record batch. Before anything is allocated for it, in two passes: the framing (field
 * nodes and buffers match the schema, and every buffer lies in the body as the wire declares it), then the sizes
 * (every buffer, as it will be loaded, is large enough for the value count its node claims, so no count from the wire
 * makes Arrow allocate more than the body justifies; a decompressed buffer is also no larger than its values need,
 * apart from variable-width data, which the offsets bound once loaded). After loading: Arrow's buffer validation
 * (struct children as long as their struct, the last offset within the data or the elements), plus offsets that
 * start at 0 or more and never decrease, so every value and list element lies inside its data. (Arrow's {@code
 * validateFull} would also check every value, UTF-8 included: about twice the cost of decoding the batch.)
 */
final class BatchCheck {
  /** Padding a decompressed buffer may carry beyond what its values need (Arrow's widest alignment). */
  private static final long PADDING = 64;

  private final RecordBatch header;
  private final BufferLayout buffers;
  private final long rows;
  private final boolean framing;
  private final boolean decompressed;
  private final long maxValues;
  private final long maxNulls;
  private int node;
  private int buffer;

  private BatchCheck(RecordBatch header, BufferLayout buffers, long rows, boolean framing, boolean decompressed) {
    this.header = header;
    this.buffers = buffers;
    this.rows = rows;
    this.framing = framing;
    this.decompressed = decompressed;
    // A column needs at least a bit of body per value (a validity bit, or its data), except for null-typed
    // columns, which have no buffers; structs and fixed-size lists of them may omit their validity buffer when no
    // value is null, but are held to the same bound so that no count from the wire makes decoding allocate
    // beyond what the body justifies. (The slack covers small batches of such columns.)
    this.maxValues = 8 * buffers.bodyLength() + 64;
    this.maxNulls = rows + maxValues;
  }

  /**
   * Checks the framing of a batch of {@code rows} rows: its field nodes against the schema's fields, and its buffers
   * against the schema and the body they lie in on the wire.
   */
  static void framing(List<Field> fields, RecordBatch header, BufferLayout wire, long rows) {
    int nodes = countFields(fields);
    if (header.nodesLength() != nodes) {
      throw new ArrowDecodingException("Arrow record batch has " + header.nodesLength() + " field nodes but its "
          + "schema has " + nodes + " fields");
    }
    BatchCheck check = new BatchCheck(header, wire, rows, true, false);
    check.fields(fields);
    if (check.buffer != wire.count()) {
      throw new ArrowDecodingException("Arrow record batch has " + wire.count() + " buffers but its schema needs "
          + check.buffer);
    }
  }

  /**
   * Checks the buffers of a batch whose framing was checked, as they will be loaded (on the wire, or where they were
   * decompressed to), against the value counts of their field nodes.
   */
  static void sizes(List<Field> fields, RecordBatch header, BufferLayout buffers, long rows, boolean decompressed) {
    new BatchCheck(header, buffers, rows, false, decompressed).fields(fields);
  }

  /** What each buffer of a schema holds, in IPC order, for error messages: "the offsets buffer of column 'a.b'". */
  static List<String> bufferNames(List<Field> fields) {
    List<String> names = new ArrayList<>();
    for (Field field : fields) {
      bufferNames(field, field.getName(), names);
    }
    return names;
  }

  private static void bufferNames(Field field, String path, List<String> names) {
    for (ArrowTypes.Buffer kind : ArrowTypes.layout(field.getType())) {
      names.add("the " + kind.name().toLowerCase(Locale.ROOT) + " buffer of column '" + path + "'");
    }
    for (Field child : field.getChildren()) {
      bufferNames(child, path + "." + child.getName(), names);
    }
  }

  private static int countFields(List<Field> fields) {
    int count = fields.size();
    for (Field field : fields) {
      count += countFields(field.getChildren());
    }
    return count;
  }

  private void fields(List<Field> fields) {
    for (Field field : fields) {
      field(field, field.getName(), true);
    }
  }

  private void field(Field field, String path, boolean topLevel) {
    FieldNode fieldNode = header.nodes(node++);
    long length = fieldNode.length();
    long nullCount = fieldNode.nullCount();
    if (framing) {
      if (length < 0 || length > Integer.MAX_VALUE || nullCount < 0 || nullCount > length) {
        throw new ArrowDecodingException("Column '" + path + "' has an invalid field node: length " + length
            + ", null count " + nullCount);
      }
      if (topLevel && length != rows) {
        throw new ArrowDecodingException("Column '" + path + "' has " + length + " values but its record batch has "
            + rows + " rows");
      }
    } else {
      boolean nulls = field.getType().getTypeID() == ArrowType.ArrowTypeID.Null;
      if (length > (nulls ? maxNulls : maxValues)) {
        throw new ArrowDecodingException("Column '" + path + "' claims " + length + " values, more than its record "
            + "batch (" + rows + " rows, " + buffers.bodyLength() + (decompressed ? " decompressed" : "")
            + " body bytes) can describe");
      }
    }
    for (ArrowTypes.Buffer kind : ArrowTypes.layout(field.getType())) {
      if (framing) {
        place(path);
      } else {
        size(kind, field, path, length, nullCount);
      }
      buffer++;
    }
    for (Field child : field.getChildren()) {
      field(child, path + "." + child.getName(), false);
    }
  }

  /** Checks that the current buffer exists and lies in the body. */
  private void place(String path) {
    if (buffer >= buffers.count()) {
      throw new ArrowDecodingException("Arrow record batch has " + buffers.count() + " buffers, fewer than its "
          + "schema needs");
    }
    long offset = buffers.offset(buffer);
    long size = buffers.length(buffer);
    if (offset < 0 || size < 0 || offset > buffers.bodyLength() - size) {
      throw new ArrowDecodingException("A buffer of column '" + path + "' (offset " + offset + ", length " + size
          + ") lies outside the record batch body of " + buffers.bodyLength() + " bytes");
    }
  }

  private void size(ArrowTypes.Buffer kind, Field field, String path, long length, long nullCount) {
    long size = buffers.length(buffer);
    long needed = needed(kind, field, length, nullCount, size);
    if (size < needed) {
      throw new ArrowDecodingException("A " + kind.name().toLowerCase(Locale.ROOT) + " buffer of column '" + path
          + "' has " + size + " bytes, too few for " + length + " values (" + needed + " needed)");
    }
    if (decompressed && kind != ArrowTypes.Buffer.VAR_DATA) {
      long most = needed(kind, field, length, 0, 1) + PADDING;
      if (size > most) {
        throw new ArrowDecodingException("A " + kind.name().toLowerCase(Locale.ROOT) + " buffer of column '"
            + path + "' decompresses to " + size + " bytes, more than " + length + " values can use (" + most
            + " with padding)");
      }
    }
  }

  /** The bytes a buffer of this kind needs for {@code length} values; {@code size} is its actual size. */
  private static long needed(ArrowTypes.Buffer kind, Field field, long length, long nullCount, long size) {
    switch (kind) {
      case VALIDITY:
        // An absent validity buffer is allowed when no value (or every value) is null.
        return size == 0 && (nullCount == 0 || nullCount == length) ? 0 : (length + 7) / 8;
      case BITS:
        return (length + 7) / 8;
      case FIXED:
        return length * ArrowTypes.byteWidth(field.getType());
      case OFFSETS_32:
        return length == 0 ? 0 : (length + 1) * 4;
      case OFFSETS_64:
        return length == 0 ? 0 : (length + 1) * 8;
      default:
        return 0; // variable-width data: checked against the offsets once loaded
    }
  }

  /** Validates a loaded batch. */
  static void afterLoad(List<FieldVector> vectors) {
    // Arrow's buffer validation only: its type validation rejects every map (it checks a MapVector as a list).
    ValidateVectorBufferVisitor buffers = new ValidateVectorBufferVisitor();
    for (FieldVector vector : vectors) {
      try {
        vector.accept(buffers, null);
      } catch (RuntimeException e) {
        throw new ArrowDecodingException("Arrow record batch is inconsistent in column '"
            + vector.getField().getName() + "': " + e.getMessage(), e);
      }
      offsets(vector);
    }
  }

  private static void offsets(FieldVector vector) {
    int count = vector.getValueCount();
    if (vector instanceof BaseVariableWidthVector || vector instanceof ListVector) {
      // ListVector covers MapVector. Arrow's validation checked the capacity of the offsets and that the last
      // offset fits the data (or the child vector).
      if (count > 0) {
        int bad = OffsetScan.firstDecreasingInt(vector.getOffsetBuffer(), count + 1);
        if (bad >= 0) {
          throw badOffsets(vector, bad, vector.getOffsetBuffer().getInt((long) bad * 4));
        }
      }
    } else if (vector instanceof BaseLargeVariableWidthVector || vector instanceof LargeListVector) {
      // For a LargeList, the buffer validation bounded the last offset by the child's (int) value count.
      if (count > 0) {
        int bad = OffsetScan.firstDecreasingLong(vector.getOffsetBuffer(), count + 1);
        if (bad >= 0) {
          throw badOffsets(vector, bad, vector.getOffsetBuffer().getLong((long) bad * 8));
        }
      }
    } else if (vector instanceof FixedSizeListVector) {
      FixedSizeListVector list = (FixedSizeListVector) vector;
      long needed = (long) count * list.getListSize();
      if (needed > list.getDataVector().getValueCount()) {
        throw new ArrowDecodingException("Column '" + vector.getField().getName() + "' has " + count + " lists of "
            + list.getListSize() + " elements but only " + list.getDataVector().getValueCount() + " elements");
      }
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      offsets(child);
    }
  }

  private static ArrowDecodingException badOffsets(FieldVector vector, int index, long offset) {
    return new ArrowDecodingException("Column '" + vector.getField().getName() + "' has offset " + offset
        + " at position " + index + "; offsets must start at 0 or more and never decrease");
  }
}
