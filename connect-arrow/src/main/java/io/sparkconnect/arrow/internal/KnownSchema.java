package io.sparkconnect.arrow.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The last schema message a decoder checked and parsed, kept by its metadata bytes. Spark sends every batch as its
 * own IPC stream with the same schema message, so a message with exactly these bytes is the same schema: it needs
 * neither the flatbuffer check nor the parse again, and the decoder hands on the same field list.
 */
final class KnownSchema {
  private ByteBuffer metadata;
  private List<Field> fields;

  /** Whether {@code message} holds, from its position to its limit, the bytes of the known schema message. */
  boolean is(ByteBuffer message) {
    return metadata != null && metadata.equals(message);
  }

  /** The fields of the known schema message. */
  List<Field> fields() {
    return fields;
  }

  /** Keeps a checked and parsed schema message; its bytes are copied. */
  void remember(ByteBuffer message, List<Field> parsed) {
    ByteBuffer copy = ByteBuffer.allocate(message.remaining());
    copy.put(message.duplicate()).flip();
    metadata = copy;
    fields = parsed;
  }
}
