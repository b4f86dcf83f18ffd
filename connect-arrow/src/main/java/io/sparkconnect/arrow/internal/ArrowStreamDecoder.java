package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Decodes the Arrow IPC stream of one batch, read from its chunks in sequence, into vectors reused while the schema
 * stays the same. It parses the IPC framing itself and trusts no size from the wire: metadata and body lengths
 * must fit in the bytes actually present, the metadata flatbuffer is checked before Arrow reads it, and field nodes
 * and buffers are checked against the body before anything is allocated and validated after loading. Compressed
 * batches (LZ4_FRAME or ZSTD, which 4.1+ servers send when {@code spark.sql.execution.arrow.compression.codec} is
 * set) are decompressed with the same checks, their uncompressed lengths bounded first. Dictionary batches (deltas
 * included) are loaded the same way, and dictionary-encoded columns are decoded before the listener sees them.
 * Bodies are read in place from a stream in one direct buffer, and otherwise copied into Arrow memory with plain
 * memory copies; neither needs {@code --add-opens} on Java 17+.
 * Not thread-safe; close it to free its memory.
 */
public final class ArrowStreamDecoder implements AutoCloseable {
  private static final int COPY_CHUNK = 64 * 1024;
  /** The largest compressed body read: it is decompressed from a Java array. */
  private static final long MAX_COMPRESSED_BODY = Integer.MAX_VALUE - 8;

  /** What receives each loaded record batch. */
  @FunctionalInterface
  public interface BatchSink {
    /** A record batch of {@code rowCount} rows, loaded and validated; its vectors are valid only during the call. */
    void batch(List<FieldVector> vectors, int rowCount);
  }

  /**
   * What a stream's messages are handed to. Schemas are lists of fields: Arrow's {@code Schema} builds a Jackson
   * mapper when its class is first used, which took about 0.45 s of a cold start.
   */
  public interface Listener extends BatchSink {
    /** A schema message's fields, after their types were checked; called before any vector is made for them. */
    void schema(List<Field> schema);

    /** A record batch of {@code rows} rows is about to be loaded. */
    default void beforeBatch(long rows) {}
  }

  private final BufferAllocator allocator;
  private final long maxBytes;
  /** Where bytes of read-only buffers pass on their way into Arrow memory; grows up to COPY_CHUNK as bodies need. */
  private byte[] copyBuffer = new byte[0];
  /** The vectors of the current schema, reused by its batches; owned by this decoder. */
  private List<FieldVector> vectors;
  private List<Field> schema;
  private final KnownSchema knownSchema = new KnownSchema();
  private BufferCodec lz4;
  private BufferCodec zstd;
  private boolean closed;

  private ArrowStreamDecoder(BufferAllocator allocator, long maxBytes) {
    this.allocator = allocator;
    this.maxBytes = maxBytes;
  }

  /** A decoder with its own allocator, limited to {@code maxBytes} of Arrow memory. */
  public static ArrowStreamDecoder create(long maxBytes) {
    return new ArrowStreamDecoder(new RootAllocator(maxBytes), maxBytes);
  }

  /**
   * Reads one complete IPC stream, given as the chunks it arrived in. Dictionary batches are kept for the stream
   * only, and dictionary-encoded columns are handed to the listener decoded, as vectors of their values. A stream
   * in one direct buffer is read in place where {@link DirectMemory#available()}: uncompressed bodies are not
   * copied, and the vectors point into the buffer until the next stream is loaded or the decoder closes.
   *
   * @param announcedRows the rows the server announced for the stream: its record batches must hold exactly these
   * @return the number of rows read
   * @throws ArrowDecodingException if the stream is malformed, disagrees with the announced rows, or uses types
   *     Spark does not send; exceptions of the listener pass unchanged
   */
  public long read(List<ByteBuffer> chunks, long announcedRows, Listener listener) {
    if (closed) {
      throw new IllegalStateException("The Arrow decoder is closed");
    }
    ArrowBuf inPlace = chunks.size() == 1 && chunks.get(0).isDirect() && DirectMemory.available()
        ? inPlace(chunks.get(0)) : null;
    try {
      return read(new ChunkInput(chunks), inPlace, announcedRows, listener);
    } finally {
      if (inPlace != null) {
        inPlace.close(); // the vectors keep their own references
      }
    }
  }

  /** Arrow memory over the remaining bytes of a direct buffer, which it keeps reachable until released. */
  private ArrowBuf inPlace(ByteBuffer chunk) {
    ByteBuffer bytes = chunk.duplicate();
    long address = DirectMemory.address(bytes);
    return withinLimit(() -> allocator.wrapForeignAllocation(new ForeignAllocation(bytes.remaining(), address) {
      private ByteBuffer keptReachable = bytes;

      @Override
      protected void release0() {
        keptReachable = null;
      }
    }), "The " + bytes.remaining() + " bytes of an Arrow batch read in place");
  }

  private long read(ChunkInput in, ArrowBuf inPlace, long announcedRows, Listener listener) {
    long rows = 0;
    Dictionaries dictionaries = null;
    try {
      for (ByteBuffer metadata = nextMetadata(in); metadata != null; metadata = nextMetadata(in)) {
        boolean known = knownSchema.is(metadata);
        Message message = message(metadata, known);
        // Scalars are read under guard too: a field may sit at the very end of a (checked) table and the message.
        byte type = guarded(message::headerType);
        long bodyLength = guarded(message::bodyLength);
        if (bodyLength < 0 || bodyLength > in.remaining()) {
          throw new ArrowDecodingException("Arrow IPC message declares a body of " + bodyLength + " bytes but "
              + in.remaining() + " bytes are left in the batch; the stream is truncated or corrupt");
        }
        if (type == MessageHeader.Schema) {
          if (dictionaries != null) {
            throw new ArrowDecodingException("An Arrow IPC stream holds a second schema message; a stream has one");
          }
          List<Field> next = known ? knownSchema.fields() : readSchema(message);
          if (!known) {
            knownSchema.remember(metadata, next);
          }
          in.skip(bodyLength);
          listener.schema(next);
          useSchema(next);
          dictionaries = new Dictionaries(next, allocator);
        } else if (type == MessageHeader.RecordBatch) {
          if (dictionaries == null) {
            throw new ArrowDecodingException("Arrow record batch arrived before its schema message");
          }
          rows += readBatch(in, inPlace, recordBatchHeader(message), bodyLength, announcedRows - rows,
              announcedRows, dictionaries, listener);
        } else if (type == MessageHeader.DictionaryBatch) {
          if (dictionaries == null) {
            throw new ArrowDecodingException("Arrow dictionary batch arrived before its schema message");
          }
          readDictionary(in, inPlace, message, bodyLength, dictionaries);
        } else {
          throw new ArrowDecodingException("Unsupported Arrow IPC message type " + type + " ("
              + (type >= 0 && type < MessageHeader.names.length ? MessageHeader.name(type) : "unknown")
              + "); Spark Connect results use only schema, dictionary and record batch messages");
        }
      }
    } finally {
      if (dictionaries != null) {
        dictionaries.close();
      }
    }
    if (rows != announcedRows) {
      throw new ArrowDecodingException("An Arrow batch announced " + announcedRows + " rows but holds " + rows);
    }
    return rows;
  }

  /** Loads a record batch of at most {@code rowsLeft} rows and hands it to the listener; returns its rows. */
  private long readBatch(ChunkInput in, ArrowBuf inPlace, RecordBatch header, long bodyLength, long rowsLeft,
      long announcedRows, Dictionaries dictionaries, Listener listener) {
    BufferCodec codec = codec(header);
    long length = guarded(header::length);
    if (length < 0 || length > rowsLeft) {
      throw new ArrowDecodingException("An Arrow batch announced " + announcedRows + " rows but holds "
          + (length < 0 ? "a record batch of " + length : "at least " + (announcedRows - rowsLeft + length)));
    }
    BufferLayout wire = guarded(() -> BufferLayout.of(header, bodyLength));
    checkBeforeLoad(schema, header, wire, codec, length);
    listener.beforeBatch(length);
    loadBody(in, inPlace, header, wire, codec, schema, vectors, length);
    BatchCheck.afterLoad(vectors);
    if (!dictionaries.encodes()) {
      listener.batch(vectors, (int) length);
      return length;
    }
    List<FieldVector> decoded = withinLimit(() -> dictionaries.decode(vectors), "The decoded dictionary columns");
    try {
      listener.batch(decoded, (int) length);
    } finally {
      dictionaries.release(decoded);
    }
    return length;
  }

  /** Loads a dictionary batch into the stream's dictionaries. */
  private void readDictionary(ChunkInput in, ArrowBuf inPlace, Message message, long bodyLength,
      Dictionaries dictionaries) {
    DictionaryBatch header = guarded(() -> {
      DictionaryBatch dictionary = (DictionaryBatch) message.header(new DictionaryBatch());
      if (dictionary == null || dictionary.data() == null) {
        throw new ArrowDecodingException("Arrow dictionary batch message has no record batch");
      }
      return dictionary;
    });
    long id = guarded(header::id);
    boolean delta = guarded(header::isDelta);
    RecordBatch data = guarded(header::data);
    Field field = dictionaries.valueField(id);
    BufferCodec codec = codec(data);
    long length = guarded(data::length);
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new ArrowDecodingException("Arrow dictionary " + id + " declares " + length + " values");
    }
    BufferLayout wire = guarded(() -> BufferLayout.of(data, bodyLength));
    List<Field> fields = List.of(field);
    checkBeforeLoad(fields, data, wire, codec, length);
    FieldVector values = guarded(() -> field.createVector(allocator));
    try {
      loadBody(in, inPlace, data, wire, codec, fields, List.of(values), length);
      BatchCheck.afterLoad(List.of(values));
    } catch (RuntimeException | Error e) {
      values.close();
      throw e;
    }
    dictionaries.add(id, values, delta);
  }

  /** The framing and, for an uncompressed body, the buffer sizes of a batch, before anything is allocated. */
  private static void checkBeforeLoad(List<Field> fields, RecordBatch header, BufferLayout wire, BufferCodec codec,
      long length) {
    guardedRun(() -> BatchCheck.framing(fields, header, wire, length));
    if (codec == null) {
      guardedRun(() -> BatchCheck.sizes(fields, header, wire, length, false));
    }
  }

  /** The next message's metadata bytes, unchecked, or null at the end of the stream. */
  private static ByteBuffer nextMetadata(ChunkInput in) {
    if (in.remaining() == 0) {
      return null;
    }
    if (in.remaining() < 4) {
      throw truncated("a message length prefix", 4, in.remaining());
    }
    int length = in.readInt();
    if (length == -1) { // continuation marker, then the length
      if (in.remaining() < 4) {
        throw truncated("a message length prefix", 4, in.remaining());
      }
      length = in.readInt();
    }
    if (length == 0) {
      return null; // end-of-stream marker
    }
    if (length < 0) {
      throw new ArrowDecodingException("Arrow IPC message declares a negative metadata length " + length);
    }
    if (length > in.remaining()) {
      throw truncated("message metadata", length, in.remaining());
    }
    return in.read(length);
  }

  /** A message's metadata, checked unless it is the known schema message, which was checked when it was parsed. */
  private static Message message(ByteBuffer metadata, boolean known) {
    Message message = guarded(() -> {
      if (!known) {
        MessageCheck.check(metadata);
      }
      return Message.getRootAsMessage(metadata);
    });
    short version = guarded(message::version);
    if (version < MetadataVersion.V4) {
      throw new ArrowDecodingException("Arrow IPC metadata version " + version + " is not supported; V4 or later "
          + "expected");
    }
    return message;
  }

  private static ArrowDecodingException truncated(String what, long length, long left) {
    return new ArrowDecodingException("Arrow IPC stream is truncated or corrupt: " + what + " of " + length
        + " bytes does not fit in the " + left + " bytes left in the batch");
  }

  private static List<Field> readSchema(Message message) {
    List<Field> schema = guarded(() -> {
      org.apache.arrow.flatbuf.Schema header =
          (org.apache.arrow.flatbuf.Schema) message.header(new org.apache.arrow.flatbuf.Schema());
      if (header == null) {
        throw new ArrowDecodingException("Arrow schema message has no schema");
      }
      if (header.endianness() != org.apache.arrow.flatbuf.Endianness.Little) {
        throw new ArrowDecodingException("Arrow schema is big-endian; only little-endian data is supported");
      }
      List<Field> fields = new ArrayList<>(header.fieldsLength());
      for (int i = 0; i < header.fieldsLength(); i++) {
        fields.add(Field.convertField(header.fields(i)));
      }
      return List.copyOf(fields);
    });
    ArrowTypes.checkLoadable(schema);
    return schema;
  }

  private static RecordBatch recordBatchHeader(Message message) {
    return guarded(() -> {
      RecordBatch header = (RecordBatch) message.header(new RecordBatch());
      if (header == null) {
        throw new ArrowDecodingException("Arrow record batch message has no header");
      }
      return header;
    });
  }

  /** The codec of a compressed record batch, or null if it is not compressed. */
  private BufferCodec codec(RecordBatch header) {
    BodyCompression compression = guarded(header::compression);
    if (compression == null) {
      return null;
    }
    byte method = guarded(compression::method);
    byte type = guarded(compression::codec);
    if (method != BodyCompressionMethod.BUFFER) {
      throw new ArrowDecodingException("Arrow record batch uses the unknown body compression method " + method
          + "; Arrow defines only BUFFER (0)");
    }
    try {
      if (type == CompressionType.LZ4_FRAME) {
        return lz4 != null ? lz4 : (lz4 = new Lz4FrameCodec());
      }
      if (type == CompressionType.ZSTD) {
        return zstd != null ? zstd : (zstd = new ZstdCodec());
      }
    } catch (LinkageError e) {
      throw new ArrowDecodingException("Cannot decompress " + CompressionType.name(type) + "-compressed Arrow "
          + "batches on this JVM (" + e + "); set spark.sql.execution.arrow.compression.codec to none on the "
          + "server", e);
    }
    throw new ArrowDecodingException("Arrow record batch is compressed with the unknown codec " + type + "; Arrow "
        + "defines LZ4_FRAME (0) and ZSTD (1)");
  }

  /** Makes vectors for the schema's record batches, in which dictionary-encoded columns hold indices. */
  private void useSchema(List<Field> next) {
    List<Field> indices = Dictionaries.indexFields(next);
    if (indices.equals(schema)) {
      return;
    }
    if (vectors != null) {
      vectors.forEach(FieldVector::close);
      vectors = null;
      schema = null;
    }
    List<FieldVector> made = new ArrayList<>(indices.size());
    try {
      for (Field field : indices) {
        made.add(guarded(() -> field.createVector(allocator)));
      }
    } catch (RuntimeException | Error e) {
      made.forEach(FieldVector::close);
      throw e;
    }
    vectors = List.copyOf(made);
    schema = indices;
  }

  /**
   * Reads a batch's body, decompressing it if {@code codec} is set, and loads it into {@code targets}, the vectors
   * of {@code fields}; the header was checked against the fields and the body. Arrow's {@code VectorLoader} is not
   * used: it ends with {@code VectorSchemaRoot.setRowCount}, which sets the value count of every vector again and so
   * resizes a list's elements to the list's last offset, read from the wire, before anything could check it. Here
   * every vector keeps the counts of its own field node.
   */
  private void loadBody(ChunkInput in, ArrowBuf inPlace, RecordBatch header, BufferLayout wire, BufferCodec codec,
      List<Field> fields, List<FieldVector> targets, long length) {
    if (codec == null && inPlace != null) {
      ArrowBuf body = inPlace.slice(in.consumed(), wire.bodyLength()); // shares inPlace's reference count
      in.skip(wire.bodyLength());
      loadVectors(header, body, wire, targets);
      return;
    }
    if (codec == null) {
      ArrowBuf body = allocate(wire.bodyLength(), "An Arrow record batch body");
      try {
        in.copyTo(body, wire.bodyLength(), copyBuffer(wire.bodyLength()));
        loadVectors(header, body, wire, targets);
      } finally {
        body.close();
      }
      return;
    }
    loadCompressed(in, header, wire, codec, fields, targets, length);
  }

  private byte[] copyBuffer(long bodyLength) {
    if (copyBuffer.length < Math.min(COPY_CHUNK, bodyLength)) {
      copyBuffer = new byte[(int) Math.min(COPY_CHUNK, bodyLength)];
    }
    return copyBuffer;
  }

  /**
   * Reads a compressed body, checks the buffers' uncompressed lengths (bounded by their compressed bytes) against
   * the field nodes before allocating memory for them, then decompresses and loads them.
   */
  private void loadCompressed(ChunkInput in, RecordBatch header, BufferLayout wire, BufferCodec codec,
      List<Field> fields, List<FieldVector> targets, long length) {
    if (wire.bodyLength() > MAX_COMPRESSED_BODY) {
      throw new ArrowDecodingException("A compressed Arrow record batch body of " + wire.bodyLength() + " bytes is "
          + "larger than this client decompresses (" + MAX_COMPRESSED_BODY + "); have the server send smaller "
          + "batches (spark.connect.grpc.arrow.maxBatchSize)");
    }
    byte[] bytes = in.readBytes((int) wire.bodyLength());
    CompressedBody compressed = guarded(() -> CompressedBody.read(bytes, wire, codec, BatchCheck.bufferNames(fields)));
    guardedRun(() -> BatchCheck.sizes(fields, header, compressed.layout(), length, true));
    ArrowBuf body = allocate(compressed.layout().bodyLength(), "A decompressed Arrow record batch body");
    try {
      guardedRun(() -> compressed.decompressInto(body));
      loadVectors(header, body, compressed.layout(), targets);
    } finally {
      body.close();
    }
  }

  private static void loadVectors(RecordBatch header, ArrowBuf body, BufferLayout buffers,
      List<FieldVector> targets) {
    Loader loader = new Loader(header, body, buffers);
    guardedRun(() -> {
      for (FieldVector vector : targets) {
        loader.load(vector, vector.getField());
      }
    });
  }

  /** Loads field nodes and buffers, in the order of the schema, into vectors. */
  private static final class Loader {
    private final RecordBatch header;
    private final ArrowBuf body;
    private final BufferLayout buffers;
    private final FieldNode node = new FieldNode();
    private int nodes;
    private int next;

    Loader(RecordBatch header, ArrowBuf body, BufferLayout buffers) {
      this.header = header;
      this.body = body;
      this.buffers = buffers;
    }

    void load(FieldVector vector, Field field) {
      header.nodes(node, nodes++);
      ArrowFieldNode fieldNode = new ArrowFieldNode(node.length(), node.nullCount());
      int count = ArrowTypes.layout(field.getType()).size();
      List<ArrowBuf> own = new ArrayList<>(count);
      for (int i = 0; i < count; i++, next++) {
        own.add(body.slice(buffers.offset(next), buffers.length(next)));
      }
      vector.loadFieldBuffers(fieldNode, own); // retains the buffers it keeps
      List<Field> children = field.getChildren();
      List<FieldVector> childVectors = vector.getChildrenFromFields();
      if (childVectors.size() != children.size()) {
        throw new ArrowDecodingException("Column '" + field.getName() + "' has " + children.size() + " fields but "
            + "Arrow made " + childVectors.size() + " vectors for them; are field names repeated?");
      }
      for (int i = 0; i < children.size(); i++) {
        load(childVectors.get(i), children.get(i));
      }
    }
  }

  private ArrowBuf allocate(long length, String what) {
    try {
      return allocator.buffer(length);
    } catch (OutOfMemoryException e) {
      throw new ArrowDecodingException(what + " of " + length + " bytes exceeds the Arrow memory limit of " + maxBytes
          + " bytes (" + allocator.getAllocatedMemory() + " in use)", e);
    }
  }

  /** Runs a step that allocates as it goes; running out of the memory limit is an {@link ArrowDecodingException}. */
  private <T> T withinLimit(Step<T> step, String what) {
    try {
      return step.run();
    } catch (OutOfMemoryException e) {
      throw new ArrowDecodingException(what + " exceed the Arrow memory limit of " + maxBytes + " bytes ("
          + allocator.getAllocatedMemory() + " in use)", e);
    }
  }

  /** Runs a step of Arrow's own code, turning any exception it throws into an {@link ArrowDecodingException}. */
  private static <T> T guarded(Step<T> step) {
    try {
      return step.run();
    } catch (ArrowDecodingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArrowDecodingException("Malformed Arrow IPC stream: " + e, e);
    }
  }

  private static void guardedRun(Runnable step) {
    guarded(() -> {
      step.run();
      return null;
    });
  }

  /** A step that may throw. */
  @FunctionalInterface
  private interface Step<T> {
    T run();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (vectors != null) {
      vectors.forEach(FieldVector::close);
      vectors = null;
    }
    allocator.close();
  }
}
