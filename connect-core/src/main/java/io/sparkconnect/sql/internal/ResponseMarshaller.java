package io.sparkconnect.sql.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code ExecutePlan} and {@code ReattachExecute} responses with one copy of their bytes: each message is read
 * from gRPC's buffers into an array of its size, and its {@code bytes} fields (the Arrow batches) are views of that
 * array. gRPC's own protobuf marshaller copies each message into a scratch array and then every {@code bytes} field
 * out of it again. The array is never written after parsing, so the views stay valid as long as the response.
 */
final class ResponseMarshaller implements MethodDescriptor.Marshaller<ExecutePlanResponse> {
  static final ResponseMarshaller INSTANCE = new ResponseMarshaller();

  private final MethodDescriptor.Marshaller<ExecutePlanResponse> standard =
      SparkConnectServiceGrpc.getExecutePlanMethod().getResponseMarshaller();

  private ResponseMarshaller() {}

  /** {@code method} with its responses read by this marshaller. */
  static <Q> MethodDescriptor<Q, ExecutePlanResponse> reading(MethodDescriptor<Q, ExecutePlanResponse> method) {
    return method.toBuilder().setResponseMarshaller(INSTANCE).build();
  }

  @Override
  public InputStream stream(ExecutePlanResponse value) {
    return standard.stream(value);
  }

  @Override
  public ExecutePlanResponse parse(InputStream stream) {
    try {
      // over immutable bytes, so that aliasing applies
      CodedInputStream input = UnsafeByteOperations.unsafeWrap(readAll(stream)).newCodedInput();
      input.enableAliasing(true);
      input.setSizeLimit(Integer.MAX_VALUE);
      ExecutePlanResponse response = ExecutePlanResponse.parser().parseFrom(input);
      input.checkLastTagWas(0);
      return response;
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence in an ExecutePlan response")
          .withCause(e).asRuntimeException();
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("Could not read an ExecutePlan response").withCause(e)
          .asRuntimeException();
    }
  }

  /** The stream's bytes: gRPC's message streams know their length, so this is one read into an array of it. */
  private static byte[] readAll(InputStream stream) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes();
    }
    int size = stream.available();
    byte[] bytes = new byte[size];
    int read = stream.readNBytes(bytes, 0, size);
    if (read < size) {
      throw new IOException("The response ended after " + read + " of the " + size + " bytes it announced");
    }
    int next = stream.read();
    if (next < 0) {
      return bytes;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(size + 1);
    all.write(bytes);
    all.write(next);
    stream.transferTo(all);
    return all.toByteArray();
  }
}
