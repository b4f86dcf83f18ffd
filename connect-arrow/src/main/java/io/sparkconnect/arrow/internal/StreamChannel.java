package io.sparkconnect.arrow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A channel over an input stream that, unlike {@code Channels.newChannel}, is not interruptible: interrupting the
 * decoding thread must cancel the query, not corrupt the batch being decoded.
 */
public final class StreamChannel implements ReadableByteChannel {
  private final InputStream in;
  private byte[] buffer = new byte[8192];
  private boolean open = true;

  public StreamChannel(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    int wanted = target.remaining();
    if (wanted == 0) {
      return 0;
    }
    if (target.hasArray()) {
      int read = in.read(target.array(), target.arrayOffset() + target.position(), wanted);
      if (read > 0) {
        target.position(target.position() + read);
      }
      return read;
    }
    if (buffer.length < wanted) {
      buffer = new byte[Math.min(wanted, 1 << 20)];
    }
    int read = in.read(buffer, 0, Math.min(wanted, buffer.length));
    if (read > 0) {
      target.put(buffer, 0, read);
    }
    return read;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
