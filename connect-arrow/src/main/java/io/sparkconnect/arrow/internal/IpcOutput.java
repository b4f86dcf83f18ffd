package io.sparkconnect.arrow.internal;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the messages of an Arrow IPC stream: each framed by the continuation marker and its metadata length, the
 * metadata padded so that the body starts on an 8-byte boundary, every body buffer padded to 8 bytes, and the
 * end-of-stream marker last. I/O errors of the output are thrown as {@link UncheckedIOException}.
 */
final class IpcOutput {
  private static final int CONTINUATION = 0xFFFFFFFF;
  private static final byte[] ZEROS = new byte[8];

  private final OutputStream out;
  private final byte[] word = new byte[4];
  private long bytes;

  IpcOutput(OutputStream out) {
    this.out = out;
  }

  /** The bytes written so far. */
  long bytes() {
    return bytes;
  }

  void schema(Schema schema) {
    message(SchemaMessage.of(schema));
  }

  /**
   * A record batch message and its body.
   *
   * @param nodes the field nodes in depth-first order, each {length, nullCount}
   * @param buffers the buffers of those fields, in the same order
   */
  void batch(long rows, List<long[]> nodes, List<? extends BodyPart> buffers) {
    long[] offsets = new long[buffers.size()];
    long[] lengths = new long[buffers.size()];
    long offset = 0;
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = offset;
      lengths[i] = buffers.get(i).size();
      offset += padded(lengths[i]);
    }
    message(batchHeader(rows, nodes, offsets, lengths, offset));
    try {
      for (int i = 0; i < offsets.length; i++) {
        buffers.get(i).writeTo(out);
        int padding = (int) (padded(lengths[i]) - lengths[i]);
        out.write(ZEROS, 0, padding);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes += offset;
  }

  /** The end-of-stream marker: a continuation with a metadata length of 0. */
  void end() {
    writeInt(CONTINUATION);
    writeInt(0);
  }

  private void message(byte[] flatbuffer) {
    int metadataLength = (int) padded(8L + flatbuffer.length) - 8;
    writeInt(CONTINUATION);
    writeInt(metadataLength);
    try {
      out.write(flatbuffer);
      out.write(ZEROS, 0, metadataLength - flatbuffer.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes += metadataLength;
  }

  private static byte[] batchHeader(long rows, List<long[]> nodes, long[] offsets, long[] lengths, long bodyLength) {
    FlatBufferBuilder builder = new FlatBufferBuilder(64 + 16 * (nodes.size() + offsets.length));
    // Vectors of structs are built back to front.
    RecordBatch.startNodesVector(builder, nodes.size());
    for (int i = nodes.size() - 1; i >= 0; i--) {
      FieldNode.createFieldNode(builder, nodes.get(i)[0], nodes.get(i)[1]);
    }
    int nodesVector = builder.endVector();
    RecordBatch.startBuffersVector(builder, offsets.length);
    for (int i = offsets.length - 1; i >= 0; i--) {
      Buffer.createBuffer(builder, offsets[i], lengths[i]);
    }
    int buffersVector = builder.endVector();
    RecordBatch.startRecordBatch(builder);
    RecordBatch.addLength(builder, rows);
    RecordBatch.addNodes(builder, nodesVector);
    RecordBatch.addBuffers(builder, buffersVector);
    int header = RecordBatch.endRecordBatch(builder);
    Message.startMessage(builder);
    Message.addVersion(builder, MetadataVersion.V5);
    Message.addHeaderType(builder, MessageHeader.RecordBatch);
    Message.addHeader(builder, header);
    Message.addBodyLength(builder, bodyLength);
    builder.finish(Message.endMessage(builder));
    return builder.sizedByteArray();
  }

  static long padded(long length) {
    return (length + 7) & ~7L;
  }

  private void writeInt(int value) {
    word[0] = (byte) value;
    word[1] = (byte) (value >>> 8);
    word[2] = (byte) (value >>> 16);
    word[3] = (byte) (value >>> 24);
    try {
      out.write(word);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes += 4;
  }
}
