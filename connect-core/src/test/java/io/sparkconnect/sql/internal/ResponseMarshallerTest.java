package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.KnownLength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Responses are read with one copy: their Arrow bytes are views of the array the message was read into. */
class ResponseMarshallerTest {
  private static final byte[] DATA = new byte[100_000];
  private static final ExecutePlanResponse RESPONSE;

  static {
    Arrays.fill(DATA, (byte) 7);
    RESPONSE = ExecutePlanResponse.newBuilder().setOperationId("op").setResponseId("r1")
        .setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder().setRowCount(3).setData(ByteString.copyFrom(DATA)))
        .build();
  }

  @Test
  void arrowBytesAreViewsOfTheReceivedMessage() {
    byte[] message = RESPONSE.toByteArray();
    ExecutePlanResponse parsed = ResponseMarshaller.INSTANCE.parse(new KnownLengthStream(message));
    assertEquals(RESPONSE, parsed);
    ByteBuffer data = ByteStringBuffer.of(parsed.getArrowBatch().getData());
    assertTrue(data.hasArray());
    assertEquals(message.length, data.array().length, "the bytes are a view of the whole message");
    assertEquals(DATA.length, data.remaining());
  }

  @Test
  void readsStreamsOfUnknownLength() {
    assertEquals(RESPONSE, ResponseMarshaller.INSTANCE.parse(new ByteArrayInputStream(RESPONSE.toByteArray())));
  }

  @Test
  void readsMoreThanAnAnnouncedLength() {
    byte[] message = RESPONSE.toByteArray();
    KnownLengthStream stream = new KnownLengthStream(message) {
      @Override
      public synchronized int available() {
        return Math.max(0, super.available() - 10);
      }
    };
    assertEquals(RESPONSE, ResponseMarshaller.INSTANCE.parse(stream));
  }

  @Test
  void malformedMessagesFailAsInternalErrors() {
    byte[] truncated = Arrays.copyOf(RESPONSE.toByteArray(), 50);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ResponseMarshaller.INSTANCE.parse(new KnownLengthStream(truncated)));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("Invalid protobuf"), e.getStatus().getDescription());
  }

  @Test
  void replacesOnlyTheResponseMarshaller() {
    var method = ResponseMarshaller.reading(SparkConnectServiceGrpc.getExecutePlanMethod());
    assertSame(ResponseMarshaller.INSTANCE, method.getResponseMarshaller());
    assertEquals(SparkConnectServiceGrpc.getExecutePlanMethod().getFullMethodName(), method.getFullMethodName());
    assertEquals(SparkConnectServiceGrpc.getExecutePlanMethod().getType(), method.getType());
  }

  @Test
  void bytesOfManyPiecesAreOneBuffer() {
    ByteString rope = ByteString.copyFrom(DATA).concat(ByteString.copyFromUtf8("tail"));
    ByteBuffer buffer = ByteStringBuffer.of(rope);
    byte[] read = new byte[buffer.remaining()];
    buffer.get(read);
    assertArrayEquals(rope.toByteArray(), read);
    assertFalse(ByteStringBuffer.of(ByteString.copyFrom(DATA)).isReadOnly());
  }

  /** A stream that knows its length, as gRPC's message streams do. */
  private static class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }
  }
}
