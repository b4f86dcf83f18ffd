package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;

/**
 * The body of a record batch compressed with Arrow's {@code BUFFER} method: on the wire each buffer is an 8-byte
 * little-endian uncompressed length (-1: the bytes after it are stored as they are; 0, or no bytes at all: an empty
 * buffer) followed by the compressed bytes. The uncompressed lengths are sizes from the wire, so each is checked before
 * memory is allocated for it: not negative, no more than the codec's frame and block headers allow for the compressed
 * bytes, and at most what a Java array holds. The decompressed buffers are laid out, 8-byte aligned, in a new body,
 * whose size the decoder's memory limit bounds.
 */
final class CompressedBody {
  private static final int PREFIX = 8;
  private static final long STORED = -1;
  private static final long MAX_BUFFER = Integer.MAX_VALUE - 8;

  private final byte[] body;
  private final BufferLayout wire;
  private final BufferLayout decompressed;
  private final boolean[] stored;
  private final BufferCodec codec;

  private CompressedBody(byte[] body, BufferLayout wire, BufferLayout decompressed, boolean[] stored,
      BufferCodec codec) {
    this.body = body;
    this.wire = wire;
    this.decompressed = decompressed;
    this.stored = stored;
    this.codec = codec;
  }

  /**
   * Reads the uncompressed lengths of a body whose buffers were checked to lie in it, and lays out the decompressed
   * buffers.
   *
   * @param names what each buffer holds, for error messages
   */
  static CompressedBody read(byte[] body, BufferLayout wire, BufferCodec codec, List<String> names) {
    int count = wire.count();
    long[] offsets = new long[count];
    long[] lengths = new long[count];
    boolean[] stored = new boolean[count];
    long position = 0;
    for (int i = 0; i < count; i++) {
      long size = 0;
      long length = wire.length(i);
      if (length > 0) {
        if (length < PREFIX) {
          throw new ArrowDecodingException("In a " + codec.name() + "-compressed Arrow batch, " + names.get(i)
              + " has " + length + " bytes, too few for its 8-byte uncompressed length");
        }
        int at = (int) wire.offset(i);
        long declared = new FrameReader(body, at, PREFIX, codec.name()).i64("an uncompressed length");
        int compressed = (int) length - PREFIX;
        if (declared == STORED) {
          size = compressed;
          stored[i] = true;
        } else if (declared > 0) {
          size = checked(declared, codec, body, at + PREFIX, compressed, names.get(i));
        } else if (declared < 0) {
          throw new ArrowDecodingException("In a " + codec.name() + "-compressed Arrow batch, " + names.get(i)
              + " declares an uncompressed length of " + declared + " bytes");
        }
      }
      offsets[i] = position;
      lengths[i] = size;
      position = (position + size + 7) & ~7L;
    }
    return new CompressedBody(body, wire, new BufferLayout(offsets, lengths, position), stored, codec);
  }

  private static long checked(long declared, BufferCodec codec, byte[] body, int at, int compressed, String name) {
    if (declared > MAX_BUFFER) {
      throw new ArrowDecodingException("In a " + codec.name() + "-compressed Arrow batch, " + name + " declares "
          + declared + " uncompressed bytes, more than one buffer can hold (" + MAX_BUFFER + ")");
    }
    long most = codec.maxDecompressed(body, at, compressed);
    if (declared > most) {
      throw new ArrowDecodingException("In a " + codec.name() + "-compressed Arrow batch, " + name + " declares "
          + declared + " uncompressed bytes, but its " + compressed + " compressed bytes hold at most " + most);
    }
    return declared;
  }

  /** Where the buffers lie once decompressed. */
  BufferLayout layout() {
    return decompressed;
  }

  /** Decompresses every buffer into {@code target}, a body of {@code layout().bodyLength()} bytes. */
  void decompressInto(ArrowBuf target) {
    for (int i = 0; i < wire.count(); i++) {
      long size = decompressed.length(i);
      if (size == 0) {
        continue;
      }
      int at = (int) wire.offset(i) + PREFIX;
      if (stored[i]) {
        target.setBytes(decompressed.offset(i), body, at, size);
      } else {
        byte[] out = new byte[(int) size];
        codec.decompress(body, at, (int) wire.length(i) - PREFIX, out);
        target.setBytes(decompressed.offset(i), out, 0, size);
      }
    }
  }
}
