package io.sparkconnect.arrow.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes rows as one Arrow IPC stream: the schema message, record batches of at most a number of rows and about a
 * number of bytes (a batch ends after the row that reaches the byte bound), and the end-of-stream marker. Buffers
 * live on the heap, so no {@code --add-opens} is needed. Stateless between calls, so it may be shared.
 */
public final class RowStreamEncoder {
  private final Schema schema;
  private final int maxRows;
  private final long maxBytes;

  /** An encoder for {@code schema}, which {@link EncodableTypes#check} accepted. */
  public RowStreamEncoder(Schema schema, int maxRows, long maxBytes) {
    this.schema = schema;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
  }

  /**
   * Writes the stream of these rows.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException naming the row and field of a value that does not fit its field
   */
  public long write(Iterator<?> rows, OutputStream out) {
    IpcOutput ipc = new IpcOutput(out);
    ipc.schema(schema);
    List<Field> fields = schema.getFields();
    ColumnWriter[] columns = new ColumnWriter[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ColumnWriter.of(fields.get(i), fields.get(i).getName());
    }
    long total = 0;
    int inBatch = 0;
    while (rows.hasNext()) {
      Object row = rows.next();
      if (row == null) {
        throw new IllegalArgumentException("Row " + total + " is null; a row holds its column values");
      }
      try {
        List<?> values = Values.struct(row, columns.length, "");
        for (int i = 0; i < columns.length; i++) {
          columns[i].write(values.get(i));
        }
      } catch (BadValue e) {
        throw new IllegalArgumentException("Row " + total + ": " + e.getMessage(), e.getCause());
      }
      total++;
      inBatch++;
      if (inBatch >= maxRows || bytes(columns) >= maxBytes) {
        flush(ipc, columns, inBatch);
        inBatch = 0;
      }
    }
    if (inBatch > 0) {
      flush(ipc, columns, inBatch);
    }
    ipc.end();
    return total;
  }

  private static long bytes(ColumnWriter[] columns) {
    long bytes = 0;
    for (ColumnWriter column : columns) {
      bytes += column.bytes();
    }
    return bytes;
  }

  private static void flush(IpcOutput ipc, ColumnWriter[] columns, int rows) {
    List<long[]> nodes = new ArrayList<>();
    List<BodyPart> buffers = new ArrayList<>();
    for (ColumnWriter column : columns) {
      column.collect(nodes, buffers);
    }
    ipc.batch(rows, nodes, buffers);
    for (ColumnWriter column : columns) {
      column.clear();
    }
  }
}
