package io.sparkconnect.arrow.internal;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.sparkconnect.arrow.ArrowDecodingException;

/**
 * Arrow's LZ4_FRAME codec: a buffer is one or more LZ4 frames, whose blocks are decompressed by aircompressor's
 * pure-Java LZ4 block decoder. The frame and block headers bound the output before anything is allocated: a stored
 * block gives its size, a compressed one at most 255 bytes per byte (LZ4's largest expansion) and no more than the
 * frame's block size, and a declared content size is exact. Checksums are skipped, not verified. Blocks that refer to
 * the block before them (a frame without the block-independence flag) cannot be decoded by aircompressor; Arrow's Java
 * writer, which Spark uses, never makes them.
 */
final class Lz4FrameCodec implements BufferCodec {
  private static final int MAGIC = 0x184D2204;
  private static final int MAX_EXPANSION = 255;

  private final Lz4Decompressor decompressor = new Lz4Decompressor();

  @Override
  public String name() {
    return "LZ4_FRAME";
  }

  /** A frame's header: its flags, block size and declared content size (-1 if none). */
  private record Header(boolean independent, boolean blockChecksums, boolean contentChecksum, int maxBlock,
      long contentSize) {}

  private static Header header(FrameReader in) {
    int magic = in.i32("a frame's magic number");
    if (magic != MAGIC) {
      throw in.malformed("a frame starts with " + Integer.toHexString(magic) + ", not the LZ4 frame magic number "
          + "184d2204 (legacy and skippable frames are not supported)");
    }
    int flags = in.u8("a frame descriptor");
    int blockDescriptor = in.u8("a block descriptor");
    if (flags >>> 6 != 1 || (flags & 0x02) != 0 || (blockDescriptor & 0x8F) != 0) {
      throw in.malformed("a frame descriptor has version " + (flags >>> 6) + " or reserved bits set (FLG "
          + Integer.toHexString(flags) + ", BD " + Integer.toHexString(blockDescriptor) + ")");
    }
    if ((flags & 0x01) != 0) {
      throw in.malformed("a frame uses a dictionary, which Arrow writers do not");
    }
    int sizeId = blockDescriptor >>> 4;
    if (sizeId < 4) {
      throw in.malformed("a frame has the invalid block size id " + sizeId);
    }
    long contentSize = -1;
    if ((flags & 0x08) != 0) {
      contentSize = in.i64("a frame content size");
      if (contentSize < 0) {
        throw in.malformed("a frame declares a content size of " + Long.toUnsignedString(contentSize) + " bytes");
      }
    }
    in.skip(1, "a header checksum");
    return new Header((flags & 0x20) != 0, (flags & 0x10) != 0, (flags & 0x04) != 0, 1 << (8 + 2 * sizeId),
        contentSize);
  }

  @Override
  public long maxDecompressed(byte[] in, int offset, int length) {
    FrameReader frames = new FrameReader(in, offset, length, "LZ4_FRAME");
    long total = 0;
    while (frames.hasMore()) {
      Header header = header(frames);
      long blocks = 0;
      for (int block = frames.i32("a block size"); block != 0; block = frames.i32("a block size")) {
        int size = checkedSize(frames, header, block);
        frames.skip(size + (header.blockChecksums() ? 4L : 0L), "a block");
        blocks += block < 0 ? size : Math.min(header.maxBlock(), (long) size * MAX_EXPANSION);
      }
      if (header.contentChecksum()) {
        frames.skip(4, "a content checksum");
      }
      total += header.contentSize() < 0 ? blocks : Math.min(header.contentSize(), blocks);
    }
    return total;
  }

  /** The size of a block from its size field, whose high bit marks a block stored uncompressed. */
  private static int checkedSize(FrameReader in, Header header, int field) {
    int size = field & 0x7FFF_FFFF;
    if (size > header.maxBlock()) {
      throw in.malformed("a block of " + size + " bytes is larger than the frame's block size of "
          + header.maxBlock());
    }
    return size;
  }

  @Override
  public void decompress(byte[] in, int offset, int length, byte[] out) {
    FrameReader frames = new FrameReader(in, offset, length, "LZ4_FRAME");
    int written = 0;
    while (frames.hasMore()) {
      Header header = header(frames);
      int frameStart = written;
      boolean first = true;
      for (int block = frames.i32("a block size"); block != 0; block = frames.i32("a block size")) {
        int size = checkedSize(frames, header, block);
        int at = frames.position();
        frames.skip(size + (header.blockChecksums() ? 4L : 0L), "a block");
        if (block < 0) {
          if (size > out.length - written) {
            throw tooLong(out.length);
          }
          System.arraycopy(in, at, out, written, size);
          written += size;
        } else {
          written += block(in, at, size, out, written, header, first);
        }
        first = false;
      }
      if (header.contentChecksum()) {
        frames.skip(4, "a content checksum");
      }
      if (header.contentSize() >= 0 && written - frameStart != header.contentSize()) {
        throw frames.malformed("a frame declares " + header.contentSize() + " bytes of content but holds "
            + (written - frameStart));
      }
    }
    if (written != out.length) {
      throw new ArrowDecodingException("An LZ4_FRAME buffer in a compressed Arrow batch decompresses to " + written
          + " bytes, not the " + out.length + " its length prefix declares");
    }
  }

  private int block(byte[] in, int at, int size, byte[] out, int written, Header header, boolean first) {
    boolean independent = header.independent() || first;
    try {
      return decompressor.decompress(in, at, size, out, written, Math.min(header.maxBlock(), out.length - written));
    } catch (RuntimeException e) {
      throw new ArrowDecodingException("Malformed LZ4_FRAME buffer in a compressed Arrow batch: " + e.getMessage()
          + (independent ? "" : " (the frame's blocks may refer to the block before them, which this client cannot "
              + "decode; Arrow's Java writer, which Spark uses, never does this)"), e);
    }
  }

  private static ArrowDecodingException tooLong(int declared) {
    return new ArrowDecodingException("An LZ4_FRAME buffer in a compressed Arrow batch decompresses to more than "
        + "the " + declared + " bytes its length prefix declares");
  }
}
