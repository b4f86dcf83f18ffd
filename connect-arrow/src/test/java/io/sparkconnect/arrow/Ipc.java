package io.sparkconnect.arrow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBodyCompression;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Test support: writes Arrow IPC streams, locates fields inside them to corrupt, and builds schemas. */
final class Ipc {
  private Ipc() {}

  // ---- writing --------------------------------------------------------------------------------------------

  /** A stream of the root's schema, one record batch per {@code fill} call, and the end-of-stream marker. */
  @SafeVarargs
  static byte[] write(BufferAllocator allocator, Schema schema, Consumer<VectorSchemaRoot>... fills) {
    return write(allocator, schema, CompressionUtil.CodecType.NO_COMPRESSION, fills);
  }

  /** Like {@link #write(BufferAllocator, Schema, Consumer[])}, every record batch compressed with {@code codec}. */
  @SafeVarargs
  static byte[] write(BufferAllocator allocator, Schema schema, CompressionUtil.CodecType codec,
      Consumer<VectorSchemaRoot>... fills) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out), IpcOption.DEFAULT,
          Compressors.INSTANCE, codec)) {
        writer.start();
        for (Consumer<VectorSchemaRoot> fill : fills) {
          root.clear();
          root.allocateNew();
          fill.accept(root);
          writer.writeBatch();
        }
        writer.end();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A stream of {@code schema} and one compressed record batch of {@code rows} rows with these field nodes and
   * buffers, each given as the wire carries it (uncompressed length prefix included).
   */
  static byte[] compressedStream(Schema schema, long rows, List<ArrowFieldNode> nodes, List<byte[]> buffers,
      byte codec, byte method) {
    try (RootAllocator allocator = new RootAllocator()) {
      List<ArrowBuf> bufs = new ArrayList<>();
      for (byte[] bytes : buffers) {
        ArrowBuf buf = allocator.buffer(bytes.length);
        buf.setBytes(0, bytes);
        buf.writerIndex(bytes.length);
        bufs.add(buf);
      }
      byte[] batch;
      try (ArrowRecordBatch record = new ArrowRecordBatch((int) rows, nodes, bufs,
          new ArrowBodyCompression(codec, method))) {
        batch = batchMessage(record);
      } finally {
        bufs.forEach(ArrowBuf::close);
      }
      return concat(schemaMessage(schema), batch, new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
    }
  }

  /** Only a schema message. */
  static byte[] schemaMessage(Schema schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /** Only a record batch message. */
  static byte[] batchMessage(ArrowRecordBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), batch);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** {@code ipc} split into {@code n} chunks of about equal size. */
  static List<ByteBuffer> split(byte[] ipc, int n) {
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int from = (int) ((long) ipc.length * i / n);
      int to = (int) ((long) ipc.length * (i + 1) / n);
      chunks.add(ByteBuffer.wrap(Arrays.copyOfRange(ipc, from, to)));
    }
    return chunks;
  }

  /**
   * Feeds {@code chunks} to {@code decoder} as the chunks of one batch announcing {@code rows} rows, then finishes:
   * each decoded batch goes to {@code vectors} when that is not null, otherwise every value of it is read.
   */
  static void decodeAll(ResultDecoder decoder, List<ByteBuffer> chunks, long rows,
      Consumer<VectorSchemaRoot> vectors) {
    for (int c = 0; c < chunks.size(); c++) {
      ArrowChunk chunk = ArrowChunk.of(chunks.get(c), rows, 0, c, chunks.size());
      if (vectors != null) {
        decoder.forEach(chunk, vectors);
      } else {
        for (DecodedBatch batch : decoder.add(chunk)) {
          for (int col = 0; col < batch.columnCount(); col++) {
            for (int row = 0; row < batch.rowCount(); row++) {
              batch.column(col).get(row);
            }
          }
        }
      }
    }
    decoder.finish();
  }

  static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }

  // ---- schemas --------------------------------------------------------------------------------------------

  static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.nullable(type), List.of(children));
  }

  static Field required(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.notNullable(type), List.of(children));
  }

  /** A map field as Spark writes it: entries of a required key and a nullable value. */
  static Field mapField(String name, ArrowType keyType, Field value) {
    return field(name, new ArrowType.Map(false),
        required("entries", ArrowType.Struct.INSTANCE, required("key", keyType), value));
  }

  static ResultField leaf(String name, FieldKind kind) {
    return ResultField.of(name, kind, "api:" + name, List.of());
  }

  static ResultField struct(String name, ResultField... children) {
    return ResultField.of(name, FieldKind.STRUCT, "api:" + name, List.of(children));
  }

  static ResultField array(String name, ResultField element) {
    return ResultField.of(name, FieldKind.ARRAY, "api:" + name, List.of(element));
  }

  static ResultField map(String name, ResultField key, ResultField value) {
    return ResultField.of(name, FieldKind.MAP, "api:" + name, List.of(key, value));
  }

  // ---- locating fields in a stream --------------------------------------------------------------------------

  /** One message of a stream: where its length prefix, metadata and body lie. */
  record Message(int start, int lengthPosition, int metadataStart, int metadataLength, int bodyStart,
      long bodyLength) {
    int end() {
      return (int) (bodyStart + bodyLength);
    }
  }

  static int getInt(byte[] ipc, int position) {
    return ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN).getInt(position);
  }

  static long getLong(byte[] ipc, int position) {
    return ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN).getLong(position);
  }

  static void putInt(byte[] ipc, int position, int value) {
    ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN).putInt(position, value);
  }

  static void putLong(byte[] ipc, int position, long value) {
    ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN).putLong(position, value);
  }

  /** The messages of a well-formed stream, without its end-of-stream marker. */
  static List<Message> messages(byte[] ipc) {
    List<Message> messages = new ArrayList<>();
    int position = 0;
    while (position + 4 <= ipc.length) {
      int start = position;
      int lengthPosition = getInt(ipc, position) == -1 ? position + 4 : position;
      int length = getInt(ipc, lengthPosition);
      if (length == 0) {
        break;
      }
      int metadataStart = lengthPosition + 4;
      Message shell = new Message(start, lengthPosition, metadataStart, length, metadataStart + length, 0);
      int bodyLengthPosition = field(ipc, shell, table(ipc, shell), 3);
      long bodyLength = bodyLengthPosition < 0 ? 0 : getLong(ipc, bodyLengthPosition);
      Message message = new Message(start, lengthPosition, metadataStart, length, metadataStart + length,
          bodyLength);
      messages.add(message);
      position = message.end();
    }
    return messages;
  }

  /** The position of the message table. */
  static int table(byte[] ipc, Message message) {
    return message.metadataStart() + getInt(ipc, message.metadataStart());
  }

  /** The position of field {@code slot} of the table at {@code table}, or -1 if absent. */
  static int field(byte[] ipc, Message message, int table, int slot) {
    int vtable = table - getInt(ipc, table);
    ByteBuffer bb = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
    int entry = 4 + 2 * slot;
    if (entry >= bb.getShort(vtable)) {
      return -1;
    }
    int offset = bb.getShort(vtable + entry);
    return offset == 0 ? -1 : table + offset;
  }

  static int reference(byte[] ipc, Message message, int table, int slot) {
    int position = field(ipc, message, table, slot);
    return position + getInt(ipc, position);
  }

  static int headerTypePosition(byte[] ipc, Message message) {
    return field(ipc, message, table(ipc, message), 1);
  }

  static int bodyLengthPosition(byte[] ipc, Message message) {
    return field(ipc, message, table(ipc, message), 3);
  }

  /** The position of a record batch message's row count. */
  static int rowCountPosition(byte[] ipc, Message message) {
    return field(ipc, message, reference(ipc, message, table(ipc, message), 2), 0);
  }

  /** The position of field node {@code i} (its length; its null count follows 8 bytes later). */
  static int nodePosition(byte[] ipc, Message message, int i) {
    int vector = reference(ipc, message, reference(ipc, message, table(ipc, message), 2), 1);
    return vector + 4 + 16 * i;
  }

  /** The number of field nodes of a record batch message. */
  static int nodeCount(byte[] ipc, Message message) {
    return getInt(ipc, reference(ipc, message, reference(ipc, message, table(ipc, message), 2), 1));
  }

  /** The number of buffers of a record batch message. */
  static int bufferCount(byte[] ipc, Message message) {
    return getInt(ipc, reference(ipc, message, reference(ipc, message, table(ipc, message), 2), 2));
  }

  /** Whether a record batch message declares body compression. */
  static boolean compressed(byte[] ipc, Message message) {
    return field(ipc, message, reference(ipc, message, table(ipc, message), 2), 3) >= 0;
  }

  /** The position of buffer {@code i} (its offset; its length follows 8 bytes later). */
  static int bufferPosition(byte[] ipc, Message message, int i) {
    int vector = reference(ipc, message, reference(ipc, message, table(ipc, message), 2), 2);
    return vector + 4 + 16 * i;
  }
}
