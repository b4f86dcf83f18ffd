package io.sparkconnect.arrow;

import io.sparkconnect.arrow.internal.ColumnCopier;
import io.sparkconnect.arrow.internal.StreamChannel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decodes Arrow IPC streams, as Spark Connect sends them in each {@code ArrowBatch}, into one reused {@link
 * VectorSchemaRoot}. It parses the IPC framing itself and copies bodies into Arrow memory with plain memory
 * copies, so no {@code --add-opens} is needed on Java 17+. Not thread-safe; close it to free its memory.
 */
public final class ArrowStreamDecoder implements AutoCloseable {
  private static final int COPY_CHUNK = 64 * 1024;

  private final BufferAllocator allocator;
  private final boolean ownsAllocator;
  private final byte[] copyBuffer = new byte[COPY_CHUNK];
  private VectorSchemaRoot root;
  private Schema schema;

  private ArrowStreamDecoder(BufferAllocator allocator, boolean ownsAllocator) {
    this.allocator = allocator;
    this.ownsAllocator = ownsAllocator;
  }

  /** A decoder with its own allocator, limited to {@code maxBytes} of Arrow memory. */
  public static ArrowStreamDecoder create(long maxBytes) {
    return new ArrowStreamDecoder(new RootAllocator(maxBytes), true);
  }

  /** A decoder that allocates from a child of {@code parent}, for leak accounting per result. */
  public static ArrowStreamDecoder withParent(BufferAllocator parent, String name) {
    return new ArrowStreamDecoder(parent.newChildAllocator(name, 0, parent.getLimit()), true);
  }

  /** The schema of the last stream read, or null before the first. */
  public Schema schema() {
    return schema;
  }

  /**
   * Reads one complete IPC stream and hands each record batch to {@code onBatch} loaded into the shared root. The
   * root is only valid during the call.
   *
   * @return the number of rows read
   * @throws ArrowDecodingException if the stream is malformed or uses dictionaries or compression
   */
  public long read(InputStream ipcStream, Consumer<VectorSchemaRoot> onBatch) {
    ReadChannel channel = new ReadChannel(new StreamChannel(ipcStream));
    long rows = 0;
    try {
      for (MessageMetadataResult message = MessageSerializer.readMessage(channel); message != null;
          message = MessageSerializer.readMessage(channel)) {
        byte type = message.getMessage().headerType();
        if (type == MessageHeader.Schema) {
          useSchema(MessageSerializer.deserializeSchema(message.getMessage()));
          skipBody(ipcStream, message.getMessageBodyLength());
        } else if (type == MessageHeader.RecordBatch) {
          if (root == null) {
            throw new ArrowDecodingException("Arrow record batch arrived before its schema");
          }
          loadBatch(ipcStream, message);
          rows += root.getRowCount();
          onBatch.accept(root);
        } else {
          throw new ArrowDecodingException("Unsupported Arrow IPC message type " + MessageHeader.name(type)
              + "; Spark Connect results use only schema and record batch messages");
        }
      }
    } catch (IOException e) {
      throw new ArrowDecodingException("Malformed Arrow IPC stream: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Reads one complete IPC stream and copies every record batch out of Arrow memory. */
  public List<DecodedBatch> decode(InputStream ipcStream) {
    List<DecodedBatch> batches = new ArrayList<>();
    read(ipcStream, loaded -> batches.add(copy(loaded)));
    return batches;
  }

  /** Copies the rows of a loaded root into a {@link DecodedBatch}. */
  public static DecodedBatch copy(VectorSchemaRoot loaded) {
    List<String> names = new ArrayList<>();
    List<DecodedColumn> columns = new ArrayList<>();
    for (FieldVector vector : loaded.getFieldVectors()) {
      names.add(vector.getField().getName());
      columns.add(ColumnCopier.copy(vector));
    }
    return new DecodedBatch(names, columns, loaded.getRowCount());
  }

  private void useSchema(Schema next) {
    if (next.equals(schema)) {
      return;
    }
    if (root != null) {
      root.close();
    }
    schema = next;
    root = VectorSchemaRoot.create(next, allocator);
  }

  private void loadBatch(InputStream in, MessageMetadataResult message) throws IOException {
    RecordBatch header = (RecordBatch) message.getMessage().header(new RecordBatch());
    if (header == null) {
      throw new ArrowDecodingException("Arrow record batch message has no header");
    }
    if (header.compression() != null) {
      throw new ArrowDecodingException("Compressed Arrow batches are not supported; unset "
          + "spark.sql.execution.arrow.compression.codec or set it to none on the server");
    }
    ArrowBuf body = readBody(in, message.getMessageBodyLength());
    try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(header, body)) {
      new VectorLoader(root).load(batch);
    }
  }

  private ArrowBuf readBody(InputStream in, long length) throws IOException {
    ArrowBuf body = allocator.buffer(length);
    try {
      long offset = 0;
      while (offset < length) {
        int wanted = (int) Math.min(copyBuffer.length, length - offset);
        int read = in.readNBytes(copyBuffer, 0, wanted);
        if (read < wanted) {
          throw new ArrowDecodingException("Arrow IPC stream ended inside a record batch body: expected "
              + length + " bytes, got " + (offset + read));
        }
        body.setBytes(offset, copyBuffer, 0, read);
        offset += read;
      }
      return body;
    } catch (IOException | RuntimeException e) {
      body.close();
      throw e;
    }
  }

  private static void skipBody(InputStream in, long length) throws IOException {
    if (length > 0 && in.skip(length) != length) {
      throw new ArrowDecodingException("Arrow IPC stream ended inside a message body");
    }
  }

  @Override
  public void close() {
    if (root != null) {
      root.close();
      root = null;
    }
    if (ownsAllocator) {
      allocator.close();
    }
  }
}
