package io.sparkconnect.arrow;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * Test support: Arrow compression codecs built on aircompressor's compressors, so tests can write compressed
 * streams with Arrow's own writer (ZSTD frames, and LZ4 frames of independent blocks as Arrow's Java writer makes
 * them), and hand-made frames for what no compressor writes.
 */
final class Compressors implements CompressionCodec.Factory {
  static final Compressors INSTANCE = new Compressors();
  /** LZ4 frame descriptor: version 01, independent blocks, no checksums, no content size. */
  static final int LZ4_INDEPENDENT = 0x60;
  static final int LZ4_MAGIC = 0x184D2204;
  static final int ZSTD_MAGIC = 0xFD2FB528;

  private Compressors() {}

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type) {
    return type == CompressionUtil.CodecType.NO_COMPRESSION ? NoCompressionCodec.INSTANCE : new Codec(type);
  }

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
    return createCodec(type);
  }

  /** Compresses one buffer as Arrow does: 8 bytes for the uncompressed length, then the compressed bytes. */
  private static final class Codec extends AbstractCompressionCodec {
    private final CompressionUtil.CodecType type;

    Codec(CompressionUtil.CodecType type) {
      this.type = type;
    }

    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
      byte[] in = new byte[(int) uncompressed.writerIndex()];
      uncompressed.getBytes(0, in);
      byte[] out = type == CompressionUtil.CodecType.ZSTD ? zstd(in) : lz4Frame(in, LZ4_INDEPENDENT, 64 * 1024);
      ArrowBuf compressed = allocator.buffer(8L + out.length);
      compressed.setBytes(8, out);
      compressed.writerIndex(8L + out.length);
      return compressed;
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
      throw new UnsupportedOperationException("the tests only write compressed streams");
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
      return type;
    }
  }

  /** One Zstandard frame, which declares its content size. */
  static byte[] zstd(byte[] in) {
    ZstdCompressor compressor = new ZstdCompressor();
    byte[] out = new byte[compressor.maxCompressedLength(in.length)];
    return Arrays.copyOf(out, compressor.compress(in, 0, in.length, out, 0, out.length));
  }

  /**
   * One LZ4 frame with the given frame descriptor (FLG) byte, in blocks of at most {@code blockSize} bytes (64 KiB,
   * 256 KiB, 1 MiB or 4 MiB), each stored uncompressed when compressing does not make it smaller. The header checksum
   * and any block or content checksums are zeros: the decoder skips them.
   */
  static byte[] lz4Frame(byte[] in, int flags, int blockSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, LZ4_MAGIC);
    out.write(flags);
    out.write((Integer.numberOfTrailingZeros(blockSize) - 8) / 2 << 4);
    if ((flags & 0x08) != 0) {
      writeLong(out, in.length);
    }
    out.write(0);
    Lz4Compressor compressor = new Lz4Compressor();
    for (int at = 0; at < in.length; at += blockSize) {
      int n = Math.min(blockSize, in.length - at);
      byte[] block = new byte[compressor.maxCompressedLength(n)];
      int size = compressor.compress(in, at, n, block, 0, block.length);
      if (size < n) {
        writeInt(out, size);
        out.write(block, 0, size);
      } else {
        writeInt(out, n | 0x8000_0000);
        out.write(in, at, n);
      }
      if ((flags & 0x10) != 0) {
        writeInt(out, 0);
      }
    }
    writeInt(out, 0);
    if ((flags & 0x04) != 0) {
      writeInt(out, 0);
    }
    return out.toByteArray();
  }

  /**
   * A Zstandard frame of {@code blocks} RLE blocks of 128 KiB of {@code value}, declaring its content size: 4 bytes
   * for each 128 KiB, the densest the format allows.
   */
  static byte[] zstdRle(int blocks, byte value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, ZSTD_MAGIC);
    out.write(0xE0); // an 8-byte content size, single segment
    writeLong(out, (long) blocks * 128 * 1024);
    for (int i = 0; i < blocks; i++) {
      int header = (i == blocks - 1 ? 1 : 0) | 1 << 1 | 128 * 1024 << 3;
      out.write(header);
      out.write(header >>> 8);
      out.write(header >>> 16);
      out.write(value);
    }
    return out.toByteArray();
  }

  /** A buffer as a compressed batch carries it: the uncompressed length, then the bytes. */
  static byte[] prefixed(long uncompressedLength, byte[] bytes) {
    return ByteBuffer.allocate(8 + bytes.length).order(ByteOrder.LITTLE_ENDIAN).putLong(uncompressedLength)
        .put(bytes).array();
  }

  static void writeInt(ByteArrayOutputStream out, int value) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
  }

  static void writeLong(ByteArrayOutputStream out, long value) {
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
  }
}
