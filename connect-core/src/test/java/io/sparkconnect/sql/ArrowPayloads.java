package io.sparkconnect.sql;

import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow IPC streams of (id bigint not null, s string) rows, serialized by Arrow Java as a server would: row i is
 * (i, "s" + i), with s null for every fourth row. Its buffers are written through byte arrays, since Arrow's own
 * channel needs {@code --add-opens}, which connect-core's tests run without.
 */
final class ArrowPayloads {
  /** The Spark schema of the rows. */
  static final StructType SCHEMA = new StructType(List.of(new StructField("id", DataTypes.LongType, false),
      new StructField("s", DataTypes.StringType, true)));

  private ArrowPayloads() {}

  /** The string of row {@code i}, or null. */
  static String string(long i) {
    return i % 4 == 3 ? null : "s" + i;
  }

  /** One IPC stream of rows {@code first} to {@code first + rows - 1}, s as Utf8 as Spark sends it. */
  static byte[] rows(long first, int rows) {
    return write(first, rows, ArrowType.Utf8.INSTANCE);
  }

  /** The same rows with s as LargeUtf8, as a server with {@code useLargeVarTypes} sends them. */
  static byte[] largeStringRows(long first, int rows) {
    return write(first, rows, ArrowType.LargeUtf8.INSTANCE);
  }

  /** The same rows with s dictionary-encoded (dictionary of the distinct strings, 32-bit indices). */
  static byte[] dictionaryRows(long first, int rows) {
    try (BufferAllocator allocator = new RootAllocator();
        BigIntVector ids = new BigIntVector(new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)),
            null), allocator);
        VarCharVector strings = new VarCharVector("s", allocator);
        VarCharVector words = new VarCharVector("words", allocator)) {
      fill(ids, strings, first, rows);
      words.allocateNew();
      int distinct = 0;
      for (int i = 0; i < rows; i++) {
        if (string(first + i) != null) {
          words.setSafe(distinct++, string(first + i).getBytes(StandardCharsets.UTF_8));
        }
      }
      words.setValueCount(distinct);
      DictionaryEncoding encoding = new DictionaryEncoding(7, false, new ArrowType.Int(32, true));
      Dictionary dictionary = new Dictionary(words, encoding);
      Schema schema = new Schema(List.of(ids.getField(),
          new Field("s", new FieldType(true, ArrowType.Utf8.INSTANCE, encoding), null)));
      VectorSchemaRoot values = new VectorSchemaRoot(List.of(words));
      values.setRowCount(distinct);
      try (FieldVector encoded = (FieldVector) DictionaryEncoder.encode(strings, dictionary);
          ArrowRecordBatch data = new VectorUnloader(values).getRecordBatch();
          ArrowDictionaryBatch dictionaryBatch = new ArrowDictionaryBatch(7, data, false)) {
        return write(schema, dictionaryBatch, new VectorSchemaRoot(List.of(ids, encoded)), rows);
      }
    }
  }

  private static byte[] write(long first, int rows, ArrowType stringType) {
    Schema schema = new Schema(List.of(new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
        new Field("s", FieldType.nullable(stringType), null)));
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      BigIntVector ids = (BigIntVector) root.getVector("id");
      FieldVector strings = root.getVector("s");
      for (int i = 0; i < rows; i++) {
        ids.setSafe(i, first + i);
        String value = string(first + i);
        if (value == null) {
          strings.setNull(i);
        } else if (strings instanceof VarCharVector) {
          ((VarCharVector) strings).setSafe(i, value.getBytes(StandardCharsets.UTF_8));
        } else {
          ((LargeVarCharVector) strings).setSafe(i, value.getBytes(StandardCharsets.UTF_8));
        }
      }
      ids.setValueCount(rows);
      strings.setValueCount(rows);
      return write(schema, null, root, rows);
    }
  }

  private static void fill(BigIntVector ids, VarCharVector strings, long first, int rows) {
    ids.allocateNew(rows);
    strings.allocateNew();
    for (int i = 0; i < rows; i++) {
      ids.set(i, first + i);
      String value = string(first + i);
      if (value == null) {
        strings.setNull(i);
      } else {
        strings.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
      }
    }
    ids.setValueCount(rows);
    strings.setValueCount(rows);
  }

  private static byte[] write(Schema schema, ArrowDictionaryBatch dictionary, VectorSchemaRoot root, int rows) {
    root.setRowCount(rows);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WriteChannel channel = new ArrayWriteChannel(out);
    try {
      MessageSerializer.serialize(channel, schema);
      if (dictionary != null) {
        MessageSerializer.serialize(channel, dictionary);
      }
      try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
        MessageSerializer.serialize(channel, batch);
      }
      ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /** A channel writing Arrow buffers through byte arrays. */
  private static final class ArrayWriteChannel extends WriteChannel {
    ArrayWriteChannel(ByteArrayOutputStream out) {
      super(Channels.newChannel(out));
    }

    @Override
    public void write(ArrowBuf buffer) throws IOException {
      byte[] bytes = new byte[(int) buffer.readableBytes()];
      buffer.getBytes(buffer.readerIndex(), bytes);
      write(bytes);
    }
  }
}
