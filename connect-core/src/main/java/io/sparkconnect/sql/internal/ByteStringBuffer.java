package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteOutput;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The bytes of a {@code ByteString} as a buffer, without copying them: bytes over an array come back as a buffer
 * over that array, so they reach Arrow memory in one bulk copy. {@code asReadOnlyByteBuffer()} hides the array, and
 * its bytes then pass through a scratch array on the way. The buffer must not be written to.
 */
final class ByteStringBuffer extends ByteOutput {
  private ByteBuffer view;
  private int pieces;

  private ByteStringBuffer() {}

  static ByteBuffer of(ByteString bytes) {
    ByteStringBuffer output = new ByteStringBuffer();
    try {
      UnsafeByteOperations.unsafeWriteTo(bytes, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // this output never throws
    }
    return output.pieces == 1 ? output.view : bytes.asReadOnlyByteBuffer();
  }

  @Override
  public void write(byte value) {
    pieces = 2;
  }

  @Override
  public void write(byte[] value, int offset, int length) {
    pieces = 2;
  }

  @Override
  public void writeLazy(byte[] value, int offset, int length) {
    view = ByteBuffer.wrap(value, offset, length);
    pieces++;
  }

  @Override
  public void write(ByteBuffer value) {
    pieces = 2;
  }

  @Override
  public void writeLazy(ByteBuffer value) {
    view = value.slice();
    pieces++;
  }
}
