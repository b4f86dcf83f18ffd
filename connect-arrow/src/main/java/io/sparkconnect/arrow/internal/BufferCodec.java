package io.sparkconnect.arrow.internal;

/** Decompresses single buffers of compressed record batches with one of Arrow's codecs. Not thread-safe. */
interface BufferCodec {
  /** The codec's name in Arrow's {@code CompressionType}. */
  String name();

  /**
   * The most bytes these compressed bytes can decompress to, as their frame and block headers tell (exactly, where a
   * frame declares its content size); read before any memory is allocated for them.
   *
   * @throws io.sparkconnect.arrow.ArrowDecodingException if the headers are malformed or use a feature Arrow writers
   *     do not
   */
  long maxDecompressed(byte[] in, int offset, int length);

  /**
   * Decompresses the bytes into all of {@code out}.
   *
   * @throws io.sparkconnect.arrow.ArrowDecodingException if they are malformed or decompress to other than {@code
   *     out.length} bytes
   */
  void decompress(byte[] in, int offset, int length, byte[] out);
}
