package io.sparkconnect.arrow.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Writes the rows of a {@link VectorSchemaRoot} as one Arrow IPC stream, sliced into record batches of bounded
 * size. The buffers are copied out of Arrow memory with plain memory copies and the messages are written by {@link
 * IpcOutput}, so Arrow's own writer, which needs {@code --add-opens} on Java 17, is not used.
 */
public final class RootStreamEncoder {
  private static final int COPY_CHUNK = 64 * 1024;

  private RootStreamEncoder() {}

  /**
   * Writes the root's schema, its rows in batches of at most {@code maxRows} rows and about {@code maxBytes} bytes,
   * and the end-of-stream marker.
   *
   * @return the number of rows written
   */
  public static long write(VectorSchemaRoot root, OutputStream out, int maxRows, long maxBytes) {
    EncodableTypes.check(root.getSchema());
    IpcOutput ipc = new IpcOutput(out);
    ipc.schema(root.getSchema());
    int rows = root.getRowCount();
    if (rows > 0) {
      long bytes = 0;
      for (FieldVector vector : root.getFieldVectors()) {
        bytes += vector.getBufferSize();
      }
      long perBatch = Math.min(maxRows, Math.max(1, bytes <= maxBytes ? rows : rows * maxBytes / bytes));
      for (int start = 0; start < rows; start += (int) perBatch) {
        int length = (int) Math.min(perBatch, rows - start);
        if (start == 0 && length == rows) {
          batch(ipc, root);
        } else {
          try (VectorSchemaRoot slice = root.slice(start, length)) {
            batch(ipc, slice);
          }
        }
      }
    }
    ipc.end();
    return rows;
  }

  private static void batch(IpcOutput ipc, VectorSchemaRoot root) {
    try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
      List<long[]> nodes = new ArrayList<>();
      for (ArrowFieldNode node : batch.getNodes()) {
        nodes.add(new long[] {node.getLength(), node.getNullCount()});
      }
      List<BodyPart> buffers = new ArrayList<>();
      for (ArrowBuf buffer : batch.getBuffers()) {
        buffers.add(new BufPart(buffer));
      }
      ipc.batch(batch.getLength(), nodes, buffers);
    }
  }

  /** An Arrow buffer, copied out through a heap array. */
  private static final class BufPart implements BodyPart {
    private final ArrowBuf buffer;

    BufPart(ArrowBuf buffer) {
      this.buffer = buffer;
    }

    @Override
    public long size() {
      return buffer.readableBytes();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      long size = size();
      byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, size)];
      for (long done = 0; done < size; ) {
        int n = (int) Math.min(chunk.length, size - done);
        buffer.getBytes(buffer.readerIndex() + done, chunk, 0, n);
        out.write(chunk, 0, n);
        done += n;
      }
    }
  }
}
