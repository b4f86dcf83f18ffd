package io.sparkconnect.arrow.internal;

import io.airlift.compress.zstd.ZstdDecompressor;
import io.sparkconnect.arrow.ArrowDecodingException;

/**
 * Arrow's ZSTD codec: a buffer is one or more Zstandard frames (RFC 8878), decompressed by aircompressor's pure-Java
 * decoder. Before that, the frame and block headers are walked to bound the output: a frame that declares its content
 * size gives it exactly, and otherwise raw and RLE blocks give their size and a compressed block at most 128 KiB.
 */
final class ZstdCodec implements BufferCodec {
  private static final int MAGIC = 0xFD2FB528;
  /** The largest block the format allows (Block_Maximum_Size). */
  private static final int MAX_BLOCK = 128 * 1024;
  private static final int RAW = 0;
  private static final int RLE = 1;
  private static final int COMPRESSED = 2;

  private final ZstdDecompressor decompressor = new ZstdDecompressor();

  @Override
  public String name() {
    return "ZSTD";
  }

  @Override
  public long maxDecompressed(byte[] in, int offset, int length) {
    FrameReader frames = new FrameReader(in, offset, length, "ZSTD");
    long total = 0;
    while (frames.hasMore()) {
      total += frame(frames);
    }
    return total;
  }

  /** Reads one frame and returns the most it decompresses to. */
  private static long frame(FrameReader in) {
    int magic = in.i32("a frame's magic number");
    if (magic != MAGIC) {
      throw in.malformed("a frame starts with " + Integer.toHexString(magic) + ", not the Zstandard magic number "
          + "fd2fb528 (skippable frames are not supported)");
    }
    int descriptor = in.u8("a frame header descriptor");
    if ((descriptor & 0x08) != 0) {
      throw in.malformed("a frame header sets its reserved bit");
    }
    boolean singleSegment = (descriptor & 0x20) != 0;
    int sizeFlag = descriptor >>> 6;
    if (!singleSegment) {
      in.skip(1, "a window descriptor");
    }
    int dictionaryFlag = descriptor & 0x03;
    if (dictionaryFlag != 0) {
      in.skip(dictionaryFlag == 3 ? 4 : dictionaryFlag, "a dictionary id");
    }
    int sizeWidth = sizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag;
    long contentSize = -1;
    if (sizeWidth > 0) {
      contentSize = in.unsigned(sizeWidth, "a frame content size") + (sizeWidth == 2 ? 256 : 0);
      if (contentSize < 0) {
        throw in.malformed("a frame declares a content size of " + Long.toUnsignedString(contentSize) + " bytes");
      }
    }
    long blocks = 0;
    boolean last = false;
    while (!last) {
      int header = in.u24("a block header");
      last = (header & 1) != 0;
      int type = (header >>> 1) & 3;
      int size = header >>> 3;
      if (type == 3) {
        throw in.malformed("a block has the reserved block type");
      }
      if (size > MAX_BLOCK) {
        throw in.malformed("a block of " + size + " bytes is larger than the format's 128 KiB");
      }
      in.skip(type == RLE ? 1 : size, "a block");
      blocks += type == COMPRESSED ? MAX_BLOCK : size;
    }
    if ((descriptor & 0x04) != 0) {
      in.skip(4, "a content checksum");
    }
    return contentSize < 0 ? blocks : Math.min(contentSize, blocks);
  }

  @Override
  public void decompress(byte[] in, int offset, int length, byte[] out) {
    int written;
    try {
      written = decompressor.decompress(in, offset, length, out, 0, out.length);
    } catch (RuntimeException e) {
      throw new ArrowDecodingException("Malformed ZSTD buffer in a compressed Arrow batch: " + e.getMessage(), e);
    }
    if (written != out.length) {
      throw new ArrowDecodingException("A ZSTD buffer in a compressed Arrow batch decompresses to " + written
          + " bytes, not the " + out.length + " its length prefix declares");
    }
  }
}
